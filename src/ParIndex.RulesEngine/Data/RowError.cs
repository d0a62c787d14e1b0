using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Why one agency's row was not scored. The other rows are scored as usual.
/// </summary>
/// <param name="AgencyId">The agency id, when the row has one.</param>
/// <param name="Row">1-based position of the row among the data rows (header not counted).</param>
/// <param name="Field">The input or column concerned, or null for the whole row.</param>
/// <param name="Code">A diagnostic code (PAR06xx, or PAR04xx for a formula that gave no number).</param>
/// <param name="Message">A sentence naming agency, field and reason.</param>
/// <param name="Location">File, line and column (CSV) or JSON path (JSON), when known.</param>
public sealed record RowError(string? AgencyId, int Row, string? Field, string Code, string Message, SourceLocation Location)
{
    /// <summary>Formats like a diagnostic: <c>file(line,col): error CODE: message</c>.</summary>
    public override string ToString() => $"{Location}: error {Code}: {Message}";
}
