using System.Text.Json;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Results.Rounds;

/// <summary>
/// Reads the appraiser's notes (<c>&lt;input&gt;#note</c> columns, see <see cref="RoundColumns"/>)
/// of a data file: CSV (the data readers' splitter, delimiter and encoding rules) or JSON (an
/// array of agency objects, or an object with an "agencies" array). Only the notes are read
/// here: the values, and every problem with them, come from the data readers.
/// </summary>
public static class AppraisalNotesReader
{
    /// <summary>Reads the notes of a data file; a path ending in .json is read as JSON, any other as CSV.</summary>
    /// <param name="ruleSet">The rule set whose inputs the notes are about.</param>
    /// <param name="path">The data file.</param>
    /// <exception cref="DataFileException">The file cannot be read.</exception>
    /// <exception cref="InvalidDataException">A JSON file is malformed.</exception>
    public static AppraisalNotes ReadFile(CompiledRuleSet ruleSet, string path)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        try
        {
            using var stream = DataFileException.OpenRead(path);
            using var reader = new Utf8Check().Open(stream);
            return path.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? ReadJson(ruleSet, reader, path) : ReadCsv(ruleSet, reader, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { throw DataFileException.From(path, ex); }
    }

    /// <summary>Reads the notes of CSV data.</summary>
    /// <param name="ruleSet">The rule set whose inputs the notes are about.</param>
    /// <param name="reader">The CSV text.</param>
    /// <param name="source">A label for locations (the file path).</param>
    public static AppraisalNotes ReadCsv(CompiledRuleSet ruleSet, TextReader reader, string? source = null)
    {
        var splitter = new CsvRecordSplitter(reader);
        if (splitter.ReadHeader()?.Fields is not { } header) return AppraisalNotes.Empty;
        var inputs = ruleSet.Definition.Inputs.Select(i => i.Name).ToList();
        var idColumn = Array.FindIndex(header, h => h.Trim().TrimStart('\uFEFF') == ruleSet.Definition.Agency.IdColumn);
        var noteColumns = header.Select((h, i) => (Input: RoundColumns.InputOfNote(h.Trim(), inputs), Index: i)).Where(c => c.Input is not null).ToList();
        if (idColumn < 0 || noteColumns.Count == 0) return AppraisalNotes.Empty;
        var notes = new List<AppraisalNote>();
        while (splitter.Next(header.Length) is { } record)
        {
            // A record the data reader rejects as unreadable has no trustworthy cells; its error is reported there.
            if (record.Fields is not { } fields || idColumn >= fields.Length || AgencyIdRegistry.Normalize(fields[idColumn]) is not { Length: > 0 } id) continue;
            foreach (var (input, index) in noteColumns)
                if (index < fields.Length && !string.IsNullOrWhiteSpace(fields[index]))
                    notes.Add(new AppraisalNote(id, input!, fields[index], new SourceLocation(source, null, record.FirstLine, index + 1)));
        }
        return new AppraisalNotes(notes);
    }

    /// <summary>Reads the notes of JSON data.</summary>
    /// <param name="ruleSet">The rule set whose inputs the notes are about.</param>
    /// <param name="reader">The JSON text.</param>
    /// <param name="source">A label for locations (the file path).</param>
    /// <exception cref="InvalidDataException">The JSON is malformed.</exception>
    public static AppraisalNotes ReadJson(CompiledRuleSet ruleSet, TextReader reader, string? source = null)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(reader.ReadToEnd(), new JsonDocumentOptions { AllowTrailingCommas = false }); }
        catch (JsonException ex) { throw new InvalidDataException($"{source}: {EngineText.Format("NotesMalformed", ex.Message)}", ex); }
        using (document)
        {
            var root = document.RootElement;
            var nested = root.ValueKind == JsonValueKind.Object && root.TryGetProperty("agencies", out _);
            var agencies = nested ? root.GetProperty("agencies") : root;
            if (agencies.ValueKind != JsonValueKind.Array) return AppraisalNotes.Empty;
            var inputs = ruleSet.Definition.Inputs.Select(i => i.Name).ToList();
            var idKey = ruleSet.Definition.Agency.IdColumn;
            var notes = new List<AppraisalNote>();
            var prefix = nested ? "agencies" : "";
            var index = 0;
            foreach (var agency in agencies.EnumerateArray())
            {
                var path = $"{prefix}[{index++}]";
                if (agency.ValueKind != JsonValueKind.Object || !agency.TryGetProperty(idKey, out var idValue)) continue;
                if (AgencyIdRegistry.Normalize(idValue.ValueKind == JsonValueKind.String ? idValue.GetString() : idValue.GetRawText()) is not { Length: > 0 } id) continue;
                foreach (var property in agency.EnumerateObject())
                    if (RoundColumns.InputOfNote(property.Name, inputs) is { } input && property.Value.ValueKind == JsonValueKind.String)
                        notes.Add(new AppraisalNote(id, input, property.Value.GetString()!, new SourceLocation(source, $"{path}.{property.Name}", 0, 0)));
            }
            return new AppraisalNotes(notes);
        }
    }
}
