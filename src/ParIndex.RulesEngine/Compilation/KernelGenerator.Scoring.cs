using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Definition;

namespace ParIndex.RulesEngine.Compilation;

internal sealed partial class KernelGenerator
{
    /// <summary>
    /// Stage 1: variables that use group aggregates, then the criteria tree, then total,
    /// applicable max and percent. Emitted twice: "ComputeScores" stores every criterion's points
    /// (for explanations and reports); "ComputeTotals" stores only the areas, the totals and the
    /// criteria eligibility rules look up, for large batches and streaming.
    /// The stage is split into one method per area (plus one for the variables and one for the
    /// total), each looping over the rows: a single method for a whole scheme grows past the
    /// size the JIT optimises (it falls back to unoptimised code), while per-area methods stay
    /// small and keep their values in registers.
    /// </summary>
    private void EmitScoringStage(bool storeDetail)
    {
        _storeDetail = storeDetail;
        var prefix = storeDetail ? "Scores" : "Totals";
        var tops = _rules.Nodes.Where(n => n.Parent < 0).ToList();
        OpenStage(storeDetail ? "ComputeScores" : "ComputeTotals");
        _w.Line($"{prefix}Variables(__f, __start, __end);");
        foreach (var top in tops) _w.Line($"{prefix}Area{top.Index}(__f, __start, __end);");
        _w.Line($"{prefix}Total(__f, __start, __end);");
        _w.Close();
        EmitStageVariables(prefix);
        foreach (var top in tops) EmitArea(prefix, top);
        EmitTotalMethod(prefix, tops);
    }

    private void OpenPart(string name) =>
        _w.Open($"private static void {name}({Frame} __f, int __start, int __end)");

    /// <summary>Variables that need group aggregates; also clears the row's fault before the areas run.</summary>
    private void EmitStageVariables(string prefix)
    {
        OpenPart($"{prefix}Variables");
        var stageVariables = _rules.Variables.Where(v => v.Stage == 1).ToList();
        var computed = stageVariables.Select(v => v.Name).ToHashSet();
        var formulas = stageVariables.Select(v => v.Formula).ToList();
        var reads = NamesRead(formulas);
        var aggregates = formulas.Any(f => f.Aggregates.Count > 0);
        HoistReads(reads, computed, aggregates);
        foreach (var variable in stageVariables) _w.Line($"var {VariableColumn(variable)} = {VariableArray(variable)};");
        _w.Line("var __faults = __f.Faults;");
        OpenLoop();
        LoadReads(reads, computed, aggregates);
        foreach (var variable in stageVariables) EmitVariableIntoColumn(variable);
        _w.Line("__faults[__i] = 0;");
        _w.Close();
        _w.Close();
    }

    /// <summary>
    /// One area (top-level criterion) and its subtree. The detail stage reads every variable from
    /// its column; the totals stage computes the variables that need no group aggregate itself
    /// (<see cref="InlinedVariables"/>) and reads only the others.
    /// </summary>
    private void EmitArea(string prefix, BoundNode top)
    {
        OpenPart($"{prefix}Area{top.Index}");
        var subtree = Subtree(top).ToList();
        var formulas = subtree.SelectMany(NodeFormulas).ToList();
        var inlined = InlinedVariables(NamesRead(formulas));
        var computed = inlined.Select(v => v.Name).ToHashSet();
        var reads = NamesRead(formulas.Concat(inlined.Select(v => v.Formula)));
        var aggregates = formulas.Any(f => f.Aggregates.Count > 0);
        HoistReads(reads, computed, aggregates);
        foreach (var masked in subtree.SelectMany(n => n.NotApplicableInputs).Distinct().Order(StringComparer.Ordinal))
            _w.Line($"var __miss_{masked} = __f.Missing[{_inputs[masked].Index}];");
        foreach (var node in subtree.Where(StoresPoints))
            _w.Line($"var __P{node.Index} = __f.Points[{node.Index}]; var __X{node.Index} = __f.MaxPoints[{node.Index}];");
        _w.Line($"var __Q{top.Index} = __f.PointCounts[{top.Index}]; var __M{top.Index} = __f.MaxCounts[{top.Index}];");
        foreach (var node in subtree.Where(_ => _storeDetail))
        {
            if (node.LeafIndex >= 0) _w.Line($"var __R{node.Index} = __f.Raw[{node.LeafIndex}];");
            if (node.BandIndex >= 0) _w.Line($"var __B{node.Index} = __f.Bands[{node.BandIndex}];");
            HoistFacts(node);
        }
        var faultingLeaves = subtree.Where(n => n.IsLeaf && CanGiveNoNumber(n)).ToList();
        if (faultingLeaves.Count > 0) _w.Line("var __faults = __f.Faults;");
        OpenLoop();
        LoadReads(reads, computed, aggregates);
        foreach (var variable in inlined) EmitVariableLocal(variable);
        EmitNode(top, "true");
        EmitCascadeAndStores(subtree);
        EmitFaults(faultingLeaves);
        _w.Close();
        _w.Close();
    }

