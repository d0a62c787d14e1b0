using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ParIndex.RulesEngine.Results.Diff;

/// <summary>
/// A results file written by <see cref="Writers.JsonResultWriter"/> (<c>parindex score --format json</c>),
/// read back for comparison: the rule set it was scored with and every scored agency.
/// </summary>
/// <param name="Source">The file name, for messages and headings.</param>
/// <param name="RuleSetId">The rule set id.</param>
/// <param name="RuleSetVersion">The rule set version.</param>
/// <param name="RuleSetTitle">The rule set title.</param>
/// <param name="Agencies">Scored agencies, in file order.</param>
public sealed record ResultsFile(string Source, string RuleSetId, string RuleSetVersion, string RuleSetTitle, IReadOnlyList<ResultsAgency> Agencies)
{
    /// <summary>"id version", e.g. "par-index-province-2019 2019.1".</summary>
    public string RuleSetLabel => $"{RuleSetId} {RuleSetVersion}".Trim();

    /// <summary>Reads a results JSON file.</summary>
    /// <param name="path">The file.</param>
    /// <exception cref="FormatException">The file is not a results file; the message says where.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static ResultsFile ReadFile(string path)
    {
        using var reader = new StreamReader(path, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return Read(reader, path);
    }

    /// <summary>Reads results JSON text.</summary>
    /// <param name="reader">The JSON text.</param>
    /// <param name="source">A label for messages (usually the file name).</param>
    /// <exception cref="FormatException">The text is not a results file; the message says where.</exception>
    public static ResultsFile Read(TextReader reader, string source)
    {
        JToken root;
        try
        {
            using var json = new JsonTextReader(reader) { DateParseHandling = DateParseHandling.None, CloseInput = false };
            root = JToken.ReadFrom(json, new JsonLoadSettings { LineInfoHandling = LineInfoHandling.Load });
            // Json.NET reports content after the first value as an error while reading on.
            while (json.Read()) { }
        }
        catch (JsonReaderException ex)
        {
            throw new FormatException($"{source}({ex.LineNumber},{Math.Max(1, ex.LinePosition)}): not valid JSON: {ex.Message}", ex);
        }
        if (root is not JObject obj || obj["agencies"] is not JArray agencies)
            throw Error(source, root, "expected an object with an \"agencies\" array, as written by 'parindex score --format json'");
        var ruleSet = obj["ruleSet"] as JObject;
        var titles = (ruleSet?["criteria"] as JArray)?.OfType<JObject>()
            .Select(c => (Code: String(c, "code"), Title: String(c, "title")))
            .Where(c => c.Code is not null)
            .GroupBy(c => c.Code!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First().Title, StringComparer.Ordinal) ?? new Dictionary<string, string?>(StringComparer.Ordinal);
        var list = new List<ResultsAgency>(agencies.Count);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in agencies)
        {
            if (item is not JObject agency) throw Error(source, item, "each agency must be an object");
            var id = String(agency, "agencyId") ?? throw Error(source, agency, "an agency needs \"agencyId\"");
            if (!seen.Add(id)) throw Error(source, agency, $"agency '{id}' appears twice");
            var criteria = new List<ResultsCriterion>();
            if (agency["criteria"] is JArray criterionArray)
                foreach (var c in criterionArray.OfType<JObject>())
                {
                    var code = String(c, "code") ?? throw Error(source, c, "a criterion needs \"code\"");
                    criteria.Add(new ResultsCriterion(code, String(c, "title") ?? titles.GetValueOrDefault(code), Number(source, c, "points") ?? 0, Number(source, c, "maxPoints") ?? 0,
                        c["applicable"]?.Type != JTokenType.Boolean || c.Value<bool>("applicable")));
                }
            list.Add(new ResultsAgency(
                id,
                String(agency, "name"),
                String(agency, "group") ?? "",
                Number(source, agency, "total") ?? throw Error(source, agency, $"agency '{id}' needs a number \"total\""),
                Number(source, agency, "maxPoints") ?? double.NaN,
                Number(source, agency, "percent") ?? throw Error(source, agency, $"agency '{id}' needs a number \"percent\""),
                String(agency, "classification"),
                Integer(source, agency, "rank") ?? throw Error(source, agency, $"agency '{id}' needs an integer \"rank\""),
                Integer(source, agency, "overallRank") ?? Integer(source, agency, "rank")!.Value,
                criteria));
        }
        return new ResultsFile(source, String(ruleSet, "id") ?? "", String(ruleSet, "version") ?? "", String(ruleSet, "title") ?? "", list);
    }

