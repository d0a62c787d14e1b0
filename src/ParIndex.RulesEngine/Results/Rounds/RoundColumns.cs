namespace ParIndex.RulesEngine.Results.Rounds;

/// <summary>
/// The naming convention of columns that travel beside an input: <c>&lt;input&gt;#note</c> holds
/// the appraiser's note on that input (a CSV column or a JSON property of the agency object);
/// <c>&lt;input&gt;#self</c> (CSV) the self-assessed value when one file holds both rounds, and
/// <c>&lt;input&gt;</c> the appraised one. Such a column is not an unknown field of the data; the
/// scoring of one round ignores it.
/// </summary>
public static class RoundColumns
{
    /// <summary>The suffix of an appraiser's note column: <c>trainingCompletion#note</c>.</summary>
    public const string NoteSuffix = "#note";

    /// <summary>The suffix of a self-assessed value column beside the appraised one: <c>trainingCompletion#self</c>.</summary>
    public const string SelfSuffix = "#self";

    /// <summary>The note column of <paramref name="input"/>.</summary>
    public static string NoteColumn(string input) => input + NoteSuffix;

    /// <summary>True when <paramref name="field"/> is the note or self-assessed column of one of <paramref name="inputs"/>.</summary>
    internal static bool IsCompanion(string field, IEnumerable<string> inputs) =>
        InputOfNote(field, inputs) is not null
        || (field.EndsWith(SelfSuffix, StringComparison.Ordinal) && inputs.Contains(field[..^SelfSuffix.Length], StringComparer.Ordinal));

    /// <summary>The input a note column is about, or null when <paramref name="field"/> is not the note column of one of <paramref name="inputs"/>.</summary>
    public static string? InputOfNote(string field, IEnumerable<string> inputs)
    {
        if (!field.EndsWith(NoteSuffix, StringComparison.Ordinal)) return null;
        var input = field[..^NoteSuffix.Length];
        return inputs.Contains(input, StringComparer.Ordinal) ? input : null;
    }
}
