namespace ParIndex.RulesEngine.Hosting;

/// <summary>
/// Watches one rule file and calls back once it has stayed unchanged for the reload delay.
/// Watches the folder, not the file: editors and deployments often save by writing a new file and
/// renaming it over the old one, which a watch on the old file would miss.
/// </summary>
internal sealed class RuleFileWatcher : IDisposable
{
    private readonly FileSystemWatcher _watcher;
    private readonly Timer _debounce;
    private readonly TimeSpan _delay;

    public RuleFileWatcher(string file, TimeSpan delay, Action changed)
    {
        _delay = delay;
        _debounce = new Timer(_ => changed(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        _watcher = new FileSystemWatcher(Path.GetDirectoryName(file)!, Path.GetFileName(file))
        {
            NotifyFilter = NotifyFilters.LastWrite | NotifyFilters.FileName | NotifyFilters.Size | NotifyFilters.CreationTime,
        };
        _watcher.Changed += OnEvent;
        _watcher.Created += OnEvent;
        _watcher.Renamed += OnEvent;
        _watcher.EnableRaisingEvents = true;
    }

    // Every event restarts the delay, so a burst of writes gives one reload after the last of them.
    private void OnEvent(object sender, FileSystemEventArgs e) => _debounce.Change(_delay, Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _watcher.Dispose();
        _debounce.Dispose();
    }
}
