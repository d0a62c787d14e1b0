using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Definition;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Caching;

/// <summary>What a cache hit restores besides the kernel image: the bound rule set, the load's diagnostics and the generated source.</summary>
/// <param name="Bound">The bound rule set (formulas without their syntax trees: only code generation reads those).</param>
/// <param name="Diagnostics">The warnings and infos of the load that wrote the entry.</param>
/// <param name="GeneratedSource">The C# the kernel was compiled from, for <see cref="CompiledRuleSet.GeneratedSource"/>.</param>
internal sealed record CachedRuleSet(BoundRuleSet Bound, IReadOnlyList<Diagnostic> Diagnostics, string GeneratedSource);

/// <summary>
/// The compact binary form of everything scoring, explaining and reporting read from a loaded
/// rule set, so a cache hit needs neither the JSON parser, the schema validator nor Roslyn.
/// Every object is written once and referred to by number after, so the sharing binding
/// creates (a node's definition is the tree's, a variable's formula is the dictionary's) is
/// kept. The format's version is the cache entry's magic (<see cref="Compilation.KernelCache"/>).
/// </summary>
internal static partial class CachedModel
{
    public static byte[] Write(BoundRuleSet bound, IReadOnlyList<Diagnostic> diagnostics, string generatedSource)
    {
        using var stream = new MemoryStream();
        var w = new ModelWriter(stream);
        Write(w, bound.Definition);
        w.List(bound.Inputs, i => Write(w, i));
        w.List(bound.Variables, v => w.Shared(v, v =>
        {
            Write(w, v.Definition);
            Write(w, v.Formula);
            w.Int(v.Slot);
            w.Int(v.Stage);
            w.Set(v.NotApplicableInputs);
        }));
        w.List(bound.Nodes, n => Write(w, n));
        w.List(bound.Aggregates, a => w.Shared(a, a =>
        {
            w.Int(a.Index);
            w.Int((int)a.Kind);
            w.String(a.Name);
            w.Bool(a.FromInput);
            w.Int(a.Slot);
        }));
        w.List(bound.Eligibility, e => w.Shared(e, e =>
        {
            Write(w, e.Definition);
            w.List(e.Conditions, c => Write(w, c));
            w.Int(e.FirstConditionIndex);
        }));
        w.Int(bound.Formulas.Count);
        foreach (var (formula, analyzed) in bound.Formulas)
        {
            Write(w, formula);
            Write(w, analyzed);
        }
        w.List(bound.Classification, c => Write(w, c));
        Write(w, bound.GroupBy);
        w.List(diagnostics, d => w.Shared(d, d =>
        {
            w.Int((int)d.Severity);
            w.String(d.Code);
            w.String(d.Message);
            w.Location(d.Location);
        }));
        w.String(generatedSource);
        w.Flush();
        return stream.ToArray();
    }

    /// <summary>Reads a model; throws <see cref="InvalidDataException"/> (or <see cref="EndOfStreamException"/>) for bytes it did not write.</summary>
    public static CachedRuleSet Read(ReadOnlyMemory<byte> data)
    {
        using var stream = new MemoryStream(data.ToArray(), writable: false);
        var r = new ModelReader(stream);
        var definition = ReadDefinition(r);
        var inputs = r.List(() => ReadBoundInput(r));
        var variables = r.List(() => r.Required(() => new BoundVariable(ReadVariable(r), ReadAnalyzed(r), r.Int(), r.Int(), r.Set())));
        var nodes = r.List(() => ReadNode(r));
        var aggregates = r.List(() => r.Required(() => new BoundAggregate(r.Int(), Enum<AggregateKind>(r), r.RequiredString(), r.Bool(), r.Int())));
        var eligibility = r.List(() => r.Required(() => new BoundEligibility(ReadEligibilityRule(r), r.List(() => ReadAnalyzed(r)), r.Int())));
        var formulaCount = r.Count();
        var formulas = new Dictionary<Formula, AnalyzedFormula>(formulaCount, ReferenceEqualityComparer.Instance);
        for (var i = 0; i < formulaCount; i++) formulas.Add(ReadRequiredFormula(r), ReadAnalyzed(r));
        var classification = r.List(() => ReadBand(r));
        var groupBy = r.Shared(() => NewBoundInput(r));
        var diagnostics = r.List(() => r.Required(() => new Diagnostic(Enum<DiagnosticSeverity>(r), r.RequiredString(), r.RequiredString(), r.RequiredLocation())));
        var source = r.RequiredString();
        if (!r.AtEnd) throw new InvalidDataException("bytes follow the model");
        var bound = new BoundRuleSet
        {
            Definition = definition,
            Inputs = inputs,
            Variables = variables,
            Nodes = nodes,
            Aggregates = aggregates,
            Eligibility = eligibility,
            Formulas = formulas,
            Classification = classification,
            GroupBy = groupBy,
        };
        return new CachedRuleSet(bound, diagnostics, source);
    }