    /// <summary>
    /// The variables an area of the totals stage computes where it reads them: the stage-0
    /// variables among <paramref name="reads"/> and those they depend on. Recomputing a ratio
    /// in each area that reads it is cheaper than a column written and read back, and the value
    /// is the same to the bit (the same expression over the same inputs). The detail stage keeps
    /// the columns: explanations show them.
    /// </summary>
    private List<BoundVariable> InlinedVariables(IEnumerable<string> reads) =>
        _storeDetail ? [] : _rules.StageZeroClosure(reads);

    /// <summary>The total over the areas' stored counts (fixed point, as inside an area).</summary>
    private void EmitTotalMethod(string prefix, IReadOnlyList<BoundNode> tops)
    {
        OpenPart($"{prefix}Total");
        foreach (var top in tops)
            _w.Line($"var __Q{top.Index} = __f.PointCounts[{top.Index}]; var __M{top.Index} = __f.MaxCounts[{top.Index}];");
        _w.Line("var __total = __f.Total; var __max = __f.Max; var __percent = __f.Percent; var __faults = __f.Faults;");
        OpenLoop();
        foreach (var top in tops)
        {
            var t = top.Index;
            _w.Line($"long __q{t} = __Q{t}[__i], __m{t} = __M{t}[__i]; bool __a{t} = __m{t} >= 0L; if (!__a{t}) __m{t} = 0L;");
        }
        _w.Line("int __fault = __faults[__i];");
        EmitTotal();
        _w.Line("__faults[__i] = __fault;");
        _w.Close();
        _w.Close();
    }

    private IEnumerable<BoundNode> Subtree(BoundNode node) =>
        node.Children.SelectMany(c => Subtree(_rules.Nodes[c])).Prepend(node);

    private IEnumerable<AnalyzedFormula> NodeFormulas(BoundNode node)
    {
        if (node.AppliesTo is not null) yield return node.AppliesTo;
        var scoring = node.Definition.Scoring;
        IEnumerable<Formula?> own = scoring switch
        {
            FormulaScoring f => [f.Expression],
            YesNoScoring y => [y.Condition],
            ProportionalScoring p => [p.Value, p.Target],
            CountScoring c => [c.Value],
            BandScoring b => b.Steps.Select(s => s.When).Prepend(b.Of),
            _ => [],
        };
        foreach (var formula in own)
            if (formula is not null) yield return _rules.Analyzed(formula);
    }

    private void EmitNode(BoundNode node, string parentApplies)
    {
        var n = node.Index;
        _w.Line($"// {Sanitize(node.Code)} {Sanitize(node.Definition.Title)}");
        var conditions = new List<string> { parentApplies };
        conditions.AddRange(node.NotApplicableInputs.Order(StringComparer.Ordinal).Select(i => $"!__miss_{i}[__i]"));
        if (node.AppliesTo is not null)
        {
            // A local of its own, so a formula of the wrong type is reported at the formula.
            _w.FormulaLine($"bool __c{n} = ", node.AppliesTo, Rewrite(node.AppliesTo), ";");
            conditions.Add($"__c{n}");
        }
        _w.Line($"bool __a{n} = {string.Join(" && ", conditions)};");
        if (_storeDetail) EmitReason(node, parentApplies);
        // Fixed point: points and applicable max as counts of 10^-precision; 0 when it does not apply.
        _w.Line($"long __q{n} = 0L, __m{n} = 0L;");
        if (node.IsLeaf) EmitLeaf(node);
        else EmitParent(node);
    }

