namespace ParIndex.RulesEngine.Hosting;

/// <summary>
/// The right to use one rule set for one evaluation, from <see cref="RuleSetHost.Acquire"/>.
/// Dispose it when done; disposing twice is harmless. Thread-safe.
/// </summary>
public sealed class RuleSetLease : IDisposable
{
    private CompiledRuleSet? _ruleSet;
    private Action? _release;

    internal RuleSetLease(CompiledRuleSet ruleSet, long version, Action release)
    {
        _ruleSet = ruleSet;
        Version = version;
        _release = release;
    }

    /// <summary>The leased rule set; valid until the lease is disposed.</summary>
    public CompiledRuleSet RuleSet
    {
        get
        {
            var ruleSet = Volatile.Read(ref _ruleSet);
            ObjectDisposedException.ThrowIf(ruleSet is null, this);
            return ruleSet;
        }
    }

    /// <summary>The host's <see cref="RuleSetHost.Version"/> this rule set had.</summary>
    public long Version { get; }

    /// <summary>Ends the lease; the last lease on a replaced rule set disposes it.</summary>
    public void Dispose()
    {
        // Forget the rule set first: a disposed lease kept somewhere must not keep it loaded.
        Volatile.Write(ref _ruleSet, null);
        Interlocked.Exchange(ref _release, null)?.Invoke();
    }
}
