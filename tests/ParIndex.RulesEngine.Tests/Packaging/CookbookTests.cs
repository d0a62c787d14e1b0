using System.Globalization;
using System.Text.RegularExpressions;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Packaging;

/// <summary>
/// docs/cookbook.md: every recipe's rule file loads without diagnostics, its data is scored
/// without rejected rows, and every number of its "expect" lines comes out.
/// </summary>
[TestClass]
public sealed class CookbookTests
{
    private sealed record Recipe(string Name, string Json, string Csv, List<string> Expectations);

    private static readonly Lazy<List<Recipe>> Recipes = new(() =>
    {
        var text = File.ReadAllText(RepositoryPaths.Combine("docs", "cookbook.md"));
        var parts = Regex.Split(text, @"<!-- recipe: ").Skip(1);
        return parts.Select(part =>
        {
            var name = part[..part.IndexOf(' ', StringComparison.Ordinal)];
            var json = Regex.Match(part, "```json\\s*(.*?)```", RegexOptions.Singleline);
            var csv = Regex.Match(part, "```csv\\s*(.*?)```", RegexOptions.Singleline);
            Assert.IsTrue(json.Success && csv.Success, $"recipe {name} needs a json and a csv block");
            var expectations = Regex.Matches(part, "<!-- expect: (.*?) -->").Select(m => m.Groups[1].Value).ToList();
            return new Recipe(name, json.Groups[1].Value, csv.Groups[1].Value, expectations);
        }).ToList();
    });

    public static IEnumerable<object[]> RecipeNames() => Recipes.Value.Select(r => new object[] { r.Name });

    [TestMethod]
    public void Cookbook_has_the_nine_shapes()
    {
        CollectionAssert.AreEqual(
            new[] { "proportional", "bands", "yes-no", "count", "not-applicable", "bonus-penalty", "normalised-to-best", "survey-weights", "eligibility" },
            Recipes.Value.Select(r => r.Name).ToArray());
        Assert.IsTrue(Recipes.Value.All(r => r.Expectations.Count > 0), "every recipe has a worked example checked here");
    }

    [TestMethod]
    [DynamicData(nameof(RecipeNames))]
    public void Recipe_scores_as_worked_out_by_hand(string name)
    {
        var recipe = Recipes.Value.Single(r => r.Name == name);
        using var rules = RuleSetLoader.LoadJson(recipe.Json, $"cookbook.md#{name}");
        Assert.IsEmpty(rules.Diagnostics, $"recipe {name} loads with warnings: {string.Join("; ", rules.Diagnostics)}");
        var batch = Data.CsvAgencyReader.Read(rules, new StringReader(recipe.Csv), CultureInfo.InvariantCulture, $"cookbook.md#{name}.csv");
        Assert.IsEmpty(batch.Diagnostics, string.Join("; ", batch.Diagnostics));
        var report = rules.Score(batch);
        Assert.IsEmpty(report.RowErrors, string.Join("; ", report.RowErrors));

        var checkedValues = 0;
        foreach (var line in recipe.Expectations)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var agency = report.Find(words[0]) ?? throw new AssertFailedException($"recipe {name}: agency {words[0]} was not scored");
            foreach (var pair in words.Skip(1))
            {
                var (key, expected) = (pair[..pair.LastIndexOf('=')], pair[(pair.LastIndexOf('=') + 1)..]);
                var where = $"recipe {name}, agency {agency.AgencyId}, {key}";
                switch (key)
                {
                    case "@total": Assert.AreEqual(Number(expected), agency.Total, 1e-9, where); break;
                    case "@max": Assert.AreEqual(Number(expected), agency.MaxPoints, 1e-9, where); break;
                    case "@percent": Assert.AreEqual(Number(expected), agency.Percent, 1e-9, where); break;
                    case "@rank": Assert.AreEqual(int.Parse(expected, CultureInfo.InvariantCulture), agency.Rank, where); break;
                    case var eligibility when eligibility.StartsWith("@eligible:", StringComparison.Ordinal):
                        var outcome = agency.Eligibility.Single(e => e.Id == eligibility["@eligible:".Length..]);
                        Assert.AreEqual(expected == "yes", outcome.IsEligible, $"{where}: failed {string.Join(", ", outcome.FailedConditions)}");
                        break;
                    default:
                        var score = agency[key];
                        if (expected == "n/a") Assert.IsFalse(score.IsApplicable, where);
                        else
                        {
                            Assert.IsTrue(score.IsApplicable, where);
                            Assert.AreEqual(Number(expected), score.Points, 1e-9, where);
                        }
                        break;
                }
                checkedValues++;
            }
        }
        Assert.IsGreaterThan(0, checkedValues);
    }

    [TestMethod]
    public void Recipes_point_their_schema_property_at_the_schema_file()
    {
        var schema = Path.GetFullPath(RepositoryPaths.Combine("schemas", "ruleset.schema.json"));
        foreach (var recipe in Recipes.Value)
        {
            var reference = (string?)Newtonsoft.Json.Linq.JObject.Parse(recipe.Json)["$schema"];
            Assert.AreEqual(schema, Path.GetFullPath(Path.Combine(RepositoryPaths.Combine("docs"), reference ?? "")), recipe.Name);
        }
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
}
