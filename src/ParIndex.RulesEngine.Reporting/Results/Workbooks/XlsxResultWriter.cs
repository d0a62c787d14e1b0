using DocumentFormat.OpenXml.Spreadsheet;
using ParIndex.RulesEngine.Results.Sinks;

namespace ParIndex.RulesEngine.Results.Workbooks;

/// <summary>
/// Writes scoring results as an .xlsx workbook in Vietnamese: "Xếp hạng" (the ranking, group by
/// group), "Điểm tiêu chí" (agencies × criteria, each cell coloured by its share of the
/// criterion's max), "Thiếu điểm theo đơn vị" (points lost per responsible unit and criterion)
/// and "Điều kiện" (eligibility, when the rule set has rules). Numbers are numbers, shown with
/// the scheme's precision; every sheet has a frozen header, an autofilter and an A4 landscape
/// page setup. Sheets are written row by row with the SAX writer (no sheet is ever a DOM).
/// </summary>
public static class XlsxResultWriter
{
    /// <summary>The ranking sheet's name.</summary>
    public const string RankingSheet = "Xếp hạng";
    /// <summary>The points matrix sheet's name.</summary>
    public const string MatrixSheet = "Điểm tiêu chí";
    /// <summary>The shortfalls sheet's name.</summary>
    public const string ShortfallSheet = "Thiếu điểm theo đơn vị";
    /// <summary>The eligibility sheet's name.</summary>
    public const string EligibilitySheet = "Điều kiện";

    /// <summary>
    /// Writes <paramref name="report"/> to <paramref name="output"/> (left open) with asynchronous
    /// writes only, as a response body in ASP.NET requires: the workbook is built in a temporary
    /// file first, so <paramref name="output"/> receives it only once it is complete.
    /// </summary>
    /// <param name="report">The scoring result.</param>
    /// <param name="output">Where the .xlsx bytes go.</param>
    /// <param name="cancellationToken">Stops building or copying (<see cref="OperationCanceledException"/>).</param>
    public static Task WriteAsync(ScoreReport report, Stream output, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(report);
        return StagedOutput.WriteAsync(staged => Write(report, staged), output, cancellationToken);
    }

    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/> (left open).</summary>
    /// <param name="report">The scoring result.</param>
    /// <param name="output">Where the .xlsx bytes go.</param>
    public static void Write(ScoreReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var layout = report.Layout;
        var rows = report.Rows;
        using var package = new XlsxPackageWriter(output);
        var filters = new List<DefinedName>();
        void Add(string name, Func<XlsxSheetWriter, string> write)
        {
            string range;
            using (var sheet = package.AddSheet(name)) range = write(sheet);
            filters.Add(new DefinedName($"'{name}'!{range}") { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)filters.Count, Hidden = true });
        }
        Add(RankingSheet, sheet => XlsxResultSheets.Ranking(sheet, layout, rows));
        if (layout.Detail) Add(MatrixSheet, sheet => XlsxResultSheets.Matrix(sheet, layout, rows));
        if (layout.Detail) Add(ShortfallSheet, sheet => XlsxResultSheets.Shortfalls(sheet, layout, rows));
        if (layout.Rules.Eligibility.Count > 0) Add(EligibilitySheet, sheet => XlsxResultSheets.Eligibility(sheet, layout, rows));
        package.Finish(XlsxStyles.Create(layout.Definition.Precision), filters);
    }
}
