using System.Globalization;
using System.Text;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results;

namespace ParIndex.RulesEngine.Tests.Oracle;

/// <summary>One disagreement between the engine and the reference interpreter.</summary>
/// <param name="Kind">What disagreed, e.g. "criterion points" (used to group findings).</param>
/// <param name="AgencyId">The agency, when it concerns one.</param>
/// <param name="Where">The criterion code or result name.</param>
/// <param name="Expected">The interpreter's value.</param>
/// <param name="Actual">The engine's value.</param>
/// <param name="Known">The known fixes the interpreter's value depends on (empty: nothing known explains the difference).</param>
internal sealed record OracleMismatch(string Kind, string? AgencyId, string Where, string Expected, string Actual, IReadOnlyCollection<string>? Known = null)
{
    public bool IsExplained => Known is { Count: > 0 };
}

/// <summary>
/// Runs one generated case through the real engine (RuleSetLoader without a cache, the batch
/// builder, Score) and through the reference interpreter, and lists every disagreement.
/// </summary>
internal static class DifferentialCheck
{
    /// <summary>Explanations checked per case (each non-applicable criterion of the first agencies, up to this many).</summary>
    private const int ExplanationsPerCase = 12;

    /// <summary>Agencies compared and agencies left out (their result depends on a known fix) over every run, for the test's log.</summary>
    public static long Compared, LeftOut;

    public static IReadOnlyList<OracleMismatch> Run(GeneratedCase generated, bool knownFixed)
    {
        var mismatches = new List<OracleMismatch>();
        var load = RuleSetLoader.TryLoadJson(generated.Json, $"oracle-{generated.Seed}.json");
        if (!load.Success)
        {
            mismatches.Add(new OracleMismatch("load failed", null, "rule file", "loads", string.Join(" | ", load.Diagnostics)));
            return mismatches;
        }
        using var rules = load.RuleSet!;
        var builder = rules.CreateBatch();
        foreach (var (id, values) in generated.Rows) builder.Add(id, values);
        var report = rules.Score(builder.Build(), new ScoringOptions { MaxDegreeOfParallelism = 1 });
        var rowErrors = builder.RowErrors.Concat(report.RowErrors).GroupBy(e => e.AgencyId ?? "").ToDictionary(g => g.Key, g => g.ToList());

        var oracle = OracleRuleSet.Parse(generated.Json);
        var expected = new ReferenceInterpreter(oracle).Score(generated.Rows);
        var explained = 0;
        var caseFixes = expected.SelectMany(a => a.KnownFixes).ToHashSet(StringComparer.Ordinal);
        foreach (var agency in expected)
        {
            // Without the known fixes, an agency whose result depends on one is not compared, nor
            // anything that depends on the other agencies' percents (ranks, eligibility).
            if (!knownFixed && agency.KnownFixes.Count > 0)
            {
                Interlocked.Increment(ref LeftOut);
                continue;
            }
            Interlocked.Increment(ref Compared);
            var actual = report.Find(agency.AgencyId);
            rowErrors.TryGetValue(agency.AgencyId, out var errors);
            if (agency.Rejection is not null)
            {
                if (actual is not null)
                    mismatches.Add(new OracleMismatch("rejection", agency.AgencyId, "row", $"rejected: {agency.Rejection}", $"scored: total {Show(actual.Total)}"));
                else if (agency.FaultedCriteria.Count > 0 && errors is not null && !errors.Any(e => agency.FaultedCriteria.Contains(e.Field ?? "")))
                    mismatches.Add(new OracleMismatch("rejection reason", agency.AgencyId, "row", agency.Rejection, string.Join(" | ", errors.Select(e => e.Message))));
                continue;
            }
            if (actual is null)
            {
                mismatches.Add(new OracleMismatch("rejection", agency.AgencyId, "row", "scored",
                    $"rejected: {string.Join(" | ", errors?.Select(e => e.Message) ?? ["(no row error)"])}"));
                continue;
            }
            CompareAgency(agency, actual, knownFixed, compareRanks: knownFixed || caseFixes.Count == 0, mismatches);
            foreach (var criterion in oracle.All())
            {
                var node = agency.Criteria[criterion.Code];
                if (node.Applies || explained >= ExplanationsPerCase) continue;
                // The explanations of a parent that lost its regular children, and of what lies under it, re-derive the
                // rules today (known fix: a reason recorded by the kernel); left out unless the known fixes are in.
                if (!knownFixed && LostRegularChildrenOnPath(agency, criterion)) continue;
                explained++;
                var explanation = report.Explain(agency.AgencyId, criterion.Code);
                if (!NotApplicableReasonCheck.Names(explanation, node.Causes, criterion))
                    mismatches.Add(new OracleMismatch("explanation reason", agency.AgencyId, criterion.Code,
                        string.Join(" or ", node.Causes), explanation.NotApplicableReason is { } reason ? $"{reason} {explanation.MissingInput} ({explanation.NotApplicableText})" : "(no reason)",
                        LostRegularChildrenOnPath(agency, criterion) ? [KnownFixes.ExplanationReason] : null));
            }
        }
        var fixesOf = expected.ToDictionary(a => a.AgencyId, a => a.KnownFixes);
        for (var i = 0; i < mismatches.Count; i++)
            if (mismatches[i].Known is null)
                mismatches[i] = mismatches[i] with
                {
                    Known = mismatches[i].Kind is "rank" or "overall rank" or "eligibility" ? caseFixes : fixesOf[mismatches[i].AgencyId!],
                };
        return mismatches;
    }

