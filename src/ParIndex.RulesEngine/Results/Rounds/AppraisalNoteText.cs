namespace ParIndex.RulesEngine.Results.Rounds;

/// <summary>
/// The appraiser's notes of one criterion as one cell, "input: text; input: text": the CSV here
/// and the text and HTML reports of the Reporting package write them alike.
/// </summary>
internal static class AppraisalNoteText
{
    /// <summary>The notes joined in their order.</summary>
    public static string Join(IEnumerable<AppraisalNote> notes) => string.Join("; ", notes.Select(n => $"{n.Input}: {n.Text}"));
}
