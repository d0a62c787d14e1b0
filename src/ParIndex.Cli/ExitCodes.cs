namespace ParIndex.Cli;

/// <summary>Process exit codes, documented in docs/cli.md.</summary>
public static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Success = 0;
    /// <summary>The rule file has errors (diagnostics printed).</summary>
    public const int InvalidRules = 1;
    /// <summary>The command line is wrong.</summary>
    public const int Usage = 2;
    /// <summary>The data file (or previous results file) cannot be used at all.</summary>
    public const int InvalidData = 3;
    /// <summary>Scored, but some rows were rejected (listed on standard error).</summary>
    public const int RowsRejected = 4;
}
