using System.Text;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace ParIndex.RulesEngine.Tests.Hardening;

/// <summary>A generated input: where it came from, what was done to it, and the text.</summary>
/// <param name="Seed">The example it was derived from.</param>
/// <param name="Mutations">The mutations applied, in order.</param>
/// <param name="Text">The mutated text.</param>
internal sealed record FuzzCase(string Seed, IReadOnlyList<string> Mutations, string Text);

/// <summary>
/// Seeded mutation fuzzer over rule files: truncation, type swaps, deleted and duplicated keys,
/// unicode, huge numbers, deep nesting, formula character mutations and raw character noise.
/// Case <c>i</c> of seed <c>s</c> is always the same mutant.
/// </summary>
internal sealed class RuleFileFuzzer
{
    private static readonly string[] FormulaKeys = ["formula", "yesNo", "appliesTo", "of", "when", "value", "target"];

    private readonly IReadOnlyList<(string Name, JObject Tree)> _seeds;
    private readonly int _seed;

    public RuleFileFuzzer(IEnumerable<(string Name, string Json)> seeds, int seed)
    {
        _seeds = seeds.Select(s => (s.Name, JObject.Parse(s.Json))).ToList();
        _seed = seed;
    }

    public FuzzCase Case(int index)
    {
        var random = FuzzValues.ForCase(_seed, index);
        var (name, seedTree) = random.Pick(_seeds);
        var tree = (JObject)seedTree.DeepClone();
        var mutations = new List<string>();
        var count = 1 + random.Next(3);
        for (var m = 0; m < count; m++) mutations.Add(MutateTree(random, tree));
        var text = random.Next(4) == 0 ? WriteWithDuplicateKey(random, tree, mutations) : tree.ToString(Formatting.Indented);
        if (random.Next(5) == 0) text = MutateText(random, text, mutations);
        return new FuzzCase(name, mutations, text);
    }

    private static string MutateTree(Random random, JObject tree)
    {
        var tokens = tree.DescendantsAndSelf().ToList();
        switch (random.Next(10))
        {
            case 0 when tokens.OfType<JProperty>().ToList() is { Count: > 0 } properties:
                var removed = random.Pick(properties);
                removed.Remove();
                return $"delete key {removed.Path}";
            case 1:
                var swapped = random.Pick(tokens.Where(t => t is not JProperty && t.Parent is not null).ToList());
                swapped.Replace(OtherType(random, swapped));
                return $"type swap at {swapped.Path}";
            case 2 when tokens.OfType<JValue>().ToList() is { Count: > 0 } values:
                var number = random.Pick(values);
                number.Replace(new JRaw(random.Pick(FuzzValues.HugeNumbers)));
                return $"huge number at {number.Path}";
            case 3 when Strings(tokens) is { Count: > 0 } strings:
                var text = random.Pick(strings);
                text.Value = random.InsertAtRandom((string)text.Value!, random.Next(10) == 0 ? FuzzValues.Long(100_000) : random.Pick(FuzzValues.NastyText));
                return $"unicode in {text.Path}";
            case 4 or 5 when Formulas(tokens) is { Count: > 0 } formulas:
                var formula = random.Pick(formulas);
                formula.Value = MutateFormula(random, (string)formula.Value!, formulas);
                return $"formula at {formula.Path}";
            case 6:
                var nested = random.Pick(tokens.Where(t => t is not JProperty && t.Parent is not null).ToList());
                nested.Replace(Nest(random, nested.DeepClone()));
                return $"deep nesting at {nested.Path}";
            case 7 when tokens.OfType<JArray>().Where(a => a.Count > 0).ToList() is { Count: > 0 } arrays:
                var array = random.Pick(arrays);
                array.Add(random.Pick(array.Children().ToList()).DeepClone());
                return $"duplicated item in {array.Path}";
            case 8 when tokens.OfType<JProperty>().ToList() is { Count: > 0 } properties:
                var renamed = random.Pick(properties);
                renamed.Replace(new JProperty(renamed.Name + random.Pick(["x", "", "_", "\u0000", "Ạ"]), renamed.Value));
                return $"renamed key {renamed.Path}";
            default:
                var criteria = tree["criteria"] as JArray;
                if (criteria is null || criteria.Count == 0) return "nothing";
                var moved = random.Pick(criteria.Children().ToList());
                moved.Replace(WrapCriterion(moved.DeepClone(), 1 + random.Next(40)));
                return "criterion nested deeper";
        }
    }

    private static List<JValue> Strings(List<JToken> tokens) => tokens.OfType<JValue>().Where(v => v.Type == JTokenType.String).ToList();

