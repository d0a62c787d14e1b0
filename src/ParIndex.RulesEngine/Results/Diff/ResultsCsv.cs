using System.Globalization;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Results.Diff;

/// <summary>One cell of a results CSV and where it starts (1-based line and character column).</summary>
internal readonly record struct ResultsCsvCell(string Text, int Line, int Column)
{
    public FormatException Error(string source, string message) => new($"{source}({Line},{Column}): {message}.");
}

/// <summary>
/// The records of a results CSV, read by the same RFC 4180 splitter as agency data (quoted
/// separators, doubled quotes and line breaks; comma, semicolon or tab, chosen from the header as
/// for data), with the place of every cell; numbers follow the data's culture and grammar
/// (<see cref="NumberGrammar"/>: "72,5" under vi-VN). A results file is not agency data: a bad
/// record is an error for the whole file.
/// </summary>
internal sealed class ResultsCsv
{
    private readonly Dictionary<string, int> _columns = new(StringComparer.Ordinal);

    private ResultsCsv(string source, List<List<ResultsCsvCell>> records, DataReadOptions options)
    {
        Source = source;
        Header = records[0];
        Rows = records.Skip(1).ToList();
        Options = options;
        for (var i = Header.Count - 1; i >= 0; i--) _columns[Header[i].Text] = i;
    }

    public string Source { get; }

    public List<ResultsCsvCell> Header { get; }

    public List<List<ResultsCsvCell>> Rows { get; }

    public DataReadOptions Options { get; }

    /// <summary>Reads <paramref name="text"/> (a leading byte order mark is ignored).</summary>
    /// <exception cref="FormatException">A bad record or an empty file, at its place.</exception>
    public static ResultsCsv Read(string text, string source, DataReadOptions options)
    {
        var splitter = new CsvRecordSplitter(new StringReader(text.TrimStart('\uFEFF')), trackPositions: true);
        var records = new List<List<ResultsCsvCell>>();
        for (var record = splitter.ReadHeader(); record is not null; record = splitter.Next(expectedFields: records.Count == 0 ? null : records[0].Count))
        {
            if (record.Fields is null)
            {
                var at = record.ProblemAt;
                var problem = record.Kind switch
                {
                    CsvProblem.QuoteNeverClosed => EngineText.Get("ResultsQuoteNeverClosed"),
                    CsvProblem.TextAfterClosingQuote => EngineText.Get("ResultsTextAfterQuote"),
                    _ => record.Problem,
                };
                throw new FormatException($"{source}({at.Line},{at.Column}): {problem}.");
            }
            records.Add(record.Fields.Select((field, i) => new ResultsCsvCell(field, record.FieldStarts![i].Line, record.FieldStarts[i].Column)).ToList());
        }
        if (records.Count == 0) throw new FormatException($"{source}(1,1): {EngineText.Get("ResultsFileEmpty")}");
        return new ResultsCsv(source, records, options);
    }

    /// <summary>The 0-based index of a header column, or -1.</summary>
    public int Column(string name) => _columns.TryGetValue(name, out var index) ? index : -1;

    /// <summary>The columns the header must have, else an error at the header naming them.</summary>
    public void Require(params string[] names)
    {
        var absent = names.Where(n => Column(n) < 0).ToList();
        if (absent.Count > 0)
            throw new FormatException($"{Source}({Header[0].Line},1): " + EngineText.Format("ResultsNeedColumns", string.Join(EngineText.Get("ResultsColumnsAnd"), names),
                absent.Count < names.Length ? EngineText.Format("ResultsColumnsAbsent", string.Join(", ", absent)) : ""));
    }

    /// <summary>The cell of <paramref name="column"/> in <paramref name="row"/>, or null when the row is shorter.</summary>
    public static ResultsCsvCell? Cell(List<ResultsCsvCell> row, int column) => column >= 0 && column < row.Count ? row[column] : null;

    /// <summary>An agency id as written by the results writer (formula escaping undone, NFC).</summary>
    public string Id(List<ResultsCsvCell> row, int column)
    {
        var cell = row[column];
        var id = AgencyIdRegistry.Normalize(Writers.CsvFormulaGuard.Unescape(cell.Text))!;
        return id.Length > 0 ? id : throw cell.Error(Source, EngineText.Get("ResultsIdEmpty"));
    }

    /// <summary>A number cell in the data's culture: an empty cell gives null, text that is not a number is an error at the cell.</summary>
    public double? Number(ResultsCsvCell? cell, string column)
    {
        if (cell is not { } c || c.Text.Trim().Length == 0) return null;
        var culture = Options.CultureOrInvariant;
        if (NumberGrammar.TryParse(c.Text.Trim(), culture, Options.AllowThousands, out var value, out var problem, out _) && double.IsFinite(value)) return value;
        throw c.Error(Source, $"{column}: {problem ?? EngineText.Format("ValueNotFinite", ValueConverter.Shorten(c.Text))}");
    }

    /// <summary>A rank cell: an empty cell gives null; anything but a whole number from 1 to 2,147,483,647 is an error at the cell.</summary>
    public int? Rank(ResultsCsvCell? cell, string column)
    {
        if (cell is not { } c || c.Text.Length == 0) return null;
        if (!NumberGrammar.TryParse(c.Text.Trim(), Options.CultureOrInvariant, Options.AllowThousands, out var value, out _, out _) || value != Math.Floor(value))
            throw c.Error(Source, EngineText.Format("ResultsNotWhole", column, ValueConverter.Shorten(c.Text)));
        if (value < 1 || value > int.MaxValue)
            throw c.Error(Source, EngineText.Format("ResultsRankRange", column, c.Text, int.MaxValue));
        return (int)value;
    }
}
