using Spectre.Console;

namespace ParIndex.RulesEngine.Tests.CliTests;

/// <summary>
/// Control characters, escape sequences and bidi overrides from data and rule files never reach
/// the terminal raw; CSV results escape formula-leading text cells unless --no-csv-escape.
/// </summary>
[TestClass]
public sealed class CliTerminalTextTests
{
    private const char Esc = '\u001B';

    private static CliResult Score(CliWorkspace workspace, string data, params string[] options)
    {
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var dataPath = workspace.Write("data.csv", data);
        return CliWorkspace.Run(["score", rules, dataPath, "--no-cache", .. options]);
    }

    private static void AssertNoRawControls(string text)
    {
        var bad = text.Where(c => c is < ' ' and not ('\n' or '\r' or '\t') or (>= '\u007F' and <= '\u009F') or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069')).ToList();
        Assert.IsEmpty(bad, "raw control characters: " + string.Join(" ", bad.Select(c => $"U+{(int)c:X4}")) + "\n" + text);
    }

    [TestMethod]
    public void Escape_sequence_in_an_agency_name_is_shown_escaped_in_the_table()
    {
        using var workspace = new CliWorkspace();
        var data = CliWorkspace.Data.Replace("A,Sở A,", $"A,Sở {Esc}[2J{Esc}]0;pwned\u0007A,", StringComparison.Ordinal);
        var result = Score(workspace, data);
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        AssertNoRawControls(result.Out);
        StringAssert.Contains(result.Out, "Sở \\u001B[2J\\u001B]0;pwned\\u0007A");
    }

    [TestMethod]
    public void Line_break_and_bidi_override_in_a_name_cannot_forge_table_lines()
    {
        using var workspace = new CliWorkspace();
        var data = CliWorkspace.Data.Replace("B,Sở B,", "B,\"Sở B\r\n1  Z  fake  15.00\u202E\",", StringComparison.Ordinal);
        var result = Score(workspace, data);
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        AssertNoRawControls(result.Out);
        // Title, header, underline, three agencies: no fourth row from the name.
        Assert.HasCount(6, result.OutLines, result.ToString());
        StringAssert.Contains(result.Out, "Sở B\\r\\n1  Z  fake  15.00\\u202E");
    }

    [TestMethod]
    public void Escape_sequences_in_rejected_rows_and_diagnostics_go_to_standard_error_escaped()
    {
        using var workspace = new CliWorkspace();
        // The agency id holds ESC; its score "abc" is rejected and the row error names the id.
        var data = CliWorkspace.Data.Replace("B,Sở B,90,false", $"B{Esc}[31m,Sở B,abc,false", StringComparison.Ordinal) + $"\n";
        var result = Score(workspace, data, "--format", "csv");
        Assert.AreEqual(4, result.ExitCode, result.ToString());
        AssertNoRawControls(result.Error);
        StringAssert.Contains(result.Error, "B\\u001B[31m");
    }

    [TestMethod]
    public void Explanation_of_a_criterion_whose_title_holds_an_escape_sequence_is_escaped()
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules.Replace("\"title\": \"Điểm\"", "\"title\": \"Điểm\\u001b[8m hidden\"", StringComparison.Ordinal));
        var data = workspace.Write("data.csv", CliWorkspace.Data);
        var result = CliWorkspace.Run("explain", rules, data, "--no-cache", "--agency", "A", "--criterion", "1");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        AssertNoRawControls(result.Out);
        StringAssert.Contains(result.Out, "Điểm\\u001B[8m hidden");
    }

    [TestMethod]
    public void Terminal_table_escapes_controls_and_spectre_markup_in_names_and_titles()
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules.Replace("\"title\": \"CLI test\"", "\"title\": \"CLI [red]test\\u009b\"", StringComparison.Ordinal));
        var data = workspace.Write("data.csv", CliWorkspace.Data.Replace("A,Sở A,", $"A,[bold]Sở{Esc}[5m A[/],", StringComparison.Ordinal));
        var screen = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(screen),
        });
        console.Profile.Width = 160;
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = global::ParIndex.Cli.Cli.Run(["score", rules, data, "--no-cache"], output, error, console);
        Assert.AreEqual(0, exit, error.ToString());
        var text = screen.ToString();
        AssertNoRawControls(text);
        StringAssert.Contains(text, "[bold]Sở\\u001B[5m A[/]");
        StringAssert.Contains(text, "CLI [red]test\\u009B");
    }

    [TestMethod]
    public void Formula_leading_text_cells_are_escaped_in_csv_and_numbers_are_not()
    {
        using var workspace = new CliWorkspace();
        var data = CliWorkspace.Data
            .Replace("A,Sở A,", "=1+1,\"=HYPERLINK(\"\"http://x\"\")\",", StringComparison.Ordinal)
            .Replace("B,Sở B,", "@B,+Sở B,", StringComparison.Ordinal)
            .Replace("C,Sở C,", "C,-Sở C,", StringComparison.Ordinal);
        var previous = workspace.Write("previous.csv", "agencyId,rank\nC,3\n@B,1\n");
        var result = Score(workspace, data, "--format", "csv", "--previous", previous);
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        // C: 12 points, rank 1 (was 3) → +2; B: 9 points, rank 3 (was 1) → −2, a number, not escaped.
        CollectionAssert.AreEqual(new[]
        {
            "agencyId,agencyName,group,total,maxPoints,percent,classification,rank,overallRank,previousRank,rankChange,1,2",
            "'=1+1,\"'=HYPERLINK(\"\"http://x\"\")\",,10,15,66.67,Khá,2,2,,,5,5",
            "'@B,'+Sở B,,9,15,60,Khá,3,3,1,-2,9,0",
            "C,'-Sở C,,12,15,80,Tốt,1,1,3,2,7,5",
        }, result.OutLines.ToArray(), result.ToString());
    }

    [TestMethod]
    public void No_csv_escape_writes_cells_as_they_are()
    {
        using var workspace = new CliWorkspace();
        var data = CliWorkspace.Data.Replace("A,Sở A,", "=1+1,@Sở A,", StringComparison.Ordinal);
        var result = Score(workspace, data, "--format", "csv", "--no-csv-escape");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        Assert.AreEqual("=1+1,@Sở A,,10,15,66.67,Khá,2,2,,,5,5", result.OutLines[1]);

        var stream = Score(workspace, data, "--stream");
        Assert.AreEqual(0, stream.ExitCode, stream.ToString());
        StringAssert.StartsWith(stream.OutLines.Single(l => l.Contains("66.67", StringComparison.Ordinal)), "'=1+1,'@Sở A,");
        var raw = Score(workspace, data, "--stream", "--no-csv-escape");
        StringAssert.StartsWith(raw.OutLines.Single(l => l.Contains("66.67", StringComparison.Ordinal)), "=1+1,@Sở A,");
    }

    [TestMethod]
    public void Escaped_ids_in_csv_results_are_read_back_by_previous()
    {
        using var workspace = new CliWorkspace();
        var data = CliWorkspace.Data.Replace("A,Sở A,", "=A,Sở A,", StringComparison.Ordinal).Replace("B,Sở B,", "'-B,Sở B,", StringComparison.Ordinal);
        var previous = workspace.PathOf("previous.csv");
        Assert.AreEqual(0, Score(workspace, data, "--format", "csv", "--out", previous).ExitCode);
        var written = File.ReadAllLines(previous);
        StringAssert.StartsWith(written[1], "'=A,");
        StringAssert.StartsWith(written[2], "''-B,");
        // Same data again: every agency keeps its rank, so each change is 0 (not empty, which would mean "not found").
        var result = Score(workspace, data, "--format", "csv", "--previous", previous);
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        StringAssert.Contains(result.OutLines[1], ",2,2,2,0,");
        StringAssert.Contains(result.OutLines[2], ",3,3,3,0,");
    }

    [TestMethod]
    public void Terminal_safe_writer_keeps_the_tools_line_breaks_and_escapes_the_rest_across_writes()
    {
        using var inner = new StringWriter();
        using (var writer = new global::ParIndex.Cli.TerminalSafeWriter(inner))
        {
            writer.Write("one\r");          // \r then \n in the next call: one Windows line break
            writer.Write("\ntwo\r");
            writer.Write("over");           // a lone \r would let "over" overwrite "two"
            writer.Write('\u001B');
            writer.WriteLine("[0m\t\u202Eend");
        }
        Assert.AreEqual("one\r\ntwo\\rover\\u001B[0m\t\\u202Eend" + Environment.NewLine, inner.ToString());
    }

    [TestMethod]
    public void Csv_option_is_refused_for_other_formats()
    {
        using var workspace = new CliWorkspace();
        var result = Score(workspace, CliWorkspace.Data, "--format", "json", "--no-csv-escape");
        Assert.AreEqual(2, result.ExitCode, result.ToString());
        StringAssert.StartsWith(result.Error, "error: --no-csv-escape applies to CSV output only");
    }
}
