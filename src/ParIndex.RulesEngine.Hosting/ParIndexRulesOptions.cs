namespace ParIndex.RulesEngine.Hosting;

/// <summary>
/// Which rule sets a service scores with, bound from configuration (the "ParIndex" section) or
/// set by an options delegate. Checked when the host starts (see <c>ValidateOnStart</c>).
/// </summary>
/// <example>
/// <code>
/// "ParIndex": {
///   "RuleSets": { "province-2019": "rules/par-index-2019.json" },
///   "Folders": [ "rules/provincial" ],
///   "ReloadDelay": "00:00:00.500"
/// }
/// </code>
/// </example>
public sealed class ParIndexRulesOptions
{
    /// <summary>Rule sets by name: name → rule file. Relative paths are taken from the app's content root.</summary>
    public Dictionary<string, string> RuleSets { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// Folders whose <c>*.json</c> files are each a rule set, named after the file without its
    /// extension. The files are listed at start; a file added later is not picked up before a restart.
    /// </summary>
    public List<string> Folders { get; set; } = [];

    /// <summary>Reload a rule set when its file changes (default true).</summary>
    public bool WatchForChanges { get; set; } = true;

    /// <summary>
    /// How long a rule file must stay unchanged before it is reloaded (default 500 ms): an editor
    /// or a deployment writes a file in several steps, and only the last state should be compiled.
    /// </summary>
    public TimeSpan ReloadDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Threads one scoring request may use (default 1). A server already runs many requests at
    /// once on the thread pool; a request fanning out over every core would make all others wait.
    /// Raise it for a service that scores few, large batches.
    /// </summary>
    public int MaxDegreeOfParallelism { get; set; } = 1;

    /// <summary>How many row errors a request keeps in full (default 1,000; later ones are only counted).</summary>
    public int MaxRowErrors { get; set; } = 1000;
}
