using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Hardening;

/// <summary>
/// A guard on what the JIT makes of the generated kernel: <c>parindex score</c> runs in a child
/// process with tiering off (every method compiled once, fully optimised unless the JIT gives up
/// on it) and the JIT's own report (<c>DOTNET_JitDisasmSummary</c>, <c>DOTNET_JitDisasm</c> into
/// <c>DOTNET_JitStdOutFile</c>). No kernel method may be compiled with MinOpts (a method too large
/// to optimise: no inlining, every local on the stack), and a kernel method may call nothing but
/// other kernel methods and the runtime's range-check and throw helpers: a call to a library
/// helper (one of FormulaFunctions not inlined) would be a call per criterion per row. The run is
/// streamed, so the totals-only stage of the ranking pass is checked as well as the full one.
/// </summary>
[TestClass]
[DoNotParallelize]
public sealed class KernelJitGuardTests
{
    private static string _folder = null!;

    [ClassInitialize]
    public static void Initialize(TestContext _) => _folder = Directory.CreateTempSubdirectory("parindex-jit-guard-").FullName;

    [ClassCleanup]
    public static void Cleanup() => Directory.Delete(_folder, recursive: true);

    public static IEnumerable<object[]> Schemes() =>
    [
        ["par-index-province-2019", "provinces-2019.csv"],
        ["provincial-internal-index", "units-2024.csv"],
        ["kontum-cchc-2025", "kontum-q1-2025.csv"],
        ["wide", "wide.csv"],
    ];

    [TestMethod]
    [DynamicData(nameof(Schemes))]
    public void The_kernel_is_fully_optimised_and_calls_no_helper(string scheme, string data)
    {
        var (rules, csv) = scheme == "wide" ? WriteWideScheme() : (RepositoryPaths.Example(scheme, "ruleset.json"), RepositoryPaths.Example(scheme, data));
        // Streamed, so that every stage runs: the ranking pass scores totals only (ComputeTotals and
        // its parts), the writing pass in full (ComputeScores and its parts).
        var report = RunWithJitReport(rules, csv, stream: true);

        var compiled = Regex.Matches(report, @"JIT compiled ParIndex\.Generated\.RuleSetKernel:(\w+)\(.*?\) \[([^,\]]+)")
            .Select(m => (Method: m.Groups[1].Value, Tier: m.Groups[2].Value)).ToList();
        // ComputeVariables or ComputeSharedVariables, ComputeScores, ComputeTotals, one method per area and the totals at least.
        Assert.IsGreaterThanOrEqualTo(4, compiled.Count, report.Length > 2000 ? report[..2000] : report);
        foreach (var stage in new[] { "ComputeScores", "ComputeTotals" })
            Assert.IsTrue(compiled.Any(c => c.Method == stage), $"{scheme}: {stage} was not compiled, so not checked: {string.Join(", ", compiled.Select(c => c.Method))}");
        Assert.IsTrue(compiled.Any(c => c.Method.StartsWith("Totals", StringComparison.Ordinal)), $"{scheme}: no part of the totals stage was checked");
        foreach (var (method, tier) in compiled)
            Assert.AreEqual("FullOpts", tier, $"{scheme}: kernel method {method} was compiled as '{tier}'");

        var listings = Regex.Split(report, @"(?=^; Assembly listing for method )", RegexOptions.Multiline)
            .Where(l => l.StartsWith("; Assembly listing for method ParIndex.Generated.RuleSetKernel:", StringComparison.Ordinal)).ToList();
        Assert.HasCount(compiled.Count, listings, "every kernel method compiled is also listed");
        foreach (var listing in listings)
        {
            var method = Regex.Match(listing, @"RuleSetKernel:(\w+)").Groups[1].Value;
            foreach (Match call in Regex.Matches(listing, @"^\s+call\s+(\S+)", RegexOptions.Multiline))
            {
                // "[…]" is a call through an indirection cell, as calls between the methods of a kernel
                // that is never unloaded are made (the callee may not be compiled yet): same target.
                var target = call.Groups[1].Value.Trim('[', ']');
                var allowed = target.StartsWith("ParIndex.Generated.RuleSetKernel:", StringComparison.Ordinal)
                    || target is "CORINFO_HELP_RNGCHKFAIL" or "CORINFO_HELP_THROW_ARGUMENTOUTOFRANGEEXCEPTION";
                Assert.IsTrue(allowed, $"{scheme}: kernel method {method} calls {target}");
            }
        }
    }

    /// <summary>
    /// With tiering on, as every run has it, the command's kernel (loaded with
    /// <see cref="RuleSetLoadOptions.Unloadable"/> false) starts at tier 0: a short run does not pay
    /// for full optimisation of code it calls a few times. A collectible kernel would be compiled
    /// fully optimised at once, which the runtime does for collectible code.
    /// </summary>
    [TestMethod]
    public void The_command_kernel_is_compiled_in_tiers()
    {
        var report = RunWithJitReport(RepositoryPaths.Example("par-index-province-2019", "ruleset.json"),
            RepositoryPaths.Example("par-index-province-2019", "provinces-2018.csv"), tiered: true);
        var tiers = Regex.Matches(report, @"JIT compiled ParIndex\.Generated\.RuleSetKernel:(\w+)\(.*?\) \[([^,\]]+)")
            .Select(m => (Method: m.Groups[1].Value, Tier: m.Groups[2].Value)).ToList();
        Assert.IsGreaterThanOrEqualTo(4, tiers.Count, report.Length > 2000 ? report[..2000] : report);
        // The first compile of each method, in order: tier 0 (with or without PGO instrumentation).
        foreach (var (method, tier) in tiers.GroupBy(t => t.Method).Select(g => g.First()))
            Assert.Contains("Tier0", tier, $"kernel method {method} was first compiled as '{tier}'");
    }

