using System.Globalization;
using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Definition;

namespace ParIndex.RulesEngine.Compilation;

/// <summary>
/// The facts the detail stage records for explanations, beside the points: per criterion and row
/// the reason it does not apply (<see cref="NotApplicableCodes"/>), and per comparing leaf the
/// value it compared (bands: the <c>of</c> value; proportional: the value and the target).
/// Recording never changes what is scored: it copies locals the scoring code computes, and for a
/// leaf that does not apply evaluates its compared formulas into fact locals only (no points, no
/// fault). The totals stage records none of this.
/// </summary>
internal sealed partial class KernelGenerator
{
    /// <summary>Before the loop: the fact columns of one node.</summary>
    private void HoistFacts(BoundNode node)
    {
        var n = node.Index;
        _w.Line($"var __N{n} = __f.NotApplicable[{n}];");
        if (node.ComparedIndex < 0) return;
        _w.Line($"var __V{n} = __f.Compared[{node.ComparedIndex}];");
        if (node.ComparedColumns > 1) _w.Line($"var __T{n} = __f.Compared[{node.ComparedIndex + 1}];");
    }

    /// <summary>
    /// Right after the node's applicability: the first reason, in the order of the applicability
    /// test itself (parent, then missing inputs in name order, then appliesTo). A parent that loses
    /// applicability later (no regular child applies) and the bonus/penalty cascade overwrite it
    /// where they clear the flag.
    /// </summary>
    private void EmitReason(BoundNode node, string parentApplies)
    {
        var n = node.Index;
        var checks = new List<(string Test, short Code)>();
        if (node.Parent >= 0) checks.Add(($"!{parentApplies}", NotApplicableCodes.ParentNotApplicable));
        foreach (var input in node.NotApplicableInputs.Order(StringComparer.Ordinal))
            checks.Add(($"__miss_{input}[__i]", NotApplicableCodes.MissingInput(_inputs[input].Index)));
        if (node.AppliesTo is not null) checks.Add(($"!__c{n}", NotApplicableCodes.ConditionFalse));
        _w.Line($"short __why{n} = {NotApplicableCodes.Applies};");
        for (var i = 0; i < checks.Count; i++)
            // Invariant: some cultures write a negative number with U+2212, which is not C#.
            _w.Line($"{(i == 0 ? "if" : "else if")} ({checks[i].Test}) __why{n} = {checks[i].Code.ToString(CultureInfo.InvariantCulture)};");
    }

    /// <summary>Compared values start as NaN, and stay NaN when neither branch of the leaf computes them.</summary>
    private void DeclareCompared(BoundNode node)
    {
        var n = node.Index;
        _w.Line(node.ComparedColumns > 1
            ? $"double __cv{n} = double.NaN, __ct{n} = double.NaN;"
            : $"double __cv{n} = double.NaN;");
    }

    /// <summary>Inside the leaf's applicable branch, after scoring: copies the locals it compared.</summary>
    private void RecordCompared(BoundNode node)
    {
        var n = node.Index;
        switch (node.Definition.Scoring)
        {
            case BandScoring { Of: not null }:
                _w.Line($"__cv{n} = __o{n};");
                break;
            case ProportionalScoring:
                _w.Line($"__cv{n} = __v{n}; __ct{n} = __t{n};");
                break;
        }
    }

    /// <summary>
    /// A leaf that does not apply scores nothing, but its compared value is still worth showing
    /// ("97.87, not applicable: no 2024 rate to compare with"): the detail stage evaluates the
    /// formulas in an else branch that writes only the fact locals, never points or faults, so
    /// what is scored stays the same. Not when a not-applicable input they read is missing: a
    /// missing bool reads as false and would show a made-up value, so the value stays NaN.
    /// </summary>
    private void EvaluateComparedWhenNotApplicable(BoundNode node)
    {
        var n = node.Index;
        var formulas = node.Definition.Scoring switch
        {
            BandScoring { Of: { } of } => [Analyzed(of)],
            ProportionalScoring p => new[] { Analyzed(p.Value), Analyzed(p.Target) },
            _ => [],
        };
        var masked = formulas.SelectMany(MaskedInputs).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        _w.Open(masked.Count == 0 ? "else" : $"else if ({string.Join(" && ", masked.Select(i => $"!__miss_{i}[__i]"))})");
        _w.FormulaLine($"__cv{n} = ", formulas[0], Rewrite(formulas[0]), ";");
        if (formulas.Length > 1) _w.FormulaLine($"__ct{n} = ", formulas[1], Rewrite(formulas[1]), ";");
        _w.Close();
    }

    /// <summary>Inputs with the not-applicable policy a formula reads, directly or through variables.</summary>
    private IEnumerable<string> MaskedInputs(AnalyzedFormula formula) => formula.Names.SelectMany(name =>
        _inputs.TryGetValue(name, out var input) ? (input.NeedsMissingMask ? [name] : [])
        : _variables.TryGetValue(name, out var variable) ? variable.NotApplicableInputs
        : Enumerable.Empty<string>());

    private void StoreCompared(BoundNode node)
    {
        var n = node.Index;
        _w.Line(node.ComparedColumns > 1
            ? $"__V{n}[__i] = __cv{n}; __T{n}[__i] = __ct{n};"
            : $"__V{n}[__i] = __cv{n};");
    }
}
