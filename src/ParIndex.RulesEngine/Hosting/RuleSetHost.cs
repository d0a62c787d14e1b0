namespace ParIndex.RulesEngine.Hosting;

/// <summary>
/// Holds the rule set a long-running service scores with and lets it be replaced while
/// evaluations run ("hot reload"). Every evaluation takes a <see cref="RuleSetLease"/> and uses
/// the one rule set it started with from beginning to end, never a mix of old and new.
/// <see cref="Replace"/> swaps atomically; the replaced rule set is disposed (its generated code
/// unloaded) as soon as the last lease on it ends. Thread-safe: any number of threads may acquire
/// leases, evaluate and replace at once.
/// </summary>
/// <example>
/// <code>
/// using var host = new RuleSetHost(RuleSetLoader.LoadFile("ruleset.json"));
/// // request threads:
/// var report = host.Score(rules => CsvAgencyReader.ReadFile(rules, dataPath));
/// // or, for more than one call on the same rule set:
/// using (var lease = host.Acquire()) { /* lease.RuleSet … */ }
/// // file watcher:
/// var result = host.TryReplaceFromFile("ruleset.json"); // keeps the old rules on errors
/// </code>
/// </example>
public sealed class RuleSetHost : IDisposable
{
    private readonly Lock _gate = new();
    private Entry? _current;
    private long _version;

    /// <summary>Starts hosting <paramref name="ruleSet"/>; the host owns it from now on and disposes it when it is replaced or the host is disposed.</summary>
    /// <param name="ruleSet">The first rule set.</param>
    public RuleSetHost(CompiledRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        _current = new Entry(ruleSet, ++_version);
    }

    /// <summary>1 for the first rule set, then one more for each replacement.</summary>
    public long Version => Volatile.Read(ref _current)?.Version ?? throw new ObjectDisposedException(nameof(RuleSetHost));

    /// <summary>
    /// Takes a lease on the current rule set. Dispose the lease when the evaluation is done
    /// (<c>using var lease = host.Acquire();</c>): until then the rule set stays loaded even if it is replaced.
    /// </summary>
    public RuleSetLease Acquire()
    {
        while (true)
        {
            var entry = Volatile.Read(ref _current) ?? throw new ObjectDisposedException(nameof(RuleSetHost));
            // Fails only if the entry was replaced and its last lease ended meanwhile: read again.
            if (entry.TryAddLease()) return new RuleSetLease(entry.RuleSet, entry.Version, entry.Release);
        }
    }

    /// <summary>
    /// Scores under one lease: <paramref name="readBatch"/> reads the data for the leased rule set
    /// (a batch belongs to the rule set it was built for), which then scores it.
    /// </summary>
    /// <param name="readBatch">Builds the batch, e.g. <c>rules =&gt; CsvAgencyReader.ReadFile(rules, path)</c>.</param>
    /// <param name="options">Scoring options; defaults when null.</param>
    public Results.ScoreReport Score(Func<CompiledRuleSet, Data.AgencyBatch> readBatch, Evaluation.ScoringOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(readBatch);
        using var lease = Acquire();
        return lease.RuleSet.Score(readBatch(lease.RuleSet), options);
    }

    /// <summary>
    /// Makes <paramref name="ruleSet"/> the current one; evaluations started later use it. The
    /// previous rule set is disposed when its last lease ends (at once when there is none). The
    /// host owns <paramref name="ruleSet"/> from now on: a host already disposed disposes it and
    /// throws, so a rule set handed over is never left loaded by nobody.
    /// </summary>
    /// <param name="ruleSet">The new rule set.</param>
    /// <exception cref="ObjectDisposedException">The host was disposed; <paramref name="ruleSet"/> is disposed too.</exception>
    public void Replace(CompiledRuleSet ruleSet)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        Entry? old;
        lock (_gate)
        {
            old = _current;
            if (old is not null && ReferenceEquals(old.RuleSet, ruleSet)) return;
            if (old is not null) Volatile.Write(ref _current, new Entry(ruleSet, ++_version));
        }
        if (old is null)
        {
            ruleSet.Dispose();
            throw new ObjectDisposedException(nameof(RuleSetHost));
        }
        old.Release();
    }

    /// <summary>
    /// Loads a rule file and, only if it loads without errors, replaces the current rule set with
    /// it. On errors the current rule set stays and the result carries the diagnostics.
    /// </summary>
    /// <param name="path">The rule file.</param>
    /// <param name="options">Limits; <see cref="RuleSetLoadOptions.Default"/> when null.</param>
    /// <exception cref="ObjectDisposedException">The host was disposed, before the load (nothing is loaded) or during it (what was loaded is disposed).</exception>
    public RuleSetLoadResult TryReplaceFromFile(string path, RuleSetLoadOptions? options = null)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _current) is null, this);
        var result = RuleSetLoader.TryLoadFile(path, options);
        // Replace owns the new rule set even when the host was disposed while it compiled.
        if (result.RuleSet is { } loaded) Replace(loaded);
        return result;
    }

    /// <summary>Stops hosting: no new leases; the current rule set is disposed when its last lease ends.</summary>
    public void Dispose()
    {
        Entry? old;
        lock (_gate)
        {
            old = _current;
            Volatile.Write(ref _current, null);
        }
        old?.Release();
    }

    /// <summary>A hosted rule set with a count of its holders: the host while it is current, plus each lease.</summary>
    private sealed class Entry(CompiledRuleSet ruleSet, long version)
    {
        private int _holders = 1;

        public CompiledRuleSet RuleSet { get; } = ruleSet;

        public long Version { get; } = version;

        /// <summary>Adds a holder unless the count already reached zero (the rule set is gone).</summary>
        public bool TryAddLease()
        {
            for (var holders = Volatile.Read(ref _holders); holders > 0; holders = Volatile.Read(ref _holders))
                if (Interlocked.CompareExchange(ref _holders, holders + 1, holders) == holders) return true;
            return false;
        }

        public void Release()
        {
            if (Interlocked.Decrement(ref _holders) == 0) RuleSet.Dispose();
        }
    }
}
