using System.Globalization;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Data;

/// <summary>
/// Reads agency data from JSON: an array of objects, or an object with an "agencies" array.
/// Each object holds the agency id, optional name, and input values by name. Every row error
/// carries the JSON path, line and column of the offending value.
/// </summary>
public static class JsonAgencyReader
{
    /// <summary>Reads a JSON file into a batch for <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set whose inputs the properties are.</param>
    /// <param name="path">The JSON file.</param>
    /// <param name="culture">Culture for numbers given as strings; invariant by default.</param>
    public static AgencyBatch ReadFile(CompiledRuleSet ruleSet, string path, CultureInfo? culture = null)
    {
        try
        {
            var utf8 = new Utf8Check();
            using var reader = utf8.Open(path);
            var batch = Read(ruleSet, reader, culture, path);
            return Utf8Check.WithFinding(batch, utf8.Finding(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            var builder = new AgencyBatchBuilder(ruleSet, culture, path);
            builder.Report(Diagnostic.Error(DiagnosticCodes.DataFile, $"The data file cannot be read: {ex.Message}", new SourceLocation(path, null, 0, 0)));
            return builder.Build();
        }
    }

    /// <summary>Reads JSON text into a batch for <paramref name="ruleSet"/>.</summary>
    /// <param name="ruleSet">The rule set whose inputs the properties are.</param>
    /// <param name="reader">The JSON text.</param>
    /// <param name="culture">Culture for numbers given as strings; invariant by default.</param>
    /// <param name="source">A label for messages.</param>
    public static AgencyBatch Read(CompiledRuleSet ruleSet, TextReader reader, CultureInfo? culture = null, string? source = null)
    {
        var builder = new AgencyBatchBuilder(ruleSet, culture, source);
        JToken root;
        try
        {
            using var json = new JsonTextReader(reader) { DateParseHandling = DateParseHandling.None, FloatParseHandling = FloatParseHandling.Double };
            root = JToken.ReadFrom(json, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load, DuplicatePropertyNameHandling = DuplicatePropertyNameHandling.Error });
        }
        catch (JsonReaderException ex)
        {
            builder.Report(Diagnostic.Error(DiagnosticCodes.DataFile, $"The data is not well-formed JSON: {ex.Message}", new SourceLocation(source, ex.Path, ex.LineNumber, ex.LinePosition)));
            return builder.Build();
        }
        var rows = root switch
        {
            JArray array => array,
            JObject o when o["agencies"] is JArray array => array,
            _ => null,
        };
        if (rows is null)
        {
            builder.Report(Diagnostic.Error(DiagnosticCodes.DataFile, "The data must be an array of agency objects, or an object with an \"agencies\" array.", Locate(source, root)));
            return builder.Build();
        }
        var agency = ruleSet.Definition.Agency;
        foreach (var row in rows)
        {
            if (row is not JObject item)
            {
                builder.RejectRow(null, DiagnosticCodes.WrongType, $"The item at {row.Path} is not an object.", Locate(source, row));
                continue;
            }
            builder.Add(Text(item[agency.IdColumn]), Text(item[agency.NameColumn]), name => Value(item[name]),
                item.Properties().Select(p => p.Name).ToList(),
                field => Locate(source, field is not null && item[field] is { } token ? token : item));
        }
        return builder.Build();
    }

    private static string? Text(JToken? token) => token is JValue { Value: not null } v ? Convert.ToString(v.Value, CultureInfo.InvariantCulture) : null;

    /// <summary>A JSON value as a CLR value; arrays and objects stay tokens so they fail the type check.</summary>
    private static object? Value(JToken? token) => token switch
    {
        null => null,
        JValue { Type: JTokenType.Null } => null,
        JValue v => v.Value,
        _ => token.ToString(Formatting.None),
    };

    private static SourceLocation Locate(string? source, JToken token)
    {
        var info = (IJsonLineInfo)token;
        return new SourceLocation(source, token.Path, info.HasLineInfo() ? info.LineNumber : 0, info.HasLineInfo() ? info.LinePosition : 0);
    }
}
