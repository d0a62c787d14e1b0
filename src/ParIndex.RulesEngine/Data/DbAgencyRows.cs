using System.Data.Common;
using System.Globalization;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// The rows of one <see cref="DbDataReader"/> going into an <see cref="AgencyBatchBuilder"/>: the
/// result's column names are bound once, by the CSV header code, then each row's values are handed
/// over as the provider typed them. Locations are result row and 1-based column ordinal.
/// </summary>
internal sealed class DbAgencyRows
{
    private readonly DbDataReader _reader;
    private readonly AgencyBatchBuilder _builder;
    private readonly string? _source;
    private readonly Dictionary<string, int> _columns;
    private readonly int _idColumn;
    private readonly int _nameColumn;
    private int _row;

    private DbAgencyRows(InputSchema schema, DbDataReader reader, AgencyBatchBuilder builder, string? source)
    {
        _reader = reader;
        _builder = builder;
        _source = source;
        var names = new string[reader.FieldCount];
        for (var i = 0; i < names.Length; i++) names[i] = reader.GetName(i);
        _columns = CsvAgencyRows.ReadColumns(schema, builder, names, i => Place(0, i));
        CsvAgencyRows.ReportMissingColumns(schema, builder, _columns, EngineText.Get("KindQueryResult"), Place(0, -1));
        builder.DeclareFields(_columns.Keys, name => Place(0, _columns[name]));
        _idColumn = _columns.GetValueOrDefault(schema.IdColumn, -1);
        _nameColumn = _columns.GetValueOrDefault(schema.NameColumn, -1);
    }

    /// <summary>Binds the columns of <paramref name="reader"/> for data of <paramref name="schema"/>.</summary>
    public static DbAgencyRows Start(InputSchema schema, DbDataReader reader, DataReadOptions? options, string? source)
    {
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(reader);
        if (reader.IsClosed) throw new ArgumentException("The data reader is closed; pass an open reader positioned before its first row.", nameof(reader));
        return new DbAgencyRows(schema, reader, new AgencyBatchBuilder(schema, options ?? DataReadOptions.Default, source), source);
    }

    /// <summary>Hands the reader's current row to the builder.</summary>
    public void Add()
    {
        _row++;
        _builder.Add(Text(_idColumn), Text(_nameColumn), Value, null,
            field => Place(_row, field is not null && _columns.TryGetValue(field, out var c) ? c : _idColumn));
    }

    public AgencyBatch Build() => _builder.Build();

    private object? Value(string input) => _columns.TryGetValue(input, out var column) ? At(column) : null;

    private object? At(int column) => column < 0 || _reader.IsDBNull(column) ? null : _reader.GetValue(column);

    /// <summary>The id and name as text: a database may hold the id as an integer (101), which names agency "101".</summary>
    private string? Text(int column) => At(column) switch
    {
        null => null,
        string s => s.Trim(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        var other => other.ToString(),
    };

    private SourceLocation Place(int row, int column) => new(_source, null, row, column + 1);
}
