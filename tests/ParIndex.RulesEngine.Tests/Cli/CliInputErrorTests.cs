namespace ParIndex.RulesEngine.Tests.CliTests;

/// <summary>
/// Bad previous-results and results files are one message with file, line and column and exit 3;
/// nothing ends in an unhandled exception. An unexpected fault is one "internal error" line, exit 70.
/// </summary>
[TestClass]
public sealed class CliInputErrorTests
{
    private static CliResult ScoreWithPrevious(CliWorkspace workspace, string data, string previous, params string[] options)
    {
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var dataPath = workspace.Write("data.csv", data);
        return CliWorkspace.Run(["score", rules, dataPath, "--no-cache", "--previous", previous, .. options]);
    }

    [TestMethod]
    public void Previous_csv_written_by_the_tool_with_a_line_break_in_a_name_is_read()
    {
        using var workspace = new CliWorkspace();
        // A's name holds a line break (quoted in the data CSV); the results CSV quotes it again.
        var data = CliWorkspace.Data.Replace("A,Sở A,50,true", "A,\"Sở\nA, phòng 2\",50,true", StringComparison.Ordinal);
        var previous = workspace.PathOf("previous.csv");
        var first = ScoreOnly(workspace, data, "--format", "csv", "--out", previous);
        Assert.AreEqual(0, first.ExitCode, first.ToString());
        StringAssert.Contains(File.ReadAllText(previous), "\"Sở\nA, phòng 2\"");

        // Next period A reaches 95: 9.5 + 5 = 14.5, rank 1 (was 2) → +1; C 12 → rank 2 (was 1) → −1; B stays 3.
        var now = data.Replace(",50,true", ",95,true", StringComparison.Ordinal);
        var result = ScoreWithPrevious(workspace, now, previous, "--format", "csv");
        Assert.AreEqual(0, result.ExitCode, result.ToString());
        StringAssert.EndsWith(result.Out.Split('\n').Single(l => l.StartsWith("C,", StringComparison.Ordinal)).TrimEnd('\r'), ",2,2,1,-1,7,5");
        StringAssert.Contains(result.Out, ",14.5,15,96.67,Tốt,1,1,2,1,9.5,5");
    }

    private static CliResult ScoreOnly(CliWorkspace workspace, string data, params string[] options)
    {
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var dataPath = workspace.Write("data.csv", data);
        return CliWorkspace.Run(["score", rules, dataPath, "--no-cache", .. options]);
    }

    [TestMethod]
    [DataRow("agencyId,rank\nA,1\nB,99999999999\n", "(3,3): rank 99999999999 is out of range: a rank is a whole number from 1 to 2147483647.", DisplayName = "rank beyond int")]
    [DataRow("agencyId,rank\nA,1\nB,0\n", "(3,3): rank 0 is out of range", DisplayName = "rank 0")]
    [DataRow("agencyId,rank\nA,1\nB,2.5\n", "(3,3): rank '2.5' is not a whole number.", DisplayName = "rank with a fraction")]
    [DataRow("agencyId,name,rank\n\"A\",\"x\ny\",1\nB,z,abc\n", "(4,5): rank 'abc' is not a whole number.", DisplayName = "line counted across a quoted line break")]
    [DataRow("agencyId,rank\nA,1\nA,2\n", "(3,1): agency 'A' appears twice (first on line 2).", DisplayName = "duplicate id")]
    [DataRow("agencyId,rank\n\"A,1\n", "(2,1): the quoted field that starts here is never closed.", DisplayName = "unterminated quote")]
    public void Bad_previous_csv_gives_file_line_column_and_exit_3(string content, string expected)
    {
        using var workspace = new CliWorkspace();
        var previous = workspace.Write("previous.csv", content);
        var result = ScoreWithPrevious(workspace, CliWorkspace.Data, previous);
        Assert.AreEqual(3, result.ExitCode, result.ToString());
        StringAssert.StartsWith(result.ErrorLines.Single(), $"error: {previous}{expected}", result.ToString());
        Assert.DoesNotContain("   at ", result.Error);
    }

    // Json.NET places a value at the column of its last character: in
    // `  {"agencyId": "A", "rank": 99999999999}` the number takes columns 29-39.
    [TestMethod]
    [DataRow("{\"agencies\": [\n  {\"agencyId\": \"A\", \"rank\": 99999999999}\n]}", "(2,39): agencies[0].rank: \"rank\" 99999999999 is out of range: a rank is a whole number from 1 to 2147483647.", DisplayName = "rank beyond int (was an OverflowException)")]
    [DataRow("{\"agencies\": [\n  {\"agencyId\": \"A\", \"rank\": \"first\"}\n]}", "(2,35): agencies[0].rank: \"rank\" must be a whole number, not the string \"first\".", DisplayName = "rank as a string")]
    [DataRow("{\"agencies\": [\n  {\"agencyId\": \"A\", \"rank\": 1.5}\n]}", "(2,31): agencies[0].rank: \"rank\" must be a whole number, not the number 1.5.", DisplayName = "rank with a fraction")]
    [DataRow("{\"agencies\": [\n  {\"agencyId\": 7, \"rank\": 1}\n]}", "(2,16): agencies[0].agencyId: an agency needs a non-empty string \"agencyId\".", DisplayName = "id as a number")]
    public void Bad_previous_json_gives_file_line_column_and_exit_3(string content, string expected)
    {
        using var workspace = new CliWorkspace();
        var previous = workspace.Write("previous.json", content);
        var result = ScoreWithPrevious(workspace, CliWorkspace.Data, previous);
        Assert.AreEqual(3, result.ExitCode, result.ToString());
        Assert.AreEqual($"error: {previous}{expected}", result.ErrorLines.Single(), result.ToString());
    }

