using Microsoft.Extensions.Options;

namespace ParIndex.RulesEngine.Hosting;

/// <summary>
/// Checks the options before anything is loaded, so a typo in configuration stops the start with
/// one message per mistake instead of a service that answers every request with an error.
/// </summary>
internal sealed class ParIndexRulesOptionsValidator(RuleSetPaths paths) : IValidateOptions<ParIndexRulesOptions>
{
    public ValidateOptionsResult Validate(string? name, ParIndexRulesOptions options)
    {
        var failures = new List<string>();
        foreach (var (ruleSet, file) in options.RuleSets)
        {
            if (string.IsNullOrWhiteSpace(ruleSet)) failures.Add("ParIndex:RuleSets: a rule set has an empty name.");
            if (string.IsNullOrWhiteSpace(file)) failures.Add($"ParIndex:RuleSets:{ruleSet}: no rule file given.");
            else if (!File.Exists(paths.Resolve(file))) failures.Add($"ParIndex:RuleSets:{ruleSet}: the rule file {paths.Resolve(file)} does not exist.");
        }
        for (var i = 0; i < options.Folders.Count; i++)
        {
            var folder = options.Folders[i];
            if (string.IsNullOrWhiteSpace(folder)) failures.Add($"ParIndex:Folders:{i}: no folder given.");
            else if (!Directory.Exists(paths.Resolve(folder))) failures.Add($"ParIndex:Folders:{i}: the folder {paths.Resolve(folder)} does not exist.");
        }
        if (failures.Count == 0)
            failures.AddRange(RuleSetSources.Duplicates(paths.List(options)).Select(n => $"ParIndex: the rule set name '{n}' is given twice (RuleSets or a file in Folders)."));
        if (failures.Count == 0 && paths.List(options).Count == 0)
            failures.Add("ParIndex: no rule set configured (RuleSets is empty and Folders hold no *.json file).");
        if (options.ReloadDelay < TimeSpan.Zero) failures.Add($"ParIndex:ReloadDelay: {options.ReloadDelay} is negative.");
        if (options.MaxDegreeOfParallelism < 1) failures.Add($"ParIndex:MaxDegreeOfParallelism: {options.MaxDegreeOfParallelism} is less than 1.");
        if (options.MaxRowErrors < 0) failures.Add($"ParIndex:MaxRowErrors: {options.MaxRowErrors} is negative.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
