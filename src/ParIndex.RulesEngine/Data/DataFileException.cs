using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// A data file could not be read to its end: it cannot be opened, or reading failed part-way
/// (a disk or network error). Thrown by the readers instead of returning the rows read so far,
/// which would be scored as if they were the whole file.
/// </summary>
public sealed class DataFileException : IOException
{
    /// <summary>Creates the exception for <paramref name="path"/>.</summary>
    /// <param name="path">The file (or the source label of a reader).</param>
    /// <param name="message">What failed, naming the file.</param>
    /// <param name="inner">The I/O error.</param>
    public DataFileException(string? path, string message, Exception? inner) : base(message, inner) => Path = path;

    /// <summary>The file, or the source label given to the reader.</summary>
    public string? Path { get; }

    internal static DataFileException From(string? path, Exception error) => new(path,
        Resources.EngineText.Format("DataFileUnreadable", path ?? Resources.EngineText.Get("TheData"), error.Message), error);

    /// <summary>Opens a data file for reading; a file that cannot be opened is this exception, with its path.</summary>
    internal static FileStream OpenRead(string path)
    {
        try { return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { throw From(path, ex); }
    }
}

/// <summary>
/// A batch whose file has file-level errors (<see cref="AgencyBatch.HasFileErrors"/>: truncated,
/// a repeated header column, malformed JSON or content after it…) was given to
/// <see cref="CompiledRuleSet.Score"/>. Scoring it would rank a partial or misread file as if it
/// were whole. Set <see cref="Evaluation.ScoringOptions.AllowFileErrors"/> to score it anyway.
/// </summary>
public sealed class DataFileErrorException : InvalidOperationException
{
    /// <summary>Creates the exception from the batch's error diagnostics.</summary>
    /// <param name="errors">The file-level errors.</param>
    public DataFileErrorException(IReadOnlyList<Diagnostic> errors)
        : base(Resources.EngineText.Get("DataFileHasErrors") +
            Environment.NewLine + string.Join(Environment.NewLine, errors)) => Errors = errors;

    /// <summary>The file-level errors.</summary>
    public IReadOnlyList<Diagnostic> Errors { get; }
}
