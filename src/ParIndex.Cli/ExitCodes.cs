namespace ParIndex.Cli;

/// <summary>Process exit codes, documented in docs/cli.md.</summary>
public static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Success = 0;
    /// <summary>The rule file has errors (diagnostics printed).</summary>
    public const int InvalidRules = 1;
    /// <summary>parindex test: a test case of the rule file failed (the same code as an invalid rule file: the rules do not give the figures they promise).</summary>
    public const int TestsFailed = 1;
    /// <summary>The command line is wrong, or --out is empty, a folder, or one of the input files.</summary>
    public const int Usage = 2;
    /// <summary>The data file, previous results file or results file cannot be read or used (the message gives file, line and column), or the output cannot be written.</summary>
    public const int InvalidData = 3;
    /// <summary>Scored, but some rows were rejected (listed on standard error).</summary>
    public const int RowsRejected = 4;
    /// <summary>A fault in parindex itself (not in the input): one line "internal error" on standard error, no stack trace.</summary>
    public const int InternalError = 70;
    /// <summary>Interrupted (Ctrl-C, SIGTERM) before the output was in place: no output file was written or changed.</summary>
    public const int Interrupted = 130;
}