    /// <summary>
    /// Runs parindex score in a child process with the JIT's report on (tiering off unless
    /// <paramref name="tiered"/>; streamed when <paramref name="stream"/>); returns the report.
    /// </summary>
    private static string RunWithJitReport(string rules, string csv, bool tiered = false, bool stream = false)
    {
        var jit = Path.Combine(_folder, Guid.NewGuid().ToString("N") + ".jit.txt");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "parindex.dll"), "score", rules, csv, "--format", "csv" })
            start.ArgumentList.Add(argument);
        if (stream) start.ArgumentList.Add("--stream");
        if (!tiered) start.Environment["DOTNET_TieredCompilation"] = "0";
        else start.Environment.Remove("DOTNET_TieredCompilation");
        start.Environment["DOTNET_JitStdOutFile"] = jit;
        start.Environment["DOTNET_JitDisasmSummary"] = "1";
        // Method-name patterns; the listings are filtered to the kernel class above.
        start.Environment["DOTNET_JitDisasm"] = "Compute* Scores* Totals* Eligibility*";
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("parindex score did not finish");
        }
        Assert.AreEqual(0, process.ExitCode, error.Result);
        Assert.IsTrue(File.Exists(jit), "the runtime wrote no JIT report (DOTNET_JitStdOutFile needs .NET 8 or later)");
        return File.ReadAllText(jit);
    }

    /// <summary>
    /// A scheme wider than the examples, using every scoring form and function: 10 areas of 15
    /// leaves over 12 number inputs, an enum and a bool, with group aggregates; and 40 agencies.
    /// </summary>
    private static (string Rules, string Csv) WriteWideScheme()
    {
        string[] forms =
        [
            """ "formula": "Round(Clamp(x{0} / 50, 0, 2), 1)" """,
            """ "formula": "Min(x{0}, x{1}, 2) + Max(0, x{1} - 99)" """,
            """ "formula": "Ratio(x{0}, x{1}, 1) + PercentOf(x{0}, 100) / 100" """,
            """ "formula": "Floor(x{0} / 40) + Ceiling(x{1} / 100) - Abs(0)" """,
            """ "formula": "Between(x{0}, 20, 80) && flag ? 2 : IfMissing(late, 1)" """,
            """ "bands": { "of": "x{0}", "steps": [ { "atLeast": 90, "points": 2 }, { "atLeast": 50, "below": 90, "points": 1 } ] } """,
            """ "bands": { "steps": [ { "when": "kind == \"so\" && x{0} > 30", "points": 2 }, { "when": "kind != \"xa\"", "points": 1 } ] } """,
            """ "proportional": { "value": "x{0}", "target": "GroupMax(x{0})" } """,
            """ "proportional": { "value": "x{1} + 1", "target": 50, "lowerIsBetter": true } """,
            """ "yesNo": "flag || kind == \"xa\"" """,
            """ "count": { "value": "Floor(x{0} / 25)", "pointsPerItem": 0.5 } """,
        ];
        var json = new StringBuilder();
        json.Append("""{ "id": "jit-guard-wide", "title": "Wide", "version": "1", "inputs": [""");
        for (var i = 0; i < 12; i++) json.Append(CultureInfo.InvariantCulture, $$"""{ "name": "x{{i}}", "type": "number", "min": 0, "max": 100 },""");
        json.Append("""{ "name": "kind", "type": "enum", "values": ["so", "huyen", "xa"] }, { "name": "flag", "type": "bool" }, { "name": "late", "type": "number", "missing": "allow" } ], "criteria": [""");
        var leaf = 0;
        for (var area = 0; area < 10; area++)
        {
            json.Append(CultureInfo.InvariantCulture, $$"""{{(area > 0 ? "," : "")}}{ "code": "{{area + 1}}", "title": "Area {{area + 1}}", "max": 30, "children": [""");
            for (var c = 0; c < 15; c++, leaf++)
            {
                var form = forms[leaf % forms.Length].Trim()
                    .Replace("{0}", (leaf % 12).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                    .Replace("{1}", ((leaf + 5) % 12).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
                json.Append(CultureInfo.InvariantCulture, $$"""{{(c > 0 ? "," : "")}}{ "code": "{{area + 1}}.{{c + 1}}", "title": "Leaf {{leaf}}", "max": 2, {{form}} }""");
            }
            json.Append("] }");
        }
        json.Append("""], "ranking": { "groupBy": "kind" } }""");
        var rules = Path.Combine(_folder, "wide.json");
        File.WriteAllText(rules, json.ToString());

        var csv = new StringBuilder("agencyId,agencyName,");
        for (var i = 0; i < 12; i++) csv.Append(CultureInfo.InvariantCulture, $"x{i},");
        csv.Append("kind,flag,late\n");
        for (var row = 0; row < 40; row++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"A{row},Đơn vị {row},");
            for (var i = 0; i < 12; i++) csv.Append(CultureInfo.InvariantCulture, $"{(row * 7 + i * 13) % 101},");
            csv.Append(CultureInfo.InvariantCulture, $"{(row % 3) switch { 0 => "so", 1 => "huyen", _ => "xa" }},{(row % 2 == 0 ? "true" : "false")},{(row % 4 == 0 ? "" : "3")}\n");
        }
        var data = Path.Combine(_folder, "wide.csv");
        File.WriteAllText(data, csv.ToString());
        return (rules, data);
    }
}
