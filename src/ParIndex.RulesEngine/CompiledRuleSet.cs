using System.Globalization;
using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results;

namespace ParIndex.RulesEngine;

/// <summary>
/// A loaded, validated and compiled rule set: the unit users score with. Compiled once, it can
/// score any number of batches, from any number of threads at once (it holds no per-evaluation
/// state). Dispose it to unload the generated code.
/// </summary>
public sealed class CompiledRuleSet : IDisposable
{
    /// <summary>Null once disposed, so that a disposed rule set (or a report that refers to it) no longer keeps the generated code loaded.</summary>
    private CompiledKernel? _kernel;

    internal CompiledRuleSet(BoundRuleSet bound, CompiledKernel kernel, IReadOnlyList<Diagnostic> diagnostics, string generatedSource, string cacheKey, bool loadedFromCache)
    {
        LoadedFromCache = loadedFromCache;
        Bound = bound;
        _kernel = kernel;
        Diagnostics = diagnostics;
        GeneratedSource = generatedSource;
        CacheKey = cacheKey;
        Key = cacheKey[..16];
        Criteria = bound.Nodes.Select(n => new CriterionInfo(n.Code, n.Definition.Title, n.Max, n.Depth, n.Parent < 0 ? null : bound.Nodes[n.Parent].Code, n.Kind, n.Responsible, n.IsLeaf)).ToList();
    }

    /// <summary>The parsed rule file.</summary>
    public RuleSetDefinition Definition => Bound.Definition;

    /// <summary>Warnings (and infos) found while loading.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Every criterion in tree pre-order (areas before their children).</summary>
    public IReadOnlyList<CriterionInfo> Criteria { get; }

    /// <summary>
    /// How many earlier periods the eligibility conditions read through PreviousPercent(k),
    /// PreviousRank(k), RankChange(k) (k) and AveragePercent(n) (n − 1); 0 when they read none.
    /// A <see cref="Evaluation.ResultsHistory"/> with fewer periods leaves the rest missing.
    /// </summary>
    public int EarlierPeriodsRead => Bound.HistoryPeriods;

    /// <summary>True when the compiled kernel came from the disk cache instead of Roslyn.</summary>
    public bool LoadedFromCache { get; }

    /// <summary>The C# generated for this rule set, for inspection and debugging.</summary>
    public string GeneratedSource { get; }

    internal BoundRuleSet Bound { get; }

    internal CompiledKernel Kernel
    {
        get
        {
            var kernel = Volatile.Read(ref _kernel);
            ObjectDisposedException.ThrowIf(kernel is null, this);
            return kernel;
        }
    }

    /// <summary>Identifies this compiled rule set: the start of <see cref="CacheKey"/>.</summary>
    internal string Key { get; }

    /// <summary>The name of its cache entry: a hash of the rule text, the source name, the limits and the engine (<see cref="Caching.RuleSetCacheKey"/>).</summary>
    internal string CacheKey { get; }

    /// <summary>
    /// What data for this rule set must hold: columns, input types, enum values, limits, missing
    /// policies. Batches are tied to it: <see cref="Score"/> accepts any batch read with a schema
    /// of the same <see cref="InputSchema.Key"/>.
    /// </summary>
    public InputSchema InputSchema => Bound.Schema;

    /// <summary>Starts a batch of agency rows for this rule set.</summary>
    /// <param name="culture">Culture for numbers given as text; invariant by default.</param>
    public AgencyBatchBuilder CreateBatch(CultureInfo? culture = null) => new(InputSchema, culture);

    /// <summary>Scores a batch: points for every criterion, totals, percent, classification, ranks, eligibility.</summary>
    /// <param name="batch">Agency data built for this rule set.</param>
    /// <param name="options">Previous-period ranks and parallelism; defaults when null.</param>
    public ScoreReport Score(AgencyBatch batch, ScoringOptions? options = null) => Scorer.Score(this, batch, options ?? new ScoringOptions());

    /// <summary>Unloads the generated code. Reports already produced stay readable.</summary>
    public void Dispose() => Interlocked.Exchange(ref _kernel, null)?.Dispose();
}

/// <summary>A criterion as declared, for listing and reports.</summary>
/// <param name="Code">Code, e.g. "7.6".</param>
/// <param name="Title">Title.</param>
/// <param name="MaxPoints">Declared maximum points.</param>
/// <param name="Depth">0 for an area, 1 for its criteria, and so on.</param>
/// <param name="ParentCode">The parent's code, null for an area.</param>
/// <param name="Kind">Regular, bonus or penalty.</param>
/// <param name="Responsible">Responsible units (inherited when the criterion names none).</param>
/// <param name="IsLeaf">True when the criterion scores data directly.</param>
public sealed record CriterionInfo(string Code, string Title, double MaxPoints, int Depth, string? ParentCode, CriterionKind Kind, IReadOnlyList<string> Responsible, bool IsLeaf);