    /// <summary>
    /// After the whole tree: a parent that lost applicability because none of its regular
    /// children applies takes its bonus and penalty children (and their subtrees) with it; then
    /// every node's points and applicable max are stored (and, in the detail stage, its reason).
    /// </summary>
    private void EmitCascadeAndStores(IReadOnlyList<BoundNode> nodes)
    {
        foreach (var node in nodes.Where(n => n.Parent >= 0 && UnderNonRegular(n)))
        {
            var n = node.Index;
            var reason = _storeDetail ? $" __why{n} = {NotApplicableCodes.BonusOrPenaltyParentNotApplicable};" : "";
            _w.Line($"if (!__a{node.Parent} && __a{n}) {{ __a{n} = false; __q{n} = 0L; __m{n} = 0L;{reason} }}");
        }
        // The edge: counts become the doubles the frame holds (count ÷ 10^precision, the value
        // the rounding of points has always returned; see FixedPointArgument).
        foreach (var node in nodes.Where(StoresPoints))
        {
            var n = node.Index;
            _w.Line($"__P{n}[__i] = __q{n} / {_scale}; __X{n}[__i] = __a{n} ? __m{n} / {_scale} : double.NaN;");
        }
        var top = nodes[0];
        _w.Line($"__Q{top.Index}[__i] = __q{top.Index}; __M{top.Index}[__i] = __a{top.Index} ? __m{top.Index} : -1L;");
        if (!_storeDetail) return;
        foreach (var node in nodes) _w.Line($"__N{node.Index}[__i] = __why{node.Index};");
    }

    /// <summary>
    /// A leaf that gave no number faults the row only if it still applies once the cascade has
    /// run: a bonus under a parent that lost applicability is left out, so its formula's NaN must
    /// not reject the agency. The first such leaf in tree order is the one named (1 + its index).
    /// All of it sits behind one test of the area's flags: faults are rare, and a chain of tests
    /// per row is not.
    /// </summary>
    private void EmitFaults(IReadOnlyList<BoundNode> leaves)
    {
        if (leaves.Count == 0) return;
        // Non-short-circuit | on bools: one combined test the JIT need not branch through.
        _w.Open($"if ({string.Join(" | ", leaves.Select(l => $"__bad{l.Index}"))})");
        _w.Line("int __fault = 0;");
        foreach (var leaf in leaves)
            _w.Line($"if (__fault == 0 && __bad{leaf.Index} && __a{leaf.Index}) __fault = {leaf.Index + 1};");
        // The first fault in tree order wins, as areas run in order.
        _w.Line("if (__fault != 0 && __faults[__i] == 0) __faults[__i] = __fault;");
        _w.Close();
    }

    /// <summary>True for a bonus or penalty node, or any node below one.</summary>
    private bool UnderNonRegular(BoundNode node)
    {
        for (var current = node; ; current = _rules.Nodes[current.Parent])
        {
            if (current.Kind != CriterionKind.Regular) return true;
            if (current.Parent < 0) return false;
        }
    }

    /// <summary>
    /// Whether the stage being emitted stores this node's points and applicable max as doubles:
    /// with detail every node, without it only those an eligibility rule reads (the total is summed
    /// from the areas' counts, which are always stored).
    /// </summary>
    private bool StoresPoints(BoundNode node) => _storeDetail || _rules.LookedUpNodes.Contains(node.Index);

