using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
using ParIndex.RulesEngine.Hosting;

namespace ParIndex.RulesEngine.Tests.Hardening;

/// <summary>
/// Hot reload with <see cref="RuleSetHost"/>: an evaluation uses one rule set from start to end,
/// a replaced rule set is disposed when its last lease ends, and its collectible load context
/// is really collected, so 1,000 load–evaluate–replace cycles leave memory flat.
/// </summary>
[TestClass]
public sealed class RuleSetHostTests
{
    public TestContext TestContext { get; set; } = null!;

    /// <summary>A rule set whose single criterion scores <paramref name="version"/> × a (max 1,000,000).</summary>
    private static string Rules(int version) => $$"""
        { "id": "hosted", "title": "Hosted", "version": "{{version}}",
          "inputs": [ { "name": "a", "type": "number" } ],
          "criteria": [ { "code": "1", "title": "Points", "max": 1000000, "formula": "a * {{version}}" } ] }
        """;

    private static CompiledRuleSet Load(int version) => RuleSetLoader.LoadJson(Rules(version), $"hosted-{version}.json");

    /// <summary>Scores a = 1 and returns the total, which equals the rule set's version.</summary>
    private static double Score(CompiledRuleSet rules) => rules.Score(Batch(rules)).Agencies.Single().Total;

    /// <summary>Scores a = 1 with the host's current rule set.</summary>
    private static double Score(RuleSetHost host) => host.Score(Batch).Agencies.Single().Total;

    private static Data.AgencyBatch Batch(CompiledRuleSet rules)
    {
        var batch = rules.CreateBatch();
        batch.Add("A", new Dictionary<string, object?> { ["a"] = 1d });
        return batch.Build();
    }

