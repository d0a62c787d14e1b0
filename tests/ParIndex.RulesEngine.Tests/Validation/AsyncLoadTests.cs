using System.Globalization;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Validation;

/// <summary>
/// <see cref="RuleSetLoader.LoadFileAsync"/> and <see cref="RuleSetLoader.TryLoadFileAsync"/>: the
/// same rule set and the same diagnostics as the synchronous load; the caller's cancellation is
/// an <see cref="OperationCanceledException"/>, never a spent time budget (PAR0502).
/// </summary>
[TestClass]
public sealed class AsyncLoadTests
{
    private static string Example(string file) => RepositoryPaths.Combine("examples", "par-index-province-2019", file);

    [TestMethod]
    public async Task The_example_loads_asynchronously_and_scores_as_the_synchronous_load()
    {
        using var rules = await RuleSetLoader.LoadFileAsync(Example("ruleset.json"));
        var batch = CsvAgencyReader.ReadFile(rules, Example("kontum-2018.csv"));
        // Kon Tum's 2018 total in its 2019 improvement plan: 72.17 of 100.
        Assert.AreEqual(72.17, rules.Score(batch).Agencies.Single().Total, 1e-9);
        using var same = RuleSetLoader.LoadFile(Example("ruleset.json"));
        Assert.AreEqual(same.GeneratedSource, rules.GeneratedSource);
    }

    [TestMethod]
    public async Task A_broken_or_missing_rule_file_gives_the_diagnostics_of_the_synchronous_load()
    {
        var folder = Directory.CreateTempSubdirectory("parindex-async-load-").FullName;
        try
        {
            var broken = Path.Combine(folder, "broken.json");
            File.WriteAllText(broken, """
                { "id": "t", "title": "T", "version": "1",
                  "inputs": [ { "name": "x", "type": "number" } ],
                  "criteria": [ { "code": "1", "title": "A", "max": 1, "formula": "y" } ] }
                """);
            var expected = RuleSetLoader.TryLoadFile(broken).Diagnostics.Select(d => (d.Code, d.Location)).ToList();
            Assert.IsTrue(expected.Any(d => d.Code == DiagnosticCodes.UnknownName));
            var error = await Assert.ThrowsAsync<RuleSetException>(() => RuleSetLoader.LoadFileAsync(broken));
            CollectionAssert.AreEqual(expected, error.Diagnostics.Select(d => (d.Code, d.Location)).ToList());

            var missing = await RuleSetLoader.TryLoadFileAsync(Path.Combine(folder, "missing.json"));
            Assert.AreEqual(DiagnosticCodes.FileUnreadable, missing.Diagnostics.Single().Code);
            Assert.IsNull(missing.RuleSet);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [TestMethod]
    public async Task A_cancelled_load_throws_OperationCanceledException()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        await Assert.ThrowsAsync<OperationCanceledException>(() => RuleSetLoader.LoadFileAsync(Example("ruleset.json"), cancellationToken: cancel.Token));
    }

    [TestMethod]
    public void The_callers_cancellation_stops_the_stages_but_is_not_a_spent_budget()
    {
        using var cancel = new CancellationTokenSource();
        using (var budget = new LoadBudget(TimeSpan.FromHours(1), cancel.Token))
        {
            cancel.Cancel();
            Assert.IsTrue(budget.Token.IsCancellationRequested, "the stages see the caller's cancellation");
            Assert.IsFalse(budget.Spent, "so it is thrown as it is, not reported as PAR0502");
        }
        using (var spent = new LoadBudget(TimeSpan.Zero))
        {
            SpinWait.SpinUntil(() => spent.Token.IsCancellationRequested, TimeSpan.FromSeconds(10));
            Assert.IsTrue(spent.Spent);
        }
    }
}