    private void EmitLeaf(BoundNode node)
    {
        var n = node.Index;
        var max = SourceWriter.Literal(node.Max);
        var canFault = CanGiveNoNumber(node);
        _w.Line(canFault ? $"double __r{n} = 0d; bool __bad{n} = false;" : $"double __r{n} = 0d;");
        if (node.BandIndex >= 0) _w.Line($"int __b{n} = -1;");
        var facts = _storeDetail && node.ComparedIndex >= 0;
        if (facts) DeclareCompared(node);
        _w.Open($"if (__a{n})");
        switch (node.Definition.Scoring)
        {
            case FormulaScoring f:
                _w.FormulaLine($"__r{n} = ", Analyzed(f.Expression), Rewrite(Analyzed(f.Expression)), ";");
                break;
            case YesNoScoring y:
                _w.FormulaLine($"bool __y{n} = ", Analyzed(y.Condition), Rewrite(Analyzed(y.Condition)), ";");
                _w.Line($"__r{n} = __y{n} ? {max} : 0d;");
                _w.Line($"__q{n} = {Functions}.CountIf(__y{n}, {FoldedCount(node.Max, node.Max)});");
                break;
            case CountScoring c:
                _w.FormulaLine($"__r{n} = ", Analyzed(c.Value), Rewrite(Analyzed(c.Value)), $" * {SourceWriter.Literal(c.PointsPerItem)};");
                break;
            case ProportionalScoring p:
                _w.FormulaLine($"double __v{n} = ", Analyzed(p.Value), Rewrite(Analyzed(p.Value)), ";");
                _w.FormulaLine($"double __t{n} = ", Analyzed(p.Target), Rewrite(Analyzed(p.Target)), ";");
                _w.Line($"__r{n} = {Functions}.ProportionalPoints(__v{n}, __t{n}, {max}, {(p.LowerIsBetter ? "true" : "false")});");
                break;
            case BandScoring b:
                EmitBands(node, b);
                break;
        }
        if (facts) RecordCompared(node);
        if (canFault) _w.Line($"if (!double.IsFinite(__r{n})) {{ __bad{n} = true; __r{n} = 0d; }}");
        // Yes/no and band leaves set their count with their literal points (FoldedCount); the
        // others round what their formula computed.
        _w.Line(canFault
            ? $"__q{n} = {Functions}.PointCount(__r{n}, {max}, {_scale}); __m{n} = {Count(node.Max)};"
            : $"__m{n} = {Count(node.Max)};");
        _w.Close();
        if (facts) EvaluateComparedWhenNotApplicable(node);
        if (!_storeDetail) return;
        _w.Line($"__R{n}[__i] = __r{n};");
        if (node.BandIndex >= 0) _w.Line($"__B{n}[__i] = __b{n};");
        if (facts) StoreCompared(node);
    }

    /// <summary>
    /// Whether a leaf's raw points can be something other than a finite number, so that the row
    /// faults: yes/no and band leaves only ever assign their literal points (or 0), so they cannot,
    /// and get no check; formula, count and proportional leaves compute theirs.
    /// </summary>
    private static bool CanGiveNoNumber(BoundNode leaf) => leaf.Definition.Scoring is not (YesNoScoring or BandScoring);

    private void EmitBands(BoundNode node, BandScoring bands)
    {
        var n = node.Index;
        if (bands.Of is not null)
        {
            // No fault check: NaN (a missing value under "allow") matches no step and scores 0,
            // ±∞ compares as a number (+∞ matches atLeast steps, −∞ matches below steps).
            _w.FormulaLine($"double __o{n} = ", Analyzed(bands.Of), Rewrite(Analyzed(bands.Of)), ";");
        }
        if (!_storeDetail && bands.Of is not null && AreDisjointRanges(bands.Steps))
        {
            EmitDisjointBandCount(node, bands);
            return;
        }
        for (var s = 0; s < bands.Steps.Count; s++)
        {
            var step = bands.Steps[s];
            // Flat ifs guarded by "no step matched yet" rather than an else-if chain: the same
            // first-match semantics, but Roslyn binds and analyses a chain of thousands of nested
            // else-ifs in time that grows faster than the number of steps.
            var keyword = s == 0 ? "if " : $"if (__b{n} < 0) if ";
            var assign = $" {{ __b{n} = {s}; __r{n} = {SourceWriter.Literal(step.Points)}; __q{n} = {FoldedCount(step.Points, node.Max)}; }}";
            if (step.When is { } when)
            {
                _w.FormulaLine(keyword, Analyzed(when), Rewrite(Analyzed(when)), assign);
                continue;
            }
            var tests = new List<string>();
            if (step.AtLeast is { } low) tests.Add($"{Functions}.AtLeast(__o{n}, {SourceWriter.Literal(low)})");
            if (step.Below is { } high) tests.Add($"{Functions}.Below(__o{n}, {SourceWriter.Literal(high)})");
            _w.Line($"{keyword}({string.Join(" && ", tests)}){assign}");
        }
    }

