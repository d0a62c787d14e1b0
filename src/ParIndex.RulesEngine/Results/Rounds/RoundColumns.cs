namespace ParIndex.RulesEngine.Results.Rounds;

/// <summary>
/// The naming convention of columns that travel beside an input: <c>&lt;input&gt;#note</c> holds
/// the appraiser's note on that input (a CSV column or a JSON property of the agency object).
/// Such a column is not an unknown field of the data; the scoring ignores it.
/// </summary>
public static class RoundColumns
{
    /// <summary>The suffix of an appraiser's note column: <c>trainingCompletion#note</c>.</summary>
    public const string NoteSuffix = "#note";

    /// <summary>The note column of <paramref name="input"/>.</summary>
    public static string NoteColumn(string input) => input + NoteSuffix;

    /// <summary>The input a note column is about, or null when <paramref name="field"/> is not the note column of one of <paramref name="inputs"/>.</summary>
    public static string? InputOfNote(string field, IEnumerable<string> inputs)
    {
        if (!field.EndsWith(NoteSuffix, StringComparison.Ordinal)) return null;
        var input = field[..^NoteSuffix.Length];
        return inputs.Contains(input, StringComparer.Ordinal) ? input : null;
    }
}
