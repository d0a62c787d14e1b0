using System.Data.Common;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Reads agency data from any ADO.NET <see cref="DbDataReader"/> (SQL Server, PostgreSQL, SQLite…):
/// one result row per agency, the result's column names bound to inputs exactly as a CSV header is
/// (input name, column alias or title; the id and name columns of the rule set). Values are taken
/// as the provider gives them: numbers of any CLR numeric type, booleans (or 0/1 integers, as
/// SQLite stores them), text in the given culture, <c>NULL</c> as a missing value under the input's
/// missing policy. Every bad value rejects its row with a <see cref="RowError"/> whose location is
/// the result row (<see cref="Diagnostics.SourceLocation.Line"/>, 1-based) and column
/// (<see cref="Diagnostics.SourceLocation.Column"/>, the 1-based ordinal); the other rows go on.
/// The reader is read to its end and left open: the caller owns it and its connection. A
/// provider error while reading throws <see cref="DataFileException"/>.
/// </summary>
public static class DbAgencyReader
{
    /// <summary>Reads every row of <paramref name="reader"/> into a batch for <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set whose inputs the columns are.</param>
    /// <param name="reader">An open reader positioned before its first row.</param>
    /// <param name="options">Culture for numbers held as text, and how many row errors are kept in full; defaults when null.</param>
    /// <param name="source">A label for messages, such as the table or query name.</param>
    /// <exception cref="DataFileException">The provider fails while reading.</exception>
    public static AgencyBatch Read(CompiledRuleSet ruleSet, DbDataReader reader, DataReadOptions? options = null, string? source = null) =>
        Read(ruleSet.InputSchema, reader, options, source);

    /// <summary>Reads every row of <paramref name="reader"/> into a batch for data of <paramref name="schema"/>.</summary>
    /// <param name="schema">The inputs the columns are (<see cref="CompiledRuleSet.InputSchema"/> or <see cref="RuleSetLoader.LoadInputSchema"/>).</param>
    /// <param name="reader">An open reader positioned before its first row.</param>
    /// <param name="options">Culture for numbers held as text, and how many row errors are kept in full; defaults when null.</param>
    /// <param name="source">A label for messages, such as the table or query name.</param>
    /// <exception cref="DataFileException">The provider fails while reading.</exception>
    public static AgencyBatch Read(InputSchema schema, DbDataReader reader, DataReadOptions? options = null, string? source = null)
    {
        var rows = DbAgencyRows.Start(schema, reader, options, source);
        try
        {
            while (reader.Read()) rows.Add();
        }
        catch (DbException ex) { throw DataFileException.From(source, ex); }
        return rows.Build();
    }

    /// <summary>Reads every row of <paramref name="reader"/> into a batch, waiting for the provider asynchronously.</summary>
    /// <param name="schema">The inputs the columns are.</param>
    /// <param name="reader">An open reader positioned before its first row.</param>
    /// <param name="options">Culture for numbers held as text, and how many row errors are kept in full; defaults when null.</param>
    /// <param name="source">A label for messages, such as the table or query name.</param>
    /// <param name="cancellationToken">Stops reading between rows (and inside the provider, where it supports it); no batch is made.</param>
    /// <exception cref="DataFileException">The provider fails while reading.</exception>
    /// <exception cref="OperationCanceledException">Reading was cancelled.</exception>
    public static async Task<AgencyBatch> ReadAsync(InputSchema schema, DbDataReader reader, DataReadOptions? options = null, string? source = null,
        CancellationToken cancellationToken = default)
    {
        var rows = DbAgencyRows.Start(schema, reader, options, source);
        try
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                cancellationToken.ThrowIfCancellationRequested();
                rows.Add();
            }
        }
        catch (DbException ex) { throw DataFileException.From(source, ex); }
        return rows.Build();
    }

    /// <summary>Reads every row of <paramref name="reader"/> into a batch for <paramref name="ruleSet"/>, asynchronously.</summary>
    /// <param name="ruleSet">The rule set whose inputs the columns are.</param>
    /// <param name="reader">An open reader positioned before its first row.</param>
    /// <param name="options">Culture for numbers held as text, and how many row errors are kept in full; defaults when null.</param>
    /// <param name="source">A label for messages, such as the table or query name.</param>
    /// <param name="cancellationToken">Stops reading between rows; no batch is made.</param>
    /// <exception cref="DataFileException">The provider fails while reading.</exception>
    /// <exception cref="OperationCanceledException">Reading was cancelled.</exception>
    public static Task<AgencyBatch> ReadAsync(CompiledRuleSet ruleSet, DbDataReader reader, DataReadOptions? options = null, string? source = null,
        CancellationToken cancellationToken = default) =>
        ReadAsync(ruleSet.InputSchema, reader, options, source, cancellationToken);
}
