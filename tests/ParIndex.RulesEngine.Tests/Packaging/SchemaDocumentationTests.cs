using Newtonsoft.Json.Linq;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Packaging;

/// <summary>
/// Editors show a schema property's title and description on hover and in completion lists, so
/// every property of schemas/ruleset.schema.json (at any depth, in definitions too) needs both.
/// </summary>
[TestClass]
public sealed class SchemaDocumentationTests
{
    private static JObject Schema() => JObject.Parse(File.ReadAllText(RepositoryPaths.Combine("schemas", "ruleset.schema.json")));

    /// <summary>Every property schema under any "properties" keyword, with its JSON pointer.</summary>
    private static IEnumerable<(string Pointer, JObject Property)> Properties(JToken node, string pointer)
    {
        switch (node)
        {
            case JObject obj:
                foreach (var member in obj.Properties())
                {
                    var childPointer = pointer + "/" + member.Name;
                    if (member.Name == "properties" && member.Value is JObject properties)
                        foreach (var property in properties.Properties())
                            if (property.Value is JObject definition)
                                yield return (childPointer + "/" + property.Name, definition);
                    foreach (var found in Properties(member.Value, childPointer)) yield return found;
                }
                break;
            case JArray array:
                for (var i = 0; i < array.Count; i++)
                    foreach (var found in Properties(array[i], pointer + "/" + i)) yield return found;
                break;
        }
    }

    private static bool HasText(JObject schema, string keyword) =>
        schema[keyword] is JValue { Type: JTokenType.String } value && ((string)value!).Trim().Length > 0;

    [TestMethod]
    public void Walk_finds_the_properties_of_every_level()
    {
        var pointers = Properties(Schema(), "#").Select(p => p.Pointer).ToList();
        // The root, nested objects (agency, ranking) and definitions (criterion, band step …).
        CollectionAssert.Contains(pointers, "#/properties/id");
        CollectionAssert.Contains(pointers, "#/properties/agency/properties/idColumn");
        CollectionAssert.Contains(pointers, "#/definitions/criterion/properties/appliesTo");
        CollectionAssert.Contains(pointers, "#/definitions/bandStep/properties/atLeast");
        Assert.IsGreaterThan(50, pointers.Count, $"only {pointers.Count} properties found");
    }

    [TestMethod]
    public void Every_schema_property_has_a_title_and_a_description()
    {
        var missing = Properties(Schema(), "#")
            .SelectMany(p => new[] { "title", "description" }.Where(k => !HasText(p.Property, k)).Select(k => $"{p.Pointer} ({k})"))
            .ToList();
        Assert.IsEmpty(missing, "schema properties without title or description: " + string.Join(", ", missing));
    }

    [TestMethod]
    public void Every_definition_and_the_root_have_a_title_and_a_description()
    {
        var schema = Schema();
        var nodes = new List<(string, JObject)> { ("#", schema) };
        nodes.AddRange(((JObject)schema["definitions"]!).Properties().Select(d => ("#/definitions/" + d.Name, (JObject)d.Value)));
        var missing = nodes.SelectMany(n => new[] { "title", "description" }.Where(k => !HasText(n.Item2, k)).Select(k => $"{n.Item1} ({k})")).ToList();
        Assert.IsEmpty(missing, string.Join(", ", missing));
    }

    [TestMethod]
    public void Library_embeds_the_same_schema_as_the_file()
    {
        Assert.IsTrue(JToken.DeepEquals(Schema(), JObject.Parse(RuleSetLoader.SchemaJson)),
            "the embedded schema must be schemas/ruleset.schema.json");
    }

    [TestMethod]
    public void Example_rule_files_point_their_schema_property_at_the_schema_file()
    {
        var schemaPath = Path.GetFullPath(RepositoryPaths.Combine("schemas", "ruleset.schema.json"));
        var ruleFiles = Directory.GetFiles(RepositoryPaths.Combine("examples"), "ruleset.json", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .ToList();
        Assert.IsNotEmpty(ruleFiles);
        foreach (var file in ruleFiles)
        {
            var reference = (string?)JObject.Parse(File.ReadAllText(file))["$schema"];
            Assert.IsNotNull(reference, $"{file} has no \"$schema\"");
            Assert.AreEqual(schemaPath, Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, reference)), $"\"$schema\" of {file}");
        }
    }
}
