using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results.Writers;
using ParIndex.RulesEngine.Tests.TestSupport;

// Not "ParIndex.RulesEngine.Tests.Results": that namespace would hide ParIndex.RulesEngine.Results in other tests.
namespace ParIndex.RulesEngine.Tests.ResultWriters;

/// <summary>CsvResultWriter escapes formula-leading text cells by default and never touches numbers.</summary>
[TestClass]
public sealed class CsvResultWriterEscapeTests
{
    private static PreviousRanks PreviousBFirst() => new(new Dictionary<string, PreviousRank>(StringComparer.Ordinal) { ["-7"] = new PreviousRank(1, 1) });

    /// <summary>Agency "=A" has 5 of 10 points (rank 1), "-7" 3 of 10 (rank 2, was 1: change −1).</summary>
    private static RulesEngine.Results.ScoreReport Report(double a = 5, double b = 3)
    {
        var rules = RuleSets.Load(
            criteria: """[ { "code": "1", "title": "x", "max": 10, "formula": "x" } ]""",
            inputs: """[ { "name": "x", "type": "number" } ]""");
        return rules.ScoreRows(new ScoringOptions { Previous = PreviousBFirst() },
            ("=A", new Dictionary<string, object?> { ["x"] = a }),
            ("-7", new Dictionary<string, object?> { ["x"] = b }));
    }

    [TestMethod]
    public void Excel_options_under_vi_VN_give_a_BOM_semicolons_and_decimal_commas_and_keep_the_escape()
    {
        var options = CsvResultOptions.ForExcel(System.Globalization.CultureInfo.GetCultureInfo("vi-VN"));
        using var bytes = new MemoryStream();
        using (var writer = new StreamWriter(bytes, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), leaveOpen: true))
            CsvResultWriter.Write(Report(5.5, 3.25), writer, options);
        var content = bytes.ToArray();
        // The UTF-8 byte order mark, written by the writer itself (the stream's encoding emits none).
        CollectionAssert.AreEqual(new byte[] { 0xEF, 0xBB, 0xBF }, content[..3]);
        var lines = System.Text.Encoding.UTF8.GetString(content, 3, content.Length - 3).Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
        // "=A": 5.5 of 10 = 55 %; "-7": 3.25 of 10 = 32.5 %, rank 2, was 1 (change −1).
        CollectionAssert.AreEqual(new[]
        {
            "agencyId;agencyName;group;total;maxPoints;percent;classification;rank;overallRank;previousRank;rankChange;1",
            "'=A;;;5,5;10;55;;1;1;;;5,5",
            "'-7;;;3,25;10;32,5;;2;2;1;-1;3,25",
        }, lines, string.Join("\n", lines));
    }

    [TestMethod]
    public void Excel_options_for_a_decimal_point_culture_keep_commas_and_points_and_add_the_BOM()
    {
        var options = CsvResultOptions.ForExcel(System.Globalization.CultureInfo.GetCultureInfo("en-US"));
        Assert.AreEqual((',', false, true, true), (options.Separator, options.DecimalComma, options.ByteOrderMark, options.EscapeFormulas));
        using var text = new StringWriter();
        CsvResultWriter.Write(Report(5.5, 3.25), text, options);
        Assert.StartsWith("\uFEFFagencyId,agencyName,", text.ToString());
        Assert.Contains("'=A,,,5.5,10,55,", text.ToString());
    }

    [TestMethod]
    public void Text_cells_get_a_quote_and_numbers_stay_numbers()
    {
        using var text = new StringWriter();
        CsvResultWriter.Write(Report(), text);
        var lines = text.ToString().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
        // The id "-7" is text (escaped); its rank change −1 is a number (not escaped).
        CollectionAssert.AreEqual(new[]
        {
            "agencyId,agencyName,group,total,maxPoints,percent,classification,rank,overallRank,previousRank,rankChange,1",
            "'=A,,,5,10,50,,1,1,,,5",
            "'-7,,,3,10,30,,2,2,1,-1,3",
        }, lines, text.ToString());
    }

    [TestMethod]
    public void Escaping_off_writes_cells_as_they_are()
    {
        using var text = new StringWriter();
        CsvResultWriter.Write(Report(), text, new CsvResultOptions { EscapeFormulas = false });
        StringAssert.Contains(text.ToString(), "\n=A,,,5,10,50,,1,1,,,5");
        StringAssert.Contains(text.ToString(), "\n-7,,,3,10,30,,2,2,1,-1,3");
    }
}