    /// <summary>True when the criterion or one of its ancestors does not apply because none of its regular children applies.</summary>
    private static bool LostRegularChildrenOnPath(OracleAgencyResult agency, OracleCriterion criterion)
    {
        for (var current = criterion; current is not null; current = current.Parent)
            if (agency.Criteria[current.Code].Causes.Any(c => c.Kind == OracleCauseKind.NoRegularChild)) return true;
        return criterion.Children.Any(c => LostRegularChildrenBelow(agency, c));
    }

    private static bool LostRegularChildrenBelow(OracleAgencyResult agency, OracleCriterion criterion) =>
        agency.Criteria[criterion.Code].Causes.Any(c => c.Kind == OracleCauseKind.NoRegularChild) || criterion.Children.Any(c => LostRegularChildrenBelow(agency, c));

    private static void CompareAgency(OracleAgencyResult expected, AgencyScore actual, bool knownFixed, bool compareRanks, List<OracleMismatch> mismatches)
    {
        void Number(string kind, string where, double e, double a)
        {
            if (!Close(e, a)) mismatches.Add(new OracleMismatch(kind, expected.AgencyId, where, Show(e), Show(a)));
            else if (knownFixed && a == 0 && double.IsNegative(a)) mismatches.Add(new OracleMismatch("negative zero", expected.AgencyId, where, "0", "-0", [KnownFixes.NegativeZero]));
        }
        foreach (var score in actual.Criteria)
        {
            var node = expected.Criteria[score.Code];
            if (node.Applies != score.IsApplicable)
            {
                mismatches.Add(new OracleMismatch("applicability", expected.AgencyId, score.Code,
                    node.Applies ? "applies" : $"does not apply: {string.Join(" or ", node.Causes)}", score.IsApplicable ? "applies" : "does not apply"));
                continue;
            }
            Number("criterion points", score.Code, node.Points, score.Points);
            Number("criterion applicable max", score.Code, node.ApplicableMax, score.MaxPoints);
        }
        Number("total", "total", expected.Total, actual.Total);
        Number("max points", "maxPoints", expected.MaxPoints, actual.MaxPoints);
        Number("percent", "percent", expected.Percent, actual.Percent);
        if (!string.Equals(expected.Classification, actual.Classification, StringComparison.Ordinal))
            mismatches.Add(new OracleMismatch("classification", expected.AgencyId, "classification", expected.Classification ?? "(none)", actual.Classification ?? "(none)"));
        if (expected.Group != actual.Group)
            mismatches.Add(new OracleMismatch("group", expected.AgencyId, "group", expected.Group, actual.Group));
        if (!compareRanks) return;
        if (expected.Rank != actual.Rank)
            mismatches.Add(new OracleMismatch("rank", expected.AgencyId, "rank", expected.Rank.ToString(CultureInfo.InvariantCulture), actual.Rank.ToString(CultureInfo.InvariantCulture)));
        if (expected.OverallRank != actual.OverallRank)
            mismatches.Add(new OracleMismatch("overall rank", expected.AgencyId, "overallRank", expected.OverallRank.ToString(CultureInfo.InvariantCulture), actual.OverallRank.ToString(CultureInfo.InvariantCulture)));
        foreach (var outcome in actual.Eligibility)
            if (expected.Eligibility.TryGetValue(outcome.Id, out var eligible) && eligible != outcome.IsEligible)
                mismatches.Add(new OracleMismatch("eligibility", expected.AgencyId, outcome.Id, eligible.ToString(), outcome.IsEligible.ToString()));
    }

    /// <summary>Equal within a relative 1e-9 (rounded values of both sides may differ in the last bits).</summary>
    private static bool Close(double expected, double actual) =>
        expected == actual || Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(expected), Math.Abs(actual)));

    public static string Show(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Everything needed to replay a failing case: seed, rule file, the row, both values.</summary>
    public static string Describe(GeneratedCase generated, IReadOnlyList<OracleMismatch> mismatches)
    {
        var text = new StringBuilder();
        text.AppendLine($"seed {generated.Seed} (replay: PARINDEX_ORACLE_SEED={generated.Seed}): {mismatches.Count} mismatch(es)");
        // Ranks follow from the other agencies' percents: show the cause first.
        mismatches = mismatches.OrderBy(m => m.IsExplained ? 1 : 0).ThenBy(m => m.Kind is "rank" or "overall rank" or "eligibility" ? 1 : 0).ToList();
        foreach (var m in mismatches.Take(8))
            text.AppendLine($"  [{m.Kind}] agency {m.AgencyId ?? "-"}, {m.Where}: interpreter {m.Expected}, engine {m.Actual}{(m.IsExplained ? $" (known: {string.Join(", ", m.Known!)})" : " (NOT explained by a known fix)")}");
        foreach (var id in mismatches.Take(8).Select(m => m.AgencyId).Where(id => id is not null).Distinct())
        {
            var row = generated.Rows.First(r => r.Id == id).Values;
            text.AppendLine($"  row {id}: {{ {string.Join(", ", row.Select(kv => $"\"{kv.Key}\": {Cell(kv.Value)}"))} }}");
        }
        text.AppendLine("  rule file:");
        text.AppendLine(generated.Json);
        return text.ToString();
    }

    private static string Cell(object? value) => value switch
    {
        null => "null",
        double d => Show(d),
        bool b => b ? "true" : "false",
        _ => $"\"{value}\"",
    };
}