    /// <summary>
    /// Totals only, range steps of which a value can match at most one: then "the first step that
    /// matches" is "the step that matches", and the count is the sum over the steps of "matches ?
    /// its count : 0", with no branch on the value (each term a compare, a set and a mask).
    /// On data a branch predictor cannot learn, an if-chain cost a misprediction per leaf and row.
    /// </summary>
    private void EmitDisjointBandCount(BoundNode node, BandScoring bands)
    {
        var n = node.Index;
        var terms = new List<string>();
        foreach (var step in bands.Steps)
        {
            var count = FoldedCount(step.Points, node.Max);
            if (count == "0L") continue;
            var tests = new List<string>();
            if (step.AtLeast is { } low) tests.Add($"{Functions}.AtLeast(__o{n}, {SourceWriter.Literal(low)})");
            if (step.Below is { } high) tests.Add($"{Functions}.Below(__o{n}, {SourceWriter.Literal(high)})");
            // '&', not '&&': both compares are evaluated, so there is no branch between them either.
            terms.Add($"{Functions}.CountIf({string.Join(" & ", tests)}, {count})");
        }
        _w.Line(terms.Count == 0 ? $"__q{n} = 0L;" : $"__q{n} = {string.Join(" + ", terms)};");
    }

    /// <summary>
    /// True when every step is a range (atLeast and/or below, no when) and no value matches two of
    /// them. A step matches x when x ≥ L and x &lt; H, with L = atLeast − 1e-9·|atLeast| (−∞
    /// without atLeast) and H = below − 1e-9·|below| (+∞ without below), the kernel's own edges
    /// (<see cref="FormulaFunctions.AtLeast"/>, <see cref="FormulaFunctions.Below"/>) worked out
    /// with the same arithmetic; two such ranges share no value when one ends where the other
    /// begins or before. NaN matches no step either way; ±∞ only steps open on that side.
    /// </summary>
    internal static bool AreDisjointRanges(IReadOnlyList<BandStep> steps)
    {
        var ranges = new List<(double Low, double High)>(steps.Count);
        foreach (var step in steps)
        {
            if (step.When is not null || step.AtLeast is null && step.Below is null) return false;
            var low = step.AtLeast is { } lo ? lo - FormulaFunctions.EdgeTolerance * Math.Abs(lo) : double.NegativeInfinity;
            var high = step.Below is { } hi ? hi - FormulaFunctions.EdgeTolerance * Math.Abs(hi) : double.PositiveInfinity;
            ranges.Add((low, high));
        }
        for (var a = 0; a < ranges.Count; a++)
            for (var b = a + 1; b < ranges.Count; b++)
                if (!(ranges[a].High <= ranges[b].Low || ranges[b].High <= ranges[a].Low)) return false;
        return true;
    }

    /// <summary>
    /// A parent sums its regular and bonus children and subtracts penalties, capped at its
    /// applicable max: its own max when every regular child applies, else the smaller of its max
    /// and the applicable children's maxima. It does not apply when no regular child applies.
    /// </summary>
    private void EmitParent(BoundNode node)
    {
        var n = node.Index;
        foreach (var child in node.Children) EmitNode(_rules.Nodes[child], $"__a{n}");
        EmitSum($"__a{n}", node.Children.Select(c => _rules.Nodes[c]).ToList(), node.Max, $"__q{n}", $"__m{n}", _storeDetail ? $"__why{n}" : null);
    }

    private void EmitTotal()
    {
        var tops = _rules.Nodes.Where(n => n.Parent < 0).ToList();
        var rootMax = tops.Where(t => t.Kind == CriterionKind.Regular).Sum(t => t.Max);
        _w.Line("// Total");
        _w.Line("bool __aRoot = true; long __qRoot = 0L, __mRoot = 0L;");
        EmitSum("__aRoot", tops, rootMax, "__qRoot", "__mRoot");
        _w.Line("if (!__aRoot && __fault == 0) __fault = -1;");
        _w.Line($"double __pRoot = __qRoot / {_scale}, __xTotal = __mRoot / {_scale};");
        _w.Line($"__total[__i] = __pRoot; __max[__i] = __xTotal;");
        _w.Line($"__percent[__i] = __xTotal > 0d ? {Functions}.Round(100d * __pRoot / __xTotal, {_precision}) : 0d;");
    }