    [TestMethod]
    public void A_lease_keeps_its_rule_set_until_it_ends_and_then_the_old_set_is_disposed()
    {
        using var host = new RuleSetHost(Load(1));
        var lease = host.Acquire();
        var old = lease.RuleSet;
        var oldBatch = old.CreateBatch().Build();
        host.Replace(Load(2));
        Assert.AreEqual(2, host.Version);
        Assert.AreEqual(1, Score(lease.RuleSet), "the running evaluation keeps the rule set it started with");
        Assert.AreEqual(2, Score(host), "new evaluations get the new rule set");
        lease.Dispose();
        lease.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => old.Score(oldBatch));
        Assert.ThrowsExactly<ObjectDisposedException>(() => _ = lease.RuleSet);
    }

    [TestMethod]
    public void Replacing_with_no_lease_disposes_the_old_rule_set_at_once()
    {
        var first = Load(1);
        var batch = first.CreateBatch().Build();
        using var host = new RuleSetHost(first);
        host.Replace(Load(2));
        Assert.ThrowsExactly<ObjectDisposedException>(() => first.Score(batch));
    }

    [TestMethod]
    public void A_rule_file_with_errors_leaves_the_current_rule_set_in_place()
    {
        var path = Path.Combine(Path.GetTempPath(), $"parindex-host-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, Rules(2).Replace("a * 2", "a * System.IO.File.ReadAllText(\"x\").Length", StringComparison.Ordinal));
        try
        {
            using var host = new RuleSetHost(Load(1));
            var result = host.TryReplaceFromFile(path);
            Assert.IsFalse(result.Success);
            Assert.AreEqual(1, host.Version);
            Assert.AreEqual(1, Score(host));
            File.WriteAllText(path, Rules(2));
            Assert.IsTrue(host.TryReplaceFromFile(path).Success);
            Assert.AreEqual(2, Score(host));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [TestMethod]
    public void A_disposed_host_refuses_new_leases_but_running_ones_finish()
    {
        var host = new RuleSetHost(Load(1));
        var lease = host.Acquire();
        host.Dispose();
        Assert.ThrowsExactly<ObjectDisposedException>(() => host.Acquire());
        Assert.ThrowsExactly<ObjectDisposedException>(() => host.Replace(Load(3)));
        Assert.AreEqual(1, Score(lease.RuleSet));
        lease.Dispose();
    }

    [TestMethod]
    public void A_rule_set_handed_to_a_disposed_host_is_disposed_and_no_file_is_loaded_for_it()
    {
        var host = new RuleSetHost(Load(1));
        host.Dispose();
        var late = Load(2);
        var batch = Batch(late);
        Assert.ThrowsExactly<ObjectDisposedException>(() => host.Replace(late));
        // The host took it over: nobody else would ever unload it.
        Assert.ThrowsExactly<ObjectDisposedException>(() => late.Score(batch));
        // Refused before loading: a missing file would otherwise come back as a result with PAR0101.
        Assert.ThrowsExactly<ObjectDisposedException>(() => host.TryReplaceFromFile(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".json")));
    }

    [TestMethod]
    public void Replacing_while_8_threads_evaluate_never_mixes_rule_sets_and_disposes_every_old_one()
    {
        var replaced = new ConcurrentQueue<(CompiledRuleSet Rules, Data.AgencyBatch Batch)>();
        var host = new RuleSetHost(Load(1));
        var failures = new ConcurrentQueue<string>();
        var evaluations = 0;
        using var stop = new CancellationTokenSource();
        var evaluators = Enumerable.Range(0, 8).Select(_ => new Thread(() =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var lease = host.Acquire();
                // One evaluation scores twice; both must come from the leased version, even if a replacement happens in between.
                var first = Score(lease.RuleSet);
                Thread.Yield();
                var second = Score(lease.RuleSet);
                if (first != lease.Version || second != lease.Version) failures.Enqueue($"lease {lease.Version} scored {first} then {second}");
                Interlocked.Increment(ref evaluations);
            }
        })).ToList();
        evaluators.ForEach(t => t.Start());
        for (var version = 2; version <= 40; version++)
        {
            var next = Load(version);
            using (var lease = host.Acquire()) replaced.Enqueue((lease.RuleSet, lease.RuleSet.CreateBatch().Build()));
            host.Replace(next);
        }
        stop.Cancel();
        evaluators.ForEach(t => t.Join());
        host.Dispose();
        Assert.IsEmpty(failures, string.Join(Environment.NewLine, failures.Take(10)));
        Assert.IsGreaterThan(39, evaluations);
        foreach (var (rules, batch) in replaced) Assert.ThrowsExactly<ObjectDisposedException>(() => rules.Score(batch));
        TestContext.WriteLine($"{evaluations:N0} evaluations during 39 replacements");
    }

    [TestMethod]
    public void A_disposed_rule_set_unloads_its_generated_code()
    {
        Assert.IsTrue(UnloadProbe.Collected(LoadScoreDispose()), "the AssemblyLoadContext is still alive: something keeps the generated code");
    }

    [TestMethod]
    public void A_replaced_rule_set_unloads_only_after_its_last_lease()
    {
        using var host = new RuleSetHost(Load(1));
        var (lease, context) = LeaseAndContext(host);
        host.Replace(Load(2));
        Assert.IsFalse(UnloadProbe.Collected(context), "unloaded while a lease was running");
        lease.Dispose();
        Assert.IsTrue(UnloadProbe.Collected(context), "not unloaded after its last lease");
    }

    [TestMethod]
    public void A_report_kept_after_dispose_stays_readable_and_does_not_keep_the_code_loaded()
    {
        var (report, context) = ReportOfDisposedRuleSet();
        Assert.IsTrue(UnloadProbe.Collected(context), "a report of a disposed rule set keeps its generated code loaded");
        Assert.AreEqual(7, report.Agencies.Single().Total);
        Assert.AreEqual(7, report.Explain("A", "1").Points);
    }

    [TestMethod]
    // The managed heap is the whole process's: a test scoring a large file at the same time would
    // show as growth here, so this one runs alone, after the parallel tests.
    [DoNotParallelize]
    public void A_thousand_load_evaluate_replace_cycles_leave_memory_flat()
    {
        const int cycles = 1_000, warmUp = 50;
        using var host = new RuleSetHost(Load(1));
        long managedBefore = 0, workingSetBefore = 0;
        var clock = Stopwatch.StartNew();
        for (var cycle = 1; cycle <= cycles; cycle++)
        {
            host.Replace(Load(cycle % 97 + 1));
            Assert.AreEqual(cycle % 97 + 1, Score(host));
            if (cycle != warmUp) continue;
            UnloadProbe.LiveContexts();
            managedBefore = GC.GetTotalMemory(forceFullCollection: true);
            workingSetBefore = Process.GetCurrentProcess().WorkingSet64;
        }
        var live = UnloadProbe.LiveContexts();
        var managedAfter = GC.GetTotalMemory(forceFullCollection: true);
        var workingSetAfter = Process.GetCurrentProcess().WorkingSet64;
        TestContext.WriteLine($"{cycles:N0} cycles in {clock.Elapsed.TotalSeconds:N1} s; rule-set load contexts alive afterwards: {live} (the current one, and any another test holds); " +
            $"managed heap after {warmUp} cycles {managedBefore / 1048576.0:N1} MiB, after {cycles:N0} {managedAfter / 1048576.0:N1} MiB; " +
            $"working set {workingSetBefore / 1048576.0:N1} MiB -> {workingSetAfter / 1048576.0:N1} MiB");
        Assert.IsLessThan(40, live, $"{live} rule-set load contexts still alive after {cycles} replacements: they are not unloading");
        Assert.IsLessThan(64L * 1024 * 1024, managedAfter - managedBefore, "the managed heap grew by more than 64 MiB over the cycles");
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference LoadScoreDispose()
    {
        var rules = Load(7);
        Assert.AreEqual(7, Score(rules));
        var context = UnloadProbe.ContextOf(rules);
        rules.Dispose();
        return context;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (Results.ScoreReport Report, WeakReference Context) ReportOfDisposedRuleSet()
    {
        var rules = Load(7);
        var batch = rules.CreateBatch();
        batch.Add("A", new Dictionary<string, object?> { ["a"] = 1d });
        var report = rules.Score(batch.Build());
        var context = UnloadProbe.ContextOf(rules);
        rules.Dispose();
        return (report, context);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static (RuleSetLease Lease, WeakReference Context) LeaseAndContext(RuleSetHost host)
    {
        var lease = host.Acquire();
        Assert.AreEqual(1, Score(lease.RuleSet));
        return (lease, UnloadProbe.ContextOf(lease.RuleSet));
    }
}
