using System.Globalization;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Results;
using static ParIndex.RulesEngine.Tests.DataTests.DataRuleSets;

namespace ParIndex.RulesEngine.Tests.DataTests;

/// <summary>Rows added in code; bad rows are rejected with reasons and never touch the good ones.</summary>
[TestClass]
public sealed class AgencyBatchBuilderTests
{
    private static Dictionary<string, object?> Row(object? done, object? planned) => new() { ["done"] = done, ["planned"] = planned };

    // Seven good rows of RelativeJson; G5 has the highest "done", so it sets GroupMax(done).
    private static readonly (string Id, double Done, double Planned)[] Good =
    [
        ("G1", 50, 100), ("G2", 80, 100), ("G3", 30, 60), ("G4", 90, 100), ("G5", 120, 100), ("G6", 10, 40), ("G7", 75, 75),
    ];

    private static ScoreReport ScoreGoodRows()
    {
        var builder = Relative.CreateBatch();
        foreach (var (id, done, planned) in Good) Assert.IsTrue(builder.Add(id, Row(done, planned)));
        return Relative.Score(builder.Build());
    }

    private static void AssertSameScores(ScoreReport expected, ScoreReport actual)
    {
        foreach (var (id, _, _) in Good)
        {
            var want = expected.Find(id)!;
            var got = actual.Find(id);
            Assert.IsNotNull(got, $"{id} was not scored: {Lines(actual.RowErrors)}");
            Assert.AreEqual(want.Total, got.Total, $"{id} total");
            Assert.AreEqual(want.MaxPoints, got.MaxPoints, $"{id} max");
            Assert.AreEqual(want.Percent, got.Percent, $"{id} percent");
            Assert.AreEqual(want.Rank, got.Rank, $"{id} rank");
            Assert.AreEqual(want.OverallRank, got.OverallRank, $"{id} overall rank");
            CollectionAssert.AreEqual(want.Criteria.ToList(), got.Criteria.ToList(), $"{id} criteria");
        }
    }

    [TestMethod]
    public void Add_returns_false_for_a_bad_row_and_keeps_the_good_ones()
    {
        var builder = Basic.CreateBatch();
        Assert.IsTrue(builder.Add("A", new Dictionary<string, object?> { ["score"] = 50d, ["reported"] = true, ["kind"] = "so", ["extra"] = 1d }, "Sở A"));
        Assert.IsFalse(builder.Add("B", new Dictionary<string, object?> { ["score"] = "abc", ["reported"] = true, ["kind"] = "so" }));
        var error = builder.RowErrors.Single();
        Assert.AreEqual(("B", "score", DiagnosticCodes.WrongType, 2), (error.AgencyId, error.Field, error.Code, error.Row));

        var batch = builder.Build();
        Assert.AreEqual(1, batch.Count);
        Assert.AreEqual("Sở A", batch.AgencyNames[0]);
        Assert.AreSame(error, batch.RowErrors.Single());
    }

    [TestMethod]
    public void Numbers_given_as_text_are_read_in_the_builder_culture()
    {
        var builder = Relative.CreateBatch(CultureInfo.GetCultureInfo("vi-VN"));
        Assert.IsTrue(builder.Add("A", Row("7,5", "10")), Lines(builder.RowErrors));
        Assert.IsFalse(builder.Add("B", Row("x", null)));
        // Both problems of B are listed: the wrong type and the missing value.
        CollectionAssert.AreEqual(
            new[] { ("done", DiagnosticCodes.WrongType), ("planned", DiagnosticCodes.MissingValue) },
            builder.RowErrors.Select(e => (e.Field, e.Code)).ToArray());
        Assert.Contains("vi-VN", builder.RowErrors[0].Message);
        var agency = Relative.Score(builder.Build()).Agencies.Single();
        Assert.AreEqual(7.5, agency["1"].Points, 1e-9, "10 × 7.5 / 10");
    }

    [TestMethod]
    public void Seven_good_rows_among_ten_score_exactly_as_without_the_three_bad_rows()
    {
        var builder = Relative.CreateBatch();
        var rows = new List<(string Id, Dictionary<string, object?> Values)>();
        foreach (var (id, done, planned) in Good) rows.Add((id, Row(done, planned)));
        rows.Insert(1, ("X1", Row(60d, null)));        // missing required value
        rows.Insert(4, ("X2", Row("lots", 100d)));     // wrong type
        rows.Insert(8, ("X3", Row(5000d, 100d)));      // above done's max 1000; would be the GroupMax
        Assert.AreEqual(10, rows.Count);
        foreach (var (id, values) in rows) builder.Add(id, values);
        var mixed = Relative.Score(builder.Build());

        CollectionAssert.AreEquivalent(new[] { "X1", "X2", "X3" }, mixed.RowErrors.Select(e => e.AgencyId).ToArray());
        Assert.AreEqual(7, mixed.Agencies.Count);
        AssertSameScores(ScoreGoodRows(), mixed);
    }

    [TestMethod]
    public void Row_whose_formula_gives_no_number_does_not_change_the_scores_of_the_others()
    {
        // Z passes the data checks, but planned = 0 makes 10 * done / planned infinite, so Z
        // becomes a row error when scored. It is not scored, so its done (900, the largest)
        // must not become GroupMax(done) for the others either.
        var builder = Relative.CreateBatch();
        foreach (var (id, done, planned) in Good) builder.Add(id, Row(done, planned));
        Assert.IsTrue(builder.Add("Z", Row(900d, 0d)));
        var mixed = Relative.Score(builder.Build());

        var fault = mixed.RowErrors.Single();
        Assert.AreEqual(("Z", DiagnosticCodes.FormulaType, "1"), (fault.AgencyId, fault.Code, fault.Field));
        Assert.IsNull(mixed.Find("Z"));
        AssertSameScores(ScoreGoodRows(), mixed);
    }

    [TestMethod]
    public void Batch_of_another_rule_set_is_refused()
    {
        var batch = Basic.CreateBatch().Build();
        var exception = Assert.ThrowsExactly<ArgumentException>(() => Relative.Score(batch));
        Assert.AreEqual("batch", exception.ParamName);
    }
}
