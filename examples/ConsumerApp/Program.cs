// A consumer of the ParIndex.RulesEngine packages: load a rule file, score a CSV, print the ranking,
// and render the HTML report with ParIndex.RulesEngine.Reporting.
//
//   dotnet run --project examples/ConsumerApp -- [rules.json] [data.csv]
//
// Without arguments it scores the bundled example, examples/par-index-province-2019, found by
// walking up from the current folder. It also checks that the package delivered the rule-file
// schema next to the program (schemas/ruleset.schema.json), for editors and "$schema".
using System.Reflection;
using ParIndex.RulesEngine;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Results.Report;

var rulesPath = args.Length > 0 ? args[0] : FindUp(Path.Combine("examples", "par-index-province-2019", "ruleset.json"));
var dataPath = args.Length > 1 ? args[1] : Path.Combine(Path.GetDirectoryName(rulesPath)!, "kontum-2018.csv");

var library = typeof(RuleSetLoader).Assembly;
Console.WriteLine($"ParIndex.RulesEngine {library.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion} from {library.Location}");

var schemaCopy = Path.Combine(AppContext.BaseDirectory, "schemas", "ruleset.schema.json");
if (!File.Exists(schemaCopy) || File.ReadAllText(schemaCopy).Trim() != RuleSetLoader.SchemaJson.Trim())
{
    Console.Error.WriteLine($"error: the package did not deliver the rule-file schema to {schemaCopy}");
    return 1;
}
Console.WriteLine($"Schema for \"$schema\": {schemaCopy}");

try
{
    using var rules = RuleSetLoader.LoadFile(rulesPath);
    var batch = CsvAgencyReader.ReadFile(rules, dataPath);
    var report = rules.Score(batch);

    Console.WriteLine();
    Console.WriteLine($"{rules.Definition.Title} ({rules.Definition.Version})");
    foreach (var agency in report.Ranking())
        Console.WriteLine($"{agency.OverallRank,3}. {agency.AgencyId,-8} {agency.Name,-30} {agency.Total,7:0.00} / {agency.MaxPoints:0.##}  {agency.Percent,6:0.00}%  {agency.Classification}");
    foreach (var error in report.RowErrors)
        Console.Error.WriteLine(error);

    // The reports are a package of their own: a scoring service needs only the engine.
    var html = HtmlReportWriter.Render(report);
    Console.WriteLine($"HTML report from ParIndex.RulesEngine.Reporting: {html.Length} characters, {(html.Contains(report.Agencies[0].Name, StringComparison.Ordinal) ? "naming" : "NOT naming")} {report.Agencies[0].Name}");

    if (report.Agencies.Count == 0)
    {
        Console.Error.WriteLine("error: no agency was scored");
        return 3;
    }
    return report.RowErrors.Count == 0 ? 0 : 4;
}
catch (RuleSetException ex)
{
    foreach (var diagnostic in ex.Diagnostics) Console.Error.WriteLine(diagnostic);
    return 1;
}

static string FindUp(string relative)
{
    for (var directory = new DirectoryInfo(Environment.CurrentDirectory); directory is not null; directory = directory.Parent)
    {
        var candidate = Path.Combine(directory.FullName, relative);
        if (File.Exists(candidate)) return candidate;
    }
    throw new FileNotFoundException($"{relative} not found above {Environment.CurrentDirectory}; pass the rule file and the data file as arguments.");
}
