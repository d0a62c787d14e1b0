namespace ParIndex.RulesEngine.Benchmarks.Infrastructure;

/// <summary>Run-wide switches set from the command line.</summary>
public static class Settings
{
    /// <summary>True with --quick: smallest sizes, in-process, few iterations (CI smoke run).</summary>
    public static bool Quick { get; set; }
}
