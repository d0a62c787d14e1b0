using System.Globalization;
using System.Text;
using ParIndex.RulesEngine.Resources;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Results.Writers;
using Spectre.Console;

namespace ParIndex.Cli;

/// <summary>
/// The ranking drawn with Spectre.Console for a terminal: one table per group with rounded
/// borders, right-aligned numbers, coloured rank change and classification. Column widths
/// follow the terminal's display width of each character, so Vietnamese names with diacritics
/// line up. On a narrow terminal the least useful columns (eligibility, max, id) are left out
/// so that names keep room; long names then wrap inside their column. Every text from the rule or
/// data file goes through <see cref="DisplayText.Escape"/> and then <see cref="Markup.Escape"/>.
/// </summary>
public static class TerminalTables
{
    private const int NameRoom = 24;

    /// <summary>Draws the ranking on the running command's console (<see cref="Terminal.Current"/>); kept out of line so a redirected run never loads Spectre.Console.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    internal static void WriteToConsole(ScoreReport report) => Write(report, Terminal.Current!);

    /// <summary>Writes the ranking of <paramref name="report"/> to <paramref name="console"/>.</summary>
    public static void Write(ScoreReport report, IAnsiConsole console)
    {
        var precision = report.RuleSet.Precision;
        console.Write(new Rule(Escape($"{report.RuleSet.Title} ({report.RuleSet.Id} {report.RuleSet.Version})")).LeftJustified());
        var hasPrevious = report.Agencies.Any(a => a.PreviousRank is not null);
        foreach (var group in report.Groups)
        {
            var ranking = report.Ranking(group);
            if (ranking.Count == 0) continue;
            var columns = Columns(report, hasPrevious, precision);
            Fit(columns, ranking, console.Profile.Width);
            var table = new Table().RoundedBorder().BorderColor(Color.Grey);
            if (report.Groups.Count > 1 || group.Length > 0) table.Title(Escape(report.GroupTitle(group)), new Style(decoration: Decoration.Bold));
            foreach (var column in columns)
            {
                var tableColumn = new TableColumn(Escape(column.Header));
                if (column.Right) tableColumn.RightAligned();
                if (column.Center) tableColumn.Centered();
                if (!column.IsName) tableColumn.NoWrap();
                table.AddColumn(tableColumn);
            }
            foreach (var agency in ranking) table.AddRow(columns.Select(c => c.Markup(agency)).ToArray());
            console.Write(table);
        }
    }

    private sealed record Column(string Header, Func<AgencyScore, string> Text, Func<AgencyScore, string> Markup, int DropOrder, bool Right = false, bool Center = false, bool IsName = false);

    private static List<Column> Columns(ScoreReport report, bool hasPrevious, int precision)
    {
        var columns = new List<Column> { Plain(EngineText.Get("TableRank"), a => a.Rank.ToString(CultureInfo.InvariantCulture), 0, right: true) };
        if (hasPrevious) columns.Add(new Column(EngineText.Get("TableChange"), a => ChangeText(a.RankChange), a => Change(a.RankChange), 0, Right: true));
        columns.Add(Plain(EngineText.Get("TableId"), a => a.AgencyId, 2));
        columns.Add(new Column(EngineText.Get("TableName"), a => a.Name ?? "", a => Escape(a.Name ?? ""), 0, IsName: true));
        columns.Add(Plain(EngineText.Get("TablePoints"), a => a.Total.ToString("F" + precision, CultureInfo.InvariantCulture), 0, right: true));
        columns.Add(Plain(EngineText.Get("TableMax"), a => a.MaxPoints.ToString("0.######", CultureInfo.InvariantCulture), 3, right: true));
        columns.Add(Plain(EngineText.Get("TablePercent"), a => a.Percent.ToString("F" + precision, CultureInfo.InvariantCulture), 0, right: true));
        columns.Add(Plain(EngineText.Get("TableClass"), a => a.Classification ?? "", 0));
        var (yes, no) = (EngineText.Get("Yes"), EngineText.Get("No"));
        foreach (var rule in report.RuleSet.Eligibility)
            columns.Add(new Column(rule.Id, a => Eligible(a, rule.Id) switch { true => yes, false => no, null => "" },
                a => Eligible(a, rule.Id) switch { true => $"[green]{yes}[/]", false => $"[red]{no}[/]", null => "" }, 4, Center: true));
        return columns;
    }

    private static Column Plain(string header, Func<AgencyScore, string> text, int dropOrder, bool right = false) =>
        new(header, text, a => Escape(text(a)), dropOrder, Right: right);

    /// <summary>Leaves out droppable columns (highest drop order first) until the names have room.</summary>
    private static void Fit(List<Column> columns, IReadOnlyList<AgencyScore> ranking, int width)
    {
        int Natural(Column c) => ranking.Select(a => Width(c.Text(a))).Append(Width(c.Header)).Max() + 3;
        var longestName = ranking.Select(a => Width(a.Name ?? "")).DefaultIfEmpty(0).Max();
        var wanted = Math.Min(NameRoom, Math.Max(longestName, 6)) + 3;
        while (columns.Where(c => !c.IsName).Sum(Natural) + wanted + 1 > width && columns.Any(c => c.DropOrder > 0))
            columns.Remove(columns.Where(c => c.DropOrder > 0).MaxBy(c => c.DropOrder)!);
    }

    private static bool? Eligible(AgencyScore agency, string ruleId) =>
        agency.Eligibility.FirstOrDefault(e => e.Id == ruleId)?.IsEligible;

    private static string ChangeText(int? change) => change switch
    {
        null => "mới",
        > 0 => $"▲{change}",
        < 0 => $"▼{-change}",
        _ => "=",
    };

    private static string Change(int? change) => change switch
    {
        null => "[grey]mới[/]",
        > 0 => $"[green]▲{change}[/]",
        < 0 => $"[red]▼{-change}[/]",
        _ => "[grey]=[/]",
    };

    private static int Width(string text) => new StringInfo(DisplayText.Escape(text.Normalize(NormalizationForm.FormC))).LengthInTextElements;

    /// <summary>Text from the files as Spectre markup: control characters and escape sequences shown escaped (<see cref="DisplayText"/>), then markup brackets escaped.</summary>
    private static string Escape(string text) => Markup.Escape(DisplayText.Escape(text.Normalize(NormalizationForm.FormC)));
}
