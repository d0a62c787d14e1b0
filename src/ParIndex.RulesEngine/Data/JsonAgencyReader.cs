using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Reads agency data from JSON: an array of objects, or an object with an "agencies" array.
/// Each object holds the agency id, optional name, and input values by name. Every row error
/// carries the JSON path, line and column of the offending value. A key given twice in one
/// object rejects that row only (PAR0613); malformed JSON and content after the first value
/// (PAR0612) are file-level errors; an I/O error throws <see cref="DataFileException"/>.
/// </summary>
public static class JsonAgencyReader
{
    /// <summary>Reads a JSON file into a batch for <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set whose inputs the properties are.</param>
    /// <param name="path">The JSON file.</param>
    /// <param name="culture">Culture for numbers given as strings; invariant by default.</param>
    /// <exception cref="DataFileException">The file cannot be opened or reading fails part-way.</exception>
    public static AgencyBatch ReadFile(CompiledRuleSet ruleSet, string path, CultureInfo? culture = null) =>
        ReadFile(ruleSet, path, DataReadOptions.For(culture));

    /// <summary>Reads a JSON file into a batch for <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set whose inputs the properties are.</param>
    /// <param name="path">The JSON file.</param>
    /// <param name="options">Culture and grouping of numbers given as strings, and how many row errors are kept in full.</param>
    /// <exception cref="DataFileException">The file cannot be opened or reading fails part-way.</exception>
    public static AgencyBatch ReadFile(CompiledRuleSet ruleSet, string path, DataReadOptions options)
        => ReadStream(ruleSet, DataFileException.OpenRead(path), options, path);

    /// <summary>Reads JSON bytes (encoding as for <see cref="CsvAgencyReader.ReadStream(CompiledRuleSet, Stream, DataReadOptions, string?)"/>) into a batch; the stream is disposed.</summary>
    /// <param name="ruleSet">The rule set whose inputs the properties are.</param>
    /// <param name="stream">The JSON bytes.</param>
    /// <param name="options">Culture and grouping of numbers given as strings, and how many row errors are kept in full.</param>
    /// <param name="source">A label for messages (the file path).</param>
    /// <exception cref="DataFileException">Reading the stream fails part-way.</exception>
    public static AgencyBatch ReadStream(CompiledRuleSet ruleSet, Stream stream, DataReadOptions options, string? source = null)
    {
        var utf8 = new Utf8Check();
        AgencyBatch batch;
        try
        {
            using var reader = utf8.Open(stream);
            batch = Read(ruleSet, reader, options, source);
        }
        catch (Exception ex) when (ex is (IOException or UnauthorizedAccessException) and not DataFileException) { throw DataFileException.From(source, ex); }
        finally { stream.Dispose(); }
        return Utf8Check.WithFinding(batch, utf8.Finding(source));
    }

    /// <summary>Reads JSON text into a batch for <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set whose inputs the properties are.</param>
    /// <param name="reader">The JSON text.</param>
    /// <param name="culture">Culture for numbers given as strings; invariant by default.</param>
    /// <param name="source">A label for messages.</param>
    /// <exception cref="DataFileException">The reader fails part-way.</exception>
    public static AgencyBatch Read(CompiledRuleSet ruleSet, TextReader reader, CultureInfo? culture = null, string? source = null) =>
        Read(ruleSet, reader, DataReadOptions.For(culture), source);

    /// <summary>Reads JSON text into a batch for <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set whose inputs the properties are.</param>
    /// <param name="reader">The JSON text.</param>
    /// <param name="options">Culture and grouping of numbers given as strings, and how many row errors are kept in full.</param>
    /// <param name="source">A label for messages.</param>
    /// <exception cref="DataFileException">The reader fails part-way.</exception>
    public static AgencyBatch Read(CompiledRuleSet ruleSet, TextReader reader, DataReadOptions options, string? source = null)
    {
        var builder = new AgencyBatchBuilder(ruleSet, options, source);
        var rows = new JsonRowReader(reader, source);
        try
        {
            if (!rows.Start(out var shapeProblem))
            {
                builder.Report(shapeProblem!);
                return builder.Build();
            }
            var agency = ruleSet.Definition.Agency;
            while (rows.Next() is { } row)
            {
                Stats.Rows++;
                if (row.Object is not { } item)
                {
                    builder.RejectRow(null, DiagnosticCodes.WrongType, $"The item at {row.Path} is not an object.", row.Location);
                    continue;
                }
                SourceLocation Locate(string? field) => field is not null && item[field] is { } token ? rows.Locate(token, row) : row.Location;
                var duplicates = row.DuplicateKeys.Select(d => new RowError(null, 0, d.Key, DiagnosticCodes.DuplicateKey,
                    $"The agency object at {row.Path} has the key '{InputChecks.Shorten(d.Key)}' twice (again at {d.Location.JsonPath}, line {d.Location.Line}, column {d.Location.Column}); " +
                    "it is not known which value is meant, so the row is not scored.", d.Location)).ToList();
                builder.Add(Text(item[agency.IdColumn]), Text(item[agency.NameColumn]), name => Value(item[name]),
                    item.Properties().Select(p => p.Name).ToList(), Locate, duplicates);
            }
            rows.Finish(builder);
        }
        catch (JsonReaderException ex)
        {
            builder.Report(Diagnostic.Error(DiagnosticCodes.DataFile, $"The data is not well-formed JSON: {ex.Message}", new SourceLocation(source, ex.Path, ex.LineNumber, ex.LinePosition)));
        }
        catch (Exception ex) when (ex is (IOException or UnauthorizedAccessException) and not DataFileException) { throw DataFileException.From(source, ex); }
        return builder.Build();
    }

    /// <summary>Work done by reads on this thread (rows and path segments), for tests that prove reading is linear.</summary>
    internal static ReadStats Stats => ReadStats.Current;

    private static string? Text(JToken? token) => token is JValue { Value: not null } v ? Convert.ToString(v.Value, CultureInfo.InvariantCulture) : null;

    /// <summary>A JSON value as a CLR value; arrays and objects stay tokens so they fail the type check.</summary>
    private static object? Value(JToken? token) => token switch
    {
        null => null,
        JValue { Type: JTokenType.Null } => null,
        JValue v => v.Value,
        _ => token.ToString(Formatting.None),
    };
}

/// <summary>Counters of the work of JSON reads on the current thread (reset by the tests).</summary>
internal sealed class ReadStats
{
    [ThreadStatic] private static ReadStats? _current;

    public static ReadStats Current => _current ??= new ReadStats();

    /// <summary>Rows read.</summary>
    public long Rows;

    /// <summary>Path segments built for locations.</summary>
    public long PathSteps;

    public void Reset() => Rows = PathSteps = 0;
}