    private static void Write(ModelWriter w, BoundInput? input) => w.Shared(input, i =>
    {
        Write(w, i.Definition);
        w.Int(i.Slot);
        w.Int(i.Index);
    });

    private static BoundInput ReadBoundInput(ModelReader r) => r.Required(() => NewBoundInput(r));

    private static BoundInput NewBoundInput(ModelReader r) => new(ReadInput(r), r.Int(), r.Int());

    private static void Write(ModelWriter w, BoundNode node) => w.Shared(node, n =>
    {
        Write(w, n.Definition);
        w.Int(n.Index);
        w.Int(n.Parent);
        w.Int(n.Depth);
        w.Int(n.Children.Count);
        foreach (var child in n.Children) w.Int(child);
        w.Int(n.LeafIndex);
        w.Int(n.BandIndex);
        w.Int(n.ComparedIndex);
        Write(w, n.AppliesTo);
        w.Strings(n.Responsible);
        w.Set(n.NotApplicableInputs);
        w.Strings(n.DirectNames);
    });

    private static BoundNode ReadNode(ModelReader r) => r.Required(() =>
    {
        var definition = ReadCriterion(r);
        var (index, parent, depth) = (r.Int(), r.Int(), r.Int());
        var children = new int[r.Count()];
        for (var i = 0; i < children.Length; i++) children[i] = r.Int();
        var (leaf, band, compared) = (r.Int(), r.Int(), r.Int());
        var node = new BoundNode
        {
            Definition = definition,
            Index = index,
            Parent = parent,
            Depth = depth,
            LeafIndex = leaf,
            BandIndex = band,
            ComparedIndex = compared,
            AppliesTo = ReadAnalyzedOrNull(r),
            Responsible = r.Strings(),
            NotApplicableInputs = r.Set(),
            DirectNames = r.Strings(),
        };
        node.Children.AddRange(children);
        return node;
    });

    private static void Write(ModelWriter w, AnalyzedFormula? analyzed) => w.Shared(analyzed, a =>
    {
        Write(w, a.Source);
        w.String(a.Owner);
        w.List(a.NameUses, u => w.Shared(u, u => { w.String(u.Name); w.Int(u.Start); }));
        w.List(a.Aggregates, u => w.Shared(u, u => { w.Int((int)u.Kind); w.String(u.Name); w.Int(u.Start); w.Int(u.Length); }));
        w.List(a.Lookups, u => w.Shared(u, u => { w.String(u.Function); w.String(u.Code); w.Int(u.Start); w.Int(u.Length); }));
        w.List(a.HistoryUses, u => w.Shared(u, u => { w.String(u.Function); w.Int(u.Periods); w.Int(u.Start); w.Int(u.Length); }));
        w.List(a.TextComparisons, u => w.Shared(u, u => { w.String(u.Name); w.String(u.Literal); w.Int(u.LiteralStart); }));
        w.List(a.IntegerLiteralEnds, w.Int);
        w.Bool(a.IsValid);
    });

    private static AnalyzedFormula ReadAnalyzed(ModelReader r) => ReadAnalyzedOrNull(r) ?? throw new InvalidDataException("a required formula analysis is null");

    private static AnalyzedFormula? ReadAnalyzedOrNull(ModelReader r) => r.Shared(() => new AnalyzedFormula
    {
        Source = ReadRequiredFormula(r),
        Owner = r.RequiredString(),
        NameUses = r.List(() => r.Required(() => new NameUse(r.RequiredString(), r.Int()))),
        Aggregates = r.List(() => r.Required(() => new AggregateUse(Enum<AggregateKind>(r), r.RequiredString(), r.Int(), r.Int()))),
        Lookups = r.List(() => r.Required(() => new CriterionLookup(r.RequiredString(), r.RequiredString(), r.Int(), r.Int()))),
        HistoryUses = r.List(() => r.Required(() => new HistoryUse(r.RequiredString(), r.Int(), r.Int(), r.Int()))),
        TextComparisons = r.List(() => r.Required(() => new TextComparison(r.RequiredString(), r.RequiredString(), r.Int()))),
        IntegerLiteralEnds = r.List(r.Int),
        IsValid = r.Bool(),
    });
}
