using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Evaluation;
using ParIndex.RulesEngine.Results.Rounds;

namespace ParIndex.RulesEngine.Results.WhatIf;

/// <summary>
/// Re-scores a batch with some inputs changed and compares the two results: the change in points
/// per criterion, total, percent and rank (group and overall) of every agency, including the
/// agencies whose inputs were not changed but whose points (group aggregates) or ranks moved.
/// </summary>
public static class WhatIfAnalysis
{
    /// <summary>Scores <paramref name="batch"/> as it is and with <paramref name="overrides"/> applied, and compares the two.</summary>
    /// <param name="ruleSet">The rule set the batch was built for.</param>
    /// <param name="batch">The data as read.</param>
    /// <param name="overrides">The changes; applied together.</param>
    /// <param name="scoring">Previous ranks and parallelism for both runs; every criterion's points are kept.</param>
    /// <param name="values">How the changed values are read (culture, thousands); the defaults when null.</param>
    /// <exception cref="InputOverrideException">
    /// A change names no input (PAR0703, with a suggestion), has a value the input does not accept
    /// (PAR0704), names an agency that is not scored (PAR0705), or sets the same input of the same agency twice (PAR0707).
    /// </exception>
    public static WhatIfResult Run(CompiledRuleSet ruleSet, AgencyBatch batch, IReadOnlyList<InputOverride> overrides,
        ScoringOptions? scoring = null, DataReadOptions? values = null)
    {
        ArgumentNullException.ThrowIfNull(ruleSet);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(overrides);
        var options = (scoring ?? new ScoringOptions()) with { Detail = ScoreDetail.Full };
        var checkedOverrides = Check(ruleSet, batch, overrides);
        var changed = Apply(ruleSet, batch, checkedOverrides, values ?? DataReadOptions.Default);
        var before = ruleSet.Score(batch, options);
        var after = ruleSet.Score(changed, options);
        return new WhatIfResult(checkedOverrides, ReportComparison.Compare(before, after));
    }

    /// <summary>Names checked, agency ids normalised as the data readers do; no value is read yet.</summary>
    private static IReadOnlyList<InputOverride> Check(CompiledRuleSet ruleSet, AgencyBatch batch, IReadOnlyList<InputOverride> overrides)
    {
        var inputs = ruleSet.Bound.Inputs.Select(i => i.Name).ToList();
        var ids = batch.AgencyIds.ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<(string Input, string? Agency)>();
        var result = new List<InputOverride>();
        foreach (var change in overrides)
        {
            if (!inputs.Contains(change.Input, StringComparer.Ordinal))
                throw new InputOverrideException(DiagnosticCodes.UnknownOverrideInput, DiagnosticCatalog.UnknownOverrideInput.FormatSituation("Input",
                    [InputChecks.Shorten(change.Input), ruleSet.Definition.Id, NameSuggester.Hint(change.Input, inputs)]));
            var id = change.AgencyId is null ? null : AgencyIdRegistry.Normalize(change.AgencyId) ?? change.AgencyId;
            if (id is not null && !ids.Contains(id))
                throw new InputOverrideException(DiagnosticCodes.OverrideAgencyNotFound, DiagnosticCatalog.OverrideAgencyNotFound.FormatSituation("Agency",
                    [InputChecks.Shorten(id), change.Input, batch.RowErrorLog.Rejected.Any(r => r.AgencyId == id)
                        ? DiagnosticCatalog.OverrideAgencyNotFound.FormatSituation("Rejected", [])
                        : "." + NameSuggester.Hint(id, batch.AgencyIds)]));
            // A value for every agency and another for one of them would leave that agency's value to the order given.
            if (seen.Any(s => s.Input == change.Input && (s.Agency == id || s.Agency is null || id is null)))
                throw new InputOverrideException(DiagnosticCodes.RepeatedOverride, id is null
                    ? DiagnosticCatalog.RepeatedOverride.FormatSituation("Twice", [change.Input])
                    : DiagnosticCatalog.RepeatedOverride.FormatSituation("TwiceForAgency", [change.Input, id]));
            seen.Add((change.Input, id));
            result.Add(change with { AgencyId = id });
        }
        return result;
    }

    /// <summary>
    /// A copy of the batch with the changes, built row by row through <see cref="AgencyBatchBuilder"/>
    /// so that a changed value is read exactly as the same cell in a data file would be.
    /// </summary>
    private static AgencyBatch Apply(CompiledRuleSet ruleSet, AgencyBatch batch, IReadOnlyList<InputOverride> overrides, DataReadOptions values)
    {
        var inputs = ruleSet.Bound.Inputs;
        // Every error of a row must be kept to find the one a change caused (a row has at most one per input, id and name).
        var builder = new AgencyBatchBuilder(ruleSet, values with { MaxRowErrors = Math.Max(values.MaxRowErrors, inputs.Count + 3) }, batch.Source);
        for (var row = 0; row < batch.Count; row++)
        {
            var id = batch.AgencyIds[row];
            var cells = new Dictionary<string, object?>(inputs.Count, StringComparer.Ordinal);
            foreach (var input in inputs) cells[input.Name] = ValueOf(batch, input, row);
            foreach (var change in overrides)
                if (change.AgencyId is null || change.AgencyId == id) cells[change.Input] = change.Value;
            var kept = builder.RowErrors.Count;
            if (builder.Add(id, cells, batch.AgencyNames[row])) continue;
            var errors = builder.RowErrors.Skip(kept).ToList();
            var (culprit, error) = errors
                .Select(e => (Change: overrides.FirstOrDefault(o => o.Input == e.Field && (o.AgencyId is null || o.AgencyId == id)), Error: e))
                .FirstOrDefault(p => p.Change is not null);
            throw culprit is null
                ? new InvalidOperationException($"Agency '{id}' could not be copied for the what-if run: {string.Join("; ", errors.Select(e => e.Message))}")
                : new InputOverrideException(DiagnosticCodes.BadOverrideValue,
                    DiagnosticCatalog.BadOverrideValue.FormatSituation("Value", [culprit.Input, InputChecks.Shorten(culprit.Value), error.Message]));
        }
        return builder.Build();
    }

    /// <summary>The value the data gave an input of one row: a number, bool or text, or null when it was missing.</summary>
    private static object? ValueOf(AgencyBatch batch, BoundInput input, int row)
    {
        if (input.NeedsMissingMask && batch.Missing[input.Index][row]) return null;
        return input.Type switch
        {
            InputType.Number => batch.Numbers[input.Slot][row],
            InputType.Bool => batch.Bools[input.Slot][row],
            _ => batch.Texts[input.Slot][row],
        };
    }
}