    /// <summary>
    /// A parent's sum in fixed point: children's counts added (penalties subtracted), the
    /// applicable max the sum of the applicable regular children's max counts (0 for those that do
    /// not apply), capped with an integer Min; the floor at 0 only when a penalty can go below it.
    /// Nothing is rounded again: integers are exact.
    /// </summary>
    private void EmitSum(string applies, IReadOnlyList<BoundNode> children, double max, string points, string applicableMax, string? reason = null)
    {
        var regular = children.Where(c => c.Kind == CriterionKind.Regular).ToList();
        var sumTerms = children.Select(c => (c.Kind == CriterionKind.Penalty ? "- " : "+ ") + $"__q{c.Index}");
        var maxTerms = regular.Select(c => $"__m{c.Index}");
        var any = regular.Select(c => $"__a{c.Index}");
        // "All apply" means each regular child keeps its full declared max: a child whose own
        // max shrank (a grandchild that does not apply) lowers this parent's max too. A child that
        // does not apply has count 0, so only a max of 0 needs its applicability tested.
        var all = regular.Select(c => c.Max > 0 ? $"__m{c.Index} == {Count(c.Max)}" : $"__a{c.Index}");
        var cap = Count(max);
        var capped = $"{Functions}.MinCount(__sum, {applicableMax})";
        if (children.Any(c => c.Kind == CriterionKind.Penalty)) capped = $"{Functions}.NonNegativeCount({capped})";
        _w.Open($"if ({applies})");
        _w.Line($"bool __any = {string.Join(" || ", any)};");
        _w.Line($"bool __all = {string.Join(" && ", all)};");
        _w.Line($"long __sum = 0L {string.Join(" ", sumTerms)};");
        _w.Line($"long __maxSum = {string.Join(" + ", maxTerms)};");
        _w.Line(reason is null
            ? $"if (!__any) {applies} = false;"
            : $"if (!__any) {{ {applies} = false; {reason} = {NotApplicableCodes.NoRegularChildApplies}; }}");
        _w.Line($"else {{ {applicableMax} = __all ? {cap} : {Functions}.MinCount({cap}, __maxSum); {points} = {capped}; }}");
        _w.Close();
    }

    // FixedPointArgument: why the counts give the same doubles as rounding every node did.
    // Scale s = 10^precision (precision 0..6, so s is exact). A leaf: PointCount computes the same
    // floor(c·s + 0.5 + 1e-9·c·s) that Round(c, precision) computed on the same clamped double c
    // (half away from zero; c ≥ 0), and count ÷ s is exactly what Round returned (its last step),
    // +0 for 0. A parent: before, the children's doubles q_k ÷ s were added in floating point and
    // the sum rounded again; that sum is the integer Q = Σ±q_k up to a few ulps, and Round maps it
    // back to Q as long as the ulps plus the 1e-9·Q tolerance stay below half a count, i.e. for
    // |Q| below about 4.9e8 counts (4.9 million points at precision 2). Beyond that the old double
    // rounding drifted up by a count; the integers stay exact. Clamping at the applicable max and
    // at 0 commutes with that rounding because both bounds are on the grid (binding checks maxima).
    // The applicable max is a sum of grid counts too: exact here, within ulps before.

    /// <summary>
    /// The count of literal points (a band step's, a yes/no leaf's max), worked out here by the
    /// kernel's own <see cref="FormulaFunctions.PointCount"/>: the same double arithmetic on the same
    /// operands gives the same count the kernel would compute at run time, for every row, so the
    /// kernel is spared the rounding of a value it could only ever get one of.
    /// </summary>
    private string FoldedCount(double points, double max) =>
        FormulaFunctions.PointCount(points, max, _scaleValue).ToString(System.Globalization.CultureInfo.InvariantCulture) + "L";

    /// <summary>A declared max (on the precision grid, checked by binding) as a C# count literal.</summary>
    private string Count(double max) => ((long)Math.Round(max * _scaleValue)).ToString(System.Globalization.CultureInfo.InvariantCulture) + "L";

    private AnalyzedFormula Analyzed(Formula formula) => _rules.Analyzed(formula);

    /// <summary>
    /// Rule text goes into '//' comments; keep it on one line. C# also ends a line at U+0085,
    /// U+2028 and U+2029, so every control or line-separator character becomes a space (else the
    /// rest of a title would be compiled as code).
    /// </summary>
    internal static string Sanitize(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
                span[i] = char.IsControl(source[i]) || source[i] is '\u2028' or '\u2029' ? ' ' : source[i];
        }).Replace("*/", "* /", StringComparison.Ordinal);
}
