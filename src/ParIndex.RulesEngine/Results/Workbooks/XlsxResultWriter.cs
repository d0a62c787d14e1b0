using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
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

    /// <summary>Writes <paramref name="report"/> to <paramref name="output"/> (left open).</summary>
    /// <param name="report">The scoring result.</param>
    /// <param name="output">Where the .xlsx bytes go.</param>
    public static void Write(ScoreReport report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var layout = report.Layout;
        var rows = report.Rows;
        using var document = SpreadsheetDocument.Create(output, SpreadsheetDocumentType.Workbook);
        var workbookPart = document.AddWorkbookPart();
        workbookPart.AddNewPart<WorkbookStylesPart>().Stylesheet = XlsxStyles.Create(layout.Definition.Precision);
        var sheets = new List<(string Name, WorksheetPart Part, string FilterRange)>();
        void Add(string name, Func<WorksheetPart, string> write)
        {
            var part = workbookPart.AddNewPart<WorksheetPart>();
            sheets.Add((name, part, write(part)));
        }
        Add(RankingSheet, part => XlsxResultSheets.Ranking(part, layout, rows));
        if (layout.Detail) Add(MatrixSheet, part => XlsxResultSheets.Matrix(part, layout, rows));
        if (layout.Detail) Add(ShortfallSheet, part => XlsxResultSheets.Shortfalls(part, layout, rows));
        if (layout.Rules.Eligibility.Count > 0) Add(EligibilitySheet, part => XlsxResultSheets.Eligibility(part, layout, rows));
        var names = new DefinedNames();
        for (var i = 0; i < sheets.Count; i++)
            names.Append(new DefinedName($"'{sheets[i].Name}'!{sheets[i].FilterRange}") { Name = "_xlnm._FilterDatabase", LocalSheetId = (uint)i, Hidden = true });
        workbookPart.Workbook = new Workbook(
            new Sheets(sheets.Select((s, i) => new Sheet { Id = workbookPart.GetIdOfPart(s.Part), SheetId = (uint)(i + 1), Name = s.Name })),
            names);
    }
}
