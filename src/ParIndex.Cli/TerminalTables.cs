using System.Globalization;
using System.Text;
using ParIndex.RulesEngine.Results;
using Spectre.Console;

namespace ParIndex.Cli;

/// <summary>
/// The ranking drawn with Spectre.Console for a terminal: one table per group with rounded
/// borders, right-aligned numbers, coloured rank change and classification. Column widths
/// follow the terminal's display width of each character, so Vietnamese names with diacritics
/// line up; long names wrap inside their column.
/// </summary>
public static class TerminalTables
{
    /// <summary>Writes the ranking of <paramref name="report"/> to <paramref name="console"/>.</summary>
    public static void Write(ScoreReport report, IAnsiConsole console)
    {
        var precision = report.RuleSet.Precision;
        console.Write(new Rule(Escape($"{report.RuleSet.Title} ({report.RuleSet.Id} {report.RuleSet.Version})")).LeftJustified());
        var eligibility = report.RuleSet.Eligibility;
        var hasPrevious = report.Agencies.Any(a => a.PreviousRank is not null);
        foreach (var group in report.Groups)
        {
            var ranking = report.Ranking(group);
            if (ranking.Count == 0) continue;
            var table = new Table().RoundedBorder().BorderColor(Color.Grey);
            if (report.Groups.Count > 1 || group.Length > 0) table.Title(Escape(report.GroupTitle(group)), new Style(decoration: Decoration.Bold));
            table.AddColumn(new TableColumn("Hạng").RightAligned());
            if (hasPrevious) table.AddColumn(new TableColumn("Thay đổi").RightAligned());
            table.AddColumn(new TableColumn("Mã"));
            table.AddColumn(new TableColumn("Đơn vị"));
            table.AddColumn(new TableColumn("Điểm").RightAligned());
            table.AddColumn(new TableColumn("Tối đa").RightAligned());
            table.AddColumn(new TableColumn("%").RightAligned());
            table.AddColumn(new TableColumn("Xếp loại"));
            foreach (var rule in eligibility) table.AddColumn(new TableColumn(Escape(rule.Id)).Centered());
            foreach (var agency in ranking)
            {
                var cells = new List<string> { agency.Rank.ToString(CultureInfo.InvariantCulture) };
                if (hasPrevious) cells.Add(Change(agency.RankChange));
                cells.Add(Escape(agency.AgencyId));
                cells.Add(Escape(agency.Name ?? ""));
                cells.Add(agency.Total.ToString("F" + precision, CultureInfo.InvariantCulture));
                cells.Add(agency.MaxPoints.ToString("0.######", CultureInfo.InvariantCulture));
                cells.Add(agency.Percent.ToString("F" + precision, CultureInfo.InvariantCulture));
                cells.Add(Escape(agency.Classification ?? ""));
                foreach (var rule in eligibility)
                    cells.Add(agency.Eligibility.FirstOrDefault(e => e.Id == rule.Id) is { } outcome ? (outcome.IsEligible ? "[green]có[/]" : "[red]không[/]") : "");
                table.AddRow(cells.ToArray());
            }
            console.Write(table);
        }
    }

    private static string Change(int? change) => change switch
    {
        null => "[grey]mới[/]",
        > 0 => $"[green]▲{change}[/]",
        < 0 => $"[red]▼{-change}[/]",
        _ => "[grey]=[/]",
    };

    private static string Escape(string text) => Markup.Escape(text.Normalize(NormalizationForm.FormC));
}
