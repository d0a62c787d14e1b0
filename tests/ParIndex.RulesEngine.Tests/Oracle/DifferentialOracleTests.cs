using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;

namespace ParIndex.RulesEngine.Tests.Oracle;

/// <summary>
/// The engine against the reference interpreter on generated rule sets and data: every
/// agency's points per criterion, applicable max, total, max, percent, classification, ranks,
/// eligibility, and the cause named by each explanation of a criterion that does not apply.
/// See <see cref="OracleSettings"/> for the environment switches.
/// </summary>
[TestClass]
public sealed class DifferentialOracleTests
{
    public TestContext TestContext { get; set; } = null!;

    [TestMethod]
    [Timeout(1_800_000, CooperativeCancellation = true)]
    public void GeneratedRuleSets_ScoreAsTheReferenceInterpreterSays()
    {
        var settings = OracleSettings.FromEnvironment();
        var seeds = settings.Seed is { } one ? [one] : Enumerable.Range(1, settings.Cases).ToArray();
        var failures = new ConcurrentBag<(GeneratedCase Case, IReadOnlyList<OracleMismatch> Mismatches)>();
        var clock = Stopwatch.StartNew();
        Parallel.ForEach(seeds, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = TestContext.CancellationToken }, seed =>
        {
            var generated = RuleSetGenerator.Generate(seed, settings.KnownFixed);
            IReadOnlyList<OracleMismatch> mismatches;
            try
            {
                mismatches = DifferentialCheck.Run(generated, settings.KnownFixed);
            }
            catch (Exception e)
            {
                mismatches = [new OracleMismatch("exception", null, "run", "no exception", e.ToString())];
            }
            if (mismatches.Count > 0) failures.Add((generated, mismatches));
        });
        TestContext.WriteLine(FormattableString.Invariant($"{seeds.Length} rule sets in {clock.Elapsed.TotalSeconds:0.0} s (known fixes {(settings.KnownFixed ? "included" : "left out")}): {DifferentialCheck.Compared} agencies compared, {DifferentialCheck.LeftOut} left out"));
        if (failures.IsEmpty) return;

        // Cases nothing known explains first: they are the new findings.
        var ordered = failures.OrderBy(f => f.Mismatches.All(m => m.IsExplained) ? 1 : 0).ThenBy(f => f.Case.Seed).ToList();
        var message = new StringBuilder();
        message.AppendLine($"{ordered.Count} of {seeds.Length} generated rule sets disagree with the reference interpreter.");
        message.AppendLine("Not explained by a known fix, by kind (rule sets): " + Summary(ordered, explained: false));
        message.AppendLine("Explained by a known fix, by fix (rule sets): " + Summary(ordered, explained: true));
        foreach (var failure in ordered.Take(3)) message.AppendLine(DifferentialCheck.Describe(failure.Case, failure.Mismatches));
        Assert.Fail(message.ToString());
    }

    private static string Summary(IEnumerable<(GeneratedCase Case, IReadOnlyList<OracleMismatch> Mismatches)> failures, bool explained) =>
        string.Join(", ", failures
            .SelectMany(f => f.Mismatches.Where(m => m.IsExplained == explained)
                .SelectMany(m => explained ? m.Known! : [m.Kind]).Distinct().Select(k => (Key: k, f.Case.Seed)))
            .GroupBy(x => x.Key).OrderByDescending(g => g.Count())
            .Select(g => $"{g.Key} {g.Count()} (seeds {string.Join(" ", g.Select(x => x.Seed).Take(8))})"));
}
