namespace ParIndex.Cli;

/// <summary>
/// Where one command writes its results: standard output, or the --out file through a
/// <see cref="PendingOutput"/> that replaces the file only when the command succeeds
/// (<see cref="Commit"/>). Disposing without commit leaves an existing --out file untouched.
/// </summary>
internal sealed class CommandOutput : IDisposable
{
    private readonly PendingOutput? _file;
    private readonly CancellationToken _cancellation;

    private CommandOutput(TextWriter writer, PendingOutput? file, CancellationToken cancellation)
    {
        Writer = writer;
        _file = file;
        _cancellation = cancellation;
    }

    /// <summary>Where to write the results.</summary>
    public TextWriter Writer { get; }

    /// <summary>The --out temporary file, for results written as UTF-8 bytes; null for standard output.</summary>
    public Stream? FileStream => _file?.Stream;

    /// <summary>The folder of the --out file (for a streaming run's spill file); null for standard output.</summary>
    public string? Folder => _file is null ? null : Path.GetDirectoryName(_file.Target);

    /// <summary>True when the results go to the --out file.</summary>
    public bool ToFile => _file is not null;

    /// <summary>
    /// Checks --out against every input (see <see cref="OutputPath.Check"/>) before anything is read,
    /// then opens the temporary file, or picks standard output. <paramref name="machineFormat"/>
    /// (CSV, JSON, HTML) is written to standard output exactly, unless standard output is a
    /// terminal; text for people always goes through the terminal-safe writer.
    /// </summary>
    public static CommandOutput Open(CommandLine line, TextWriter standardOutput, bool machineFormat, params string?[] inputs)
    {
        if (OutputPath.Check(line, inputs) is { } path)
        {
            var file = PendingOutput.Create(path);
            return new CommandOutput(file.Writer, file, line.Cancellation);
        }
        var raw = machineFormat && !Terminal.OutputIsTerminal && standardOutput is TerminalSafeWriter safe ? safe.Inner : standardOutput;
        return new CommandOutput(raw, null, line.Cancellation);
    }

    /// <summary>
    /// The command succeeded: the --out file now holds the results (no-op for standard output).
    /// An interrupted run never commits: it throws <see cref="OperationCanceledException"/> and the temporary file is discarded.
    /// </summary>
    public void Commit()
    {
        _cancellation.ThrowIfCancellationRequested();
        if (_file is not null) _file.Commit();
        else Writer.Flush();
    }

    /// <summary>Discards the temporary file unless <see cref="Commit"/> ran.</summary>
    public void Dispose() => _file?.Dispose();
}