    private static List<JValue> Formulas(List<JToken> tokens) =>
        Strings(tokens).Where(v => v.Parent is JProperty p && FormulaKeys.Contains(p.Name)).ToList();

    /// <summary>Deletes, inserts, swaps or duplicates characters, or puts another formula of the file in its place.</summary>
    private static string MutateFormula(Random random, string formula, List<JValue> all)
    {
        var position = random.Next(formula.Length + 1);
        switch (random.Next(6))
        {
            case 0 when formula.Length > 0:
                return formula.Remove(Math.Min(position, formula.Length - 1), 1 + random.Next(Math.Max(1, formula.Length - position)) / 2);
            case 1 when formula.Length > 1:
                var chars = formula.ToCharArray();
                var at = random.Next(chars.Length - 1);
                (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
                return new string(chars);
            case 2 when formula.Length > 0:
                var start = random.Next(formula.Length);
                var piece = formula.Substring(start, 1 + random.Next(formula.Length - start));
                return formula.Insert(position, piece);
            case 3:
                return (string)random.Pick(all).Value!;
            default:
                return formula.Insert(position, random.Pick(FuzzValues.FormulaTokens));
        }
    }

    private static JToken OtherType(Random random, JToken token) => random.Next(8) switch
    {
        0 => new JValue("x"),
        1 => new JValue(random.Next(-2, 3)),
        2 => new JValue(1.5),
        3 => new JValue(true),
        4 => JValue.CreateNull(),
        5 => new JArray(token.DeepClone()),
        6 => new JObject(new JProperty("a", token.DeepClone())),
        _ => token is JContainer ? new JValue("[]") : new JArray(),
    };

    private static JToken Nest(Random random, JToken inner)
    {
        var depth = random.Next(10) == 0 ? 5_000 : 1 + random.Next(80);
        var raw = new StringBuilder();
        var arrays = random.Next(2) == 0;
        for (var i = 0; i < depth; i++) raw.Append(arrays ? "[" : "{\"a\":");
        raw.Append(inner.ToString(Formatting.None));
        for (var i = 0; i < depth; i++) raw.Append(arrays ? ']' : '}');
        return new JRaw(raw.ToString());
    }

    private static JToken WrapCriterion(JToken criterion, int levels)
    {
        for (var level = 0; level < levels; level++)
            criterion = new JObject(new JProperty("code", $"W{level}.{(criterion as JObject)?["code"]}"), new JProperty("title", "Wrapper"),
                new JProperty("max", (criterion as JObject)?["max"] ?? 1), new JProperty("children", new JArray(criterion)));
        return criterion;
    }

    /// <summary>Writes the tree with one property written twice (a JObject cannot hold duplicates).</summary>
    private static string WriteWithDuplicateKey(Random random, JObject tree, List<string> mutations)
    {
        var properties = tree.Descendants().OfType<JProperty>().ToList();
        if (properties.Count == 0) return tree.ToString();
        var twice = random.Pick(properties);
        mutations.Add($"duplicate key {twice.Path}");
        var text = new StringWriter();
        using (var writer = new JsonTextWriter(text) { Formatting = Formatting.Indented })
            Write(writer, tree, twice);
        return text.ToString();
    }

    private static void Write(JsonWriter writer, JToken token, JProperty twice)
    {
        switch (token)
        {
            case JObject o:
                writer.WriteStartObject();
                foreach (var property in o.Properties())
                {
                    for (var n = property == twice ? 2 : 1; n > 0; n--)
                    {
                        writer.WritePropertyName(property.Name);
                        Write(writer, property.Value, twice);
                    }
                }
                writer.WriteEndObject();
                break;
            case JArray a:
                writer.WriteStartArray();
                foreach (var item in a) Write(writer, item, twice);
                writer.WriteEndArray();
                break;
            default:
                token.WriteTo(writer);
                break;
        }
    }

    private static string MutateText(Random random, string text, List<string> mutations)
    {
        switch (random.Next(4))
        {
            case 0:
                mutations.Add("truncated");
                return text[..random.Next(text.Length)];
            case 1:
                mutations.Add("character noise");
                var chars = text.ToCharArray();
                for (var n = 1 + random.Next(5); n > 0; n--) chars[random.Next(chars.Length)] = (char)random.Next(0x20, 0x2FF);
                return new string(chars);
            case 2:
                mutations.Add("junk inserted");
                return random.InsertAtRandom(text, random.Pick([",", "}", "]]]", "/* c */", "// c\n", "\uFEFF", "NaN", "undefined", "'x'", "\"\"", "{}", "\u0000"]));
            default:
                mutations.Add("byte order mark and trailing junk");
                return "\uFEFF" + text + random.Pick(["", "\n", " {}", "\u0000", "x"]);
        }
    }
}
