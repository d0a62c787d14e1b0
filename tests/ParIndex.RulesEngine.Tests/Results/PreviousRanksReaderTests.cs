using ParIndex.RulesEngine.Results.Writers;

// Not "ParIndex.RulesEngine.Tests.Results": that namespace would hide ParIndex.RulesEngine.Results in other tests.
namespace ParIndex.RulesEngine.Tests.ResultWriters;

/// <summary>Reading previous ranks back from the tool's own CSV and JSON results.</summary>
[TestClass]
public sealed class PreviousRanksReaderTests
{
    [TestMethod]
    public void Quoted_line_breaks_separators_and_quotes_stay_inside_their_field()
    {
        const string csv = "\uFEFFagencyId,agencyName,rank,overallRank\r\n" +
                           "A,\"Sở\r\nNội vụ, \"\"mới\"\"\",2,5\r\n" +
                           "B,plain,1,\r\n" +
                           "\r\n";
        var ranks = PreviousRanksReader.Read(csv, "prev.csv");
        Assert.AreEqual(2, ranks.Count);
        Assert.AreEqual(2, ranks.Find("A")!.GroupRank);
        Assert.AreEqual(5, ranks.Find("A")!.OverallRank);
        Assert.AreEqual(1, ranks.Find("B")!.GroupRank);
        Assert.IsNull(ranks.Find("B")!.OverallRank);
    }

    [TestMethod]
    public void Text_after_a_closing_quote_is_an_error_at_its_place()
    {
        // Line 2: `A,"x"y,1` → y is column 6.
        var ex = Assert.Throws<FormatException>(() => PreviousRanksReader.Read("agencyId,name,rank\nA,\"x\"y,1\n", "prev.csv"));
        Assert.AreEqual("prev.csv(2,6): text after the closing quote of a quoted field.", ex.Message);
    }

    [TestMethod]
    public void Wrong_overall_rank_is_an_error_at_its_cell()
    {
        // Line 2: `A,1,x` → x is column 5.
        var ex = Assert.Throws<FormatException>(() => PreviousRanksReader.Read("agencyId,rank,overallRank\nA,1,x\n", "prev.csv"));
        Assert.AreEqual("prev.csv(2,5): overallRank 'x' is not a whole number.", ex.Message);
    }

    [TestMethod]
    public void Formula_escaped_ids_are_read_back_and_other_quotes_are_kept()
    {
        var ranks = PreviousRanksReader.Read("agencyId,rank\n'=A,1\n''+B,2\n'C,3\n", "prev.csv");
        Assert.AreEqual(1, ranks.Find("=A")!.GroupRank);
        Assert.AreEqual(2, ranks.Find("'+B")!.GroupRank);
        Assert.AreEqual(3, ranks.Find("'C")!.GroupRank, "a quote not in front of a formula character is part of the id");
    }

    [TestMethod]
    public void Duplicate_agency_in_json_names_both_places()
    {
        var ex = Assert.Throws<FormatException>(() => PreviousRanksReader.Read("[\n{\"agencyId\":\"A\",\"rank\":1},\n{\"agencyId\":\"A\",\"rank\":2}\n]", "prev.json"));
        StringAssert.Contains(ex.Message, "agency 'A' appears twice (first at line 2)");
        StringAssert.StartsWith(ex.Message, "prev.json(3,");
    }
}