    private static string? String(JObject? obj, string name) =>
        obj?[name] is JValue { Type: JTokenType.String } value ? (string?)value : null;

    /// <summary>A number property: absent or null gives null; a string, ±∞ or NaN is an error at the value.</summary>
    private static double? Number(string source, JObject obj, string name) => obj[name] switch
    {
        null or JValue { Type: JTokenType.Null } => null,
        JValue { Type: JTokenType.Integer, Value: System.Numerics.BigInteger big } => (double)big,
        JValue { Type: JTokenType.Float or JTokenType.Integer } value when Convert.ToDouble(value.Value, System.Globalization.CultureInfo.InvariantCulture) is var number && double.IsFinite(number) => number,
        JValue { Type: JTokenType.Float } value => throw Error(source, value, $"\"{name}\" must be a finite number, not {value.ToString(System.Globalization.CultureInfo.InvariantCulture)}"),
        var other => throw Error(source, other, $"\"{name}\" must be a number"),
    };

    /// <summary>A rank property: absent or null gives null; anything but a whole number from 1 to <see cref="int.MaxValue"/> is an error at the value.</summary>
    private static int? Integer(string source, JObject obj, string name) => obj[name] switch
    {
        null or JValue { Type: JTokenType.Null } => null,
        JValue { Type: JTokenType.Integer, Value: long n } when n is >= 1 and <= int.MaxValue => (int)n,
        JValue { Type: JTokenType.Integer } value => throw Error(source, value, $"\"{name}\" {value} is out of range: a rank is a whole number from 1 to {int.MaxValue}"),
        var other => throw Error(source, other, $"\"{name}\" must be a whole number"),
    };

    private static FormatException Error(string source, JToken token, string message)
    {
        var info = (IJsonLineInfo)token;
        var where = info.HasLineInfo() ? $"({info.LineNumber},{info.LinePosition})" : "(1,1)";
        var at = token.Path.Length > 0 ? $" {token.Path}:" : "";
        return new FormatException($"{source}{where}:{at} {message}.");
    }
}

/// <summary>One agency of a results file.</summary>
/// <param name="AgencyId">Agency id.</param>
/// <param name="Name">Agency name, when the file has one.</param>
/// <param name="Group">Ranking group ("" without groups).</param>
/// <param name="Total">Total points.</param>
/// <param name="MaxPoints">Applicable maximum.</param>
/// <param name="Percent">Percent of the applicable maximum.</param>
/// <param name="Classification">Classification label, or null.</param>
/// <param name="Rank">Rank within the group.</param>
/// <param name="OverallRank">Rank among all agencies.</param>
/// <param name="Criteria">Points per criterion (empty when the file was written with totals only).</param>
public sealed record ResultsAgency(string AgencyId, string? Name, string Group, double Total, double MaxPoints, double Percent,
    string? Classification, int Rank, int OverallRank, IReadOnlyList<ResultsCriterion> Criteria);

/// <summary>One criterion's points for one agency in a results file.</summary>
/// <param name="Code">Criterion code.</param>
/// <param name="Title">Criterion title, when the file has it.</param>
/// <param name="Points">Points (0 when not applicable).</param>
/// <param name="MaxPoints">Applicable maximum (0 when not applicable).</param>
/// <param name="IsApplicable">False when the criterion did not apply to the agency.</param>
public sealed record ResultsCriterion(string Code, string? Title, double Points, double MaxPoints, bool IsApplicable);
