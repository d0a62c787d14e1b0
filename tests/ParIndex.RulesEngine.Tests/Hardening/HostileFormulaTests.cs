using Newtonsoft.Json.Linq;
using ParIndex.RulesEngine.Tests.TestSupport;
using static ParIndex.RulesEngine.Tests.Hardening.HardeningRules;

namespace ParIndex.RulesEngine.Tests.Hardening;

/// <summary>
/// The corpus in hostile-formulas.json: formulas that try to reach files, the network, processes,
/// reflection, the generated code's internals and so on. Each must fail at load time with a
/// formula or sandbox diagnostic (PAR0401–PAR0405, PAR0501) that names criterion H and the
/// construct; nothing is compiled into a loadable rule set. Look-alike benign formulas load.
/// </summary>
[TestClass]
public sealed class HostileFormulaTests
{
    private static readonly Lazy<JObject> Corpus = new(() =>
        JObject.Parse(File.ReadAllText(RepositoryPaths.Combine("tests", "ParIndex.RulesEngine.Tests", "Hardening", "hostile-formulas.json"))));

    private static IEnumerable<JToken> Hostile => Corpus.Value["hostile"]!;

    private static IEnumerable<JToken> Benign => Corpus.Value["benign"]!;

    [TestMethod]
    public void The_corpus_has_at_least_60_formulas_covering_every_category()
    {
        Assert.IsGreaterThanOrEqualTo(60, Hostile.Count());
        string[] required =
        [
            "file I/O", "network I/O", "Process", "Environment", "reflection", "Activator", "Type.GetType", "typeof", "dynamic",
            "unsafe code", "pointers", "stackalloc", "delegates and lambdas", "recursion tricks", "huge allocations", "string building",
            "static state mutation", "Console", "threads and tasks", "GC", "AppDomain", "Marshal", "fully-qualified names", "global::",
            "aliases", "nameof", "attributes", "interpolated strings", "extension-method lookups", "overflow tricks", "base-type members",
            "default", "checked", "__arglist", "switch expressions", "is patterns", "with", "collection expressions",
            "raw and verbatim strings", "unicode escapes", "generated internals", "comments and directives",
        ];
        var categories = Hostile.Select(h => (string)h["category"]!).ToHashSet();
        CollectionAssert.IsSubsetOf(required, categories.ToList(), "missing: " + string.Join(", ", required.Except(categories)));
    }

    [TestMethod]
    public void Every_hostile_formula_is_rejected_at_load_time_naming_the_criterion()
    {
        var failures = new List<string>();
        foreach (var item in Hostile)
        {
            var formula = (string)item["formula"]!;
            var result = RuleSetLoader.TryLoadJson(WithFormula(formula), "hostile.json");
            result.RuleSet?.Dispose();
            var errors = result.Diagnostics.Where(d => d.IsError).ToList();
            var problem =
                result.Success || result.RuleSet is not null ? "it LOADED" :
                errors.Count == 0 ? "no error" :
                errors.FirstOrDefault(e => !FormulaRejectionCodes.Contains(e.Code)) is { } other ? $"unexpected code {other.Code}" :
                !errors.Any(e => e.Message.Contains("criterion H", StringComparison.Ordinal)) ? "no message names criterion H" :
                null;
            if (problem is not null)
                failures.Add($"[{item["category"]}] {formula}: {problem}{Environment.NewLine}{Describe(result.Diagnostics)}");
        }
        Assert.IsEmpty(failures, string.Join(Environment.NewLine, failures));
    }

    [TestMethod]
    public void Every_rejection_names_the_construct_or_symbol()
    {
        // The message quotes the offending part of the formula (or names it, e.g. "typeof").
        var failures = new List<string>();
        foreach (var item in Hostile)
        {
            var formula = (string)item["formula"]!;
            var result = RuleSetLoader.TryLoadJson(WithFormula(formula), "hostile.json");
            result.RuleSet?.Dispose();
            var quoted = result.Diagnostics.Any(d => d.IsError && d.Message.Contains('\'', StringComparison.Ordinal))
                || result.Diagnostics.Any(d => d.Message.Contains("nested deeper", StringComparison.Ordinal) || d.Message.Contains("characters long", StringComparison.Ordinal)
                    || d.Message.Contains("Syntax error", StringComparison.Ordinal));
            if (!quoted) failures.Add($"{formula}:{Environment.NewLine}{Describe(result.Diagnostics)}");
        }
        Assert.IsEmpty(failures, string.Join(Environment.NewLine, failures));
    }

    [TestMethod]
    public void Benign_look_alike_formulas_load_and_score()
    {
        var failures = new List<string>();
        foreach (var item in Benign)
        {
            var formula = (string)item["formula"]!;
            var result = RuleSetLoader.TryLoadJson(WithFormula(formula, code: "File.Delete", title: "System.IO.File.Delete and Process.Start"), "benign.json");
            using var rules = result.RuleSet;
            if (rules is null)
            {
                failures.Add($"{formula} ({item["note"]}):{Environment.NewLine}{Describe(result.Diagnostics)}");
                continue;
            }
            var batch = rules.CreateBatch();
            batch.Add("A", Values());
            var report = rules.Score(batch.Build());
            if (report.RowErrors.Count > 0 || report.Find("A") is null)
                failures.Add($"{formula}: did not score: {string.Join("; ", report.RowErrors.Select(e => e.Message))}");
        }
        Assert.IsEmpty(failures, string.Join(Environment.NewLine, failures));
    }
}
