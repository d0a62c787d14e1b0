using Microsoft.Extensions.Hosting;

namespace ParIndex.RulesEngine.Hosting;

/// <summary>One configured rule set: its name and its rule file (full path).</summary>
internal sealed record RuleSetSource(string Name, string File);

/// <summary>Turns configured paths into full ones, relative to the app's content root when there is one.</summary>
internal sealed class RuleSetPaths(IHostEnvironment? environment = null)
{
    private readonly string _root = environment?.ContentRootPath is { Length: > 0 } root ? root : Directory.GetCurrentDirectory();

    public string Resolve(string path) => Path.GetFullPath(path, _root);

    /// <summary>Every rule set the options name, in configuration order (files, then each folder's files by name).</summary>
    public IReadOnlyList<RuleSetSource> List(ParIndexRulesOptions options) => RuleSetSources.List(options, this);
}

internal static class RuleSetSources
{
    public static IReadOnlyList<RuleSetSource> List(ParIndexRulesOptions options, RuleSetPaths paths)
    {
        var sources = options.RuleSets.Select(pair => new RuleSetSource(pair.Key, paths.Resolve(pair.Value))).ToList();
        foreach (var folder in options.Folders.Select(paths.Resolve).Where(Directory.Exists))
            sources.AddRange(Directory.EnumerateFiles(folder, "*.json")
                .Order(StringComparer.Ordinal)
                .Select(file => new RuleSetSource(Path.GetFileNameWithoutExtension(file), file)));
        return sources;
    }

    public static IEnumerable<string> Duplicates(IEnumerable<RuleSetSource> sources) =>
        sources.GroupBy(s => s.Name, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key);
}