    // The agency line is `  {"agencyId": "A", "total": 12, "percent": 80, "rank": 1}` with the
    // value under test in place of 12 (from column 30) or of 1 (from column 57); Json.NET reports a
    // value's last column.
    [TestMethod]
    [DataRow("12", "99999999999", "(2,67): agencies[0].rank: \"rank\" 99999999999 is out of range: a rank is a whole number from 1 to 2147483647.", DisplayName = "rank beyond int (was an OverflowException)")]
    [DataRow("12", "-3", "(2,58): agencies[0].rank: \"rank\" -3 is out of range: a rank is a whole number from 1 to 2147483647.", DisplayName = "negative rank")]
    [DataRow("\"12\"", "1", "(2,33): agencies[0].total: \"total\" must be a number.", DisplayName = "total as a string")]
    [DataRow("NaN", "1", "(2,32): agencies[0].total: \"total\" must be a finite number, not NaN.", DisplayName = "total NaN")]
    public void Bad_number_in_a_results_file_for_diff_gives_file_line_column_and_exit_3(string total, string rank, string expected)
    {
        using var workspace = new CliWorkspace();
        var good = workspace.Write("a.json", "{\"agencies\": [\n  {\"agencyId\": \"A\", \"total\": 12, \"percent\": 80, \"rank\": 1}\n]}\n");
        var bad = workspace.Write("b.json", $"{{\"agencies\": [\n  {{\"agencyId\": \"A\", \"total\": {total}, \"percent\": 80, \"rank\": {rank}}}\n]}}\n");
        var result = CliWorkspace.Run("diff", good, bad);
        Assert.AreEqual(3, result.ExitCode, result.ToString());
        Assert.AreEqual($"error: {bad}{expected}", result.ErrorLines.Single(), result.ToString());
    }

    [TestMethod]
    public void Content_after_the_results_object_is_an_error_with_its_place()
    {
        using var workspace = new CliWorkspace();
        var a = workspace.Write("a.json", "{\"agencies\": []}\n{\"agencies\": []}\n");
        var result = CliWorkspace.Run("diff", a, a);
        Assert.AreEqual(3, result.ExitCode, result.ToString());
        StringAssert.StartsWith(result.ErrorLines.Single(), $"error: {a}(2,1): not valid JSON: Additional text encountered after finished reading JSON content");
    }

    [TestMethod]
    [DataRow("score", "", "data", DisplayName = "empty rules argument")]
    [DataRow("score", "rules", "", DisplayName = "empty data argument")]
    [DataRow("diff", "", "data", DisplayName = "empty results argument")]
    public void Empty_file_argument_is_a_command_line_error_not_an_internal_error(string command, string first, string second)
    {
        using var workspace = new CliWorkspace();
        var rules = workspace.Write("rules.json", CliWorkspace.Rules);
        var data = workspace.Write("data.csv", CliWorkspace.Data);
        string Pick(string which) => which switch { "rules" => rules, "data" => data, _ => which };
        var result = command == "diff" ? CliWorkspace.Run(command, Pick(first), Pick(second)) : CliWorkspace.Run(command, Pick(first), Pick(second), "--no-cache");
        Assert.AreEqual(2, result.ExitCode, result.ToString());
        var index = first.Length == 0 ? 1 : 2;
        StringAssert.StartsWith(result.Error, $"error: File argument {index} of '{command}' is empty.");
    }

    [TestMethod]
    public void Empty_previous_is_a_command_line_error()
    {
        using var workspace = new CliWorkspace();
        var result = ScoreWithPrevious(workspace, CliWorkspace.Data, "");
        Assert.AreEqual(2, result.ExitCode, result.ToString());
        StringAssert.StartsWith(result.Error, "error: --previous needs a file name; the value given is empty.");
    }

    [TestMethod]
    public void An_unexpected_fault_is_one_internal_error_line_and_exit_70()
    {
        using var error = new StringWriter();
        var exit = global::ParIndex.Cli.Cli.Guarded(() => throw new InvalidOperationException("boom\nsecond line"), error);
        Assert.AreEqual(70, exit);
        Assert.AreEqual(global::ParIndex.Cli.ExitCodes.InternalError, exit);
        Assert.AreEqual("parindex: internal error: InvalidOperationException: boom\\nsecond line (please report it with the command line and files that caused it)" + Environment.NewLine, error.ToString());
    }
}
