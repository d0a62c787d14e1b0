using ParIndex.RulesEngine.Definition;

namespace ParIndex.RulesEngine.Binding;

/// <summary>An input with its slot in the columnar batch arrays of its type.</summary>
/// <param name="Definition">The declaration.</param>
/// <param name="Slot">Index among the inputs of its column type.</param>
/// <param name="Index">Position among all inputs (the index of its missing mask).</param>
internal sealed record BoundInput(InputDefinition Definition, int Slot, int Index)
{
    public string Name => Definition.Name;
    public InputType Type => Definition.Type;
    /// <summary>True when the kernel needs a missing-value mask for this input.</summary>
    public bool NeedsMissingMask => Definition.Missing == MissingPolicy.NotApplicable;
}

/// <summary>A variable in evaluation order.</summary>
/// <param name="Definition">The declaration.</param>
/// <param name="Formula">The analyzed formula.</param>
/// <param name="Slot">Index among variables of its kind (number or bool).</param>
/// <param name="Stage">0 when computable before group aggregates, 1 when it needs them.</param>
/// <param name="NotApplicableInputs">Inputs with the not-applicable policy it depends on, transitively.</param>
internal sealed record BoundVariable(VariableDefinition Definition, AnalyzedFormula Formula, int Slot, int Stage, IReadOnlySet<string> NotApplicableInputs)
{
    public string Name => Definition.Name;
}

/// <summary>A group statistic the evaluator computes between the two kernel stages.</summary>
/// <param name="Index">Position in the aggregate list.</param>
/// <param name="Kind">Max, min or mean.</param>
/// <param name="Name">The input or variable aggregated.</param>
/// <param name="FromInput">True for an input, false for a stage-0 variable.</param>
/// <param name="Slot">Slot of that input or variable among numbers.</param>
internal sealed record BoundAggregate(int Index, AggregateKind Kind, string Name, bool FromInput, int Slot);

/// <summary>A node of the criteria tree, flattened in pre-order.</summary>
internal sealed class BoundNode
{
    public required CriterionDefinition Definition { get; init; }
    public required int Index { get; init; }
    public required int Parent { get; init; }
    public required int Depth { get; init; }
    public List<int> Children { get; } = new();
    /// <summary>Index among leaves (raw points are stored per leaf), or -1 for a parent.</summary>
    public int LeafIndex { get; set; } = -1;
    /// <summary>Index among band leaves (the matched step is stored), or -1.</summary>
    public int BandIndex { get; set; } = -1;
    /// <summary>
    /// First column of the compared values the detail stage records (bands with <c>of</c>: the
    /// value; proportional: the value, then the target), or -1 for other nodes.
    /// </summary>
    public int ComparedIndex { get; set; } = -1;
    public AnalyzedFormula? AppliesTo { get; init; }
    /// <summary>Units responsible, inherited from the nearest ancestor that names some.</summary>
    public required IReadOnlyList<string> Responsible { get; init; }
    /// <summary>Inputs with the not-applicable policy this node's own formulas use, transitively.</summary>
    public IReadOnlySet<string> NotApplicableInputs { get; set; } = new HashSet<string>();
    /// <summary>Every input and variable this node's own formulas read directly (for explanations).</summary>
    public IReadOnlyList<string> DirectNames { get; set; } = [];

    /// <summary>How many compared-value columns the node records: 1 for bands with <c>of</c>, 2 for proportional, else 0.</summary>
    public int ComparedColumns => Definition.Scoring switch
    {
        BandScoring { Of: not null } => 1,
        ProportionalScoring => 2,
        _ => 0,
    };

    public string Code => Definition.Code;
    public double Max => Definition.MaxPoints;
    public CriterionKind Kind => Definition.Kind;
    public bool IsLeaf => Definition.Children.Count == 0;
}

/// <summary>An eligibility rule with its analyzed conditions.</summary>
internal sealed record BoundEligibility(EligibilityRule Definition, IReadOnlyList<AnalyzedFormula> Conditions, int FirstConditionIndex);

/// <summary>
/// The output of binding: every name resolved, variables ordered, the tree flattened, aggregates
/// listed. Immutable once built; the compiler reads it and nothing else.
/// </summary>
internal sealed class BoundRuleSet
{
    public required RuleSetDefinition Definition { get; init; }
    public required IReadOnlyList<BoundInput> Inputs { get; init; }
    public required IReadOnlyList<BoundVariable> Variables { get; init; }
    public required IReadOnlyList<BoundNode> Nodes { get; init; }
    public required IReadOnlyList<BoundAggregate> Aggregates { get; init; }
    public required IReadOnlyList<BoundEligibility> Eligibility { get; init; }
    /// <summary>Analyzed formulas by the definition's formula object (reference identity).</summary>
    public required IReadOnlyDictionary<Formula, AnalyzedFormula> Formulas { get; init; }
    /// <summary>Classification bands sorted from highest minPercent.</summary>
    public required IReadOnlyList<ClassificationBand> Classification { get; init; }
    public BoundInput? GroupBy { get; init; }

    /// <summary>The public view of the inputs that data readers and batches work from.</summary>
    public Data.InputSchema Schema => _schema ??= new Data.InputSchema(Definition, Inputs, GroupBy);

    private Data.InputSchema? _schema;

    public int LeafCount => Nodes.Count(n => n.IsLeaf);

    /// <summary>Nodes whose points eligibility conditions read with Points("code") or MaxPoints("code").</summary>
    public IReadOnlySet<int> LookedUpNodes => _lookedUp ??= FindLookedUpNodes();

    private IReadOnlySet<int>? _lookedUp;

    /// <summary>The top-level criteria: the total is summed from their fixed-point counts.</summary>
    public IReadOnlySet<int> Areas => _areas ??= FindAreas();

    private IReadOnlySet<int>? _areas;

    /// <summary>
    /// The variables without group aggregates (stage 0) that something other than the criteria
    /// reads: a group aggregate, a variable that needs one, an eligibility condition; with every
    /// stage-0 variable they depend on, in evaluation order. Without detail only these are
    /// computed into columns before scoring (ComputeSharedVariables); the areas compute the others
    /// where they read them, so their columns are not even allocated.
    /// </summary>
    public IReadOnlyList<BoundVariable> SharedVariables => _shared ??= FindSharedVariables();

    private IReadOnlyList<BoundVariable>? _shared;

    /// <summary>The variables whose columns a frame without detail needs: the shared ones and those that need group aggregates.</summary>
    public IEnumerable<BoundVariable> VariablesKeptWithoutDetail => Variables.Where(v => v.Stage == 1).Concat(SharedVariables);

    private List<BoundVariable> FindSharedVariables()
    {
        var aggregated = Aggregates.Where(a => !a.FromInput).Select(a => a.Name);
        var laterReads = Variables.Where(v => v.Stage == 1).Select(v => v.Formula)
            .Concat(Eligibility.SelectMany(e => e.Conditions))
            .SelectMany(f => f.Names);
        return StageZeroClosure(aggregated.Concat(laterReads));
    }

    /// <summary>
    /// The stage-0 variables among <paramref name="names"/> and every stage-0 variable they read,
    /// transitively, in evaluation order (the order of <see cref="Variables"/>).
    /// </summary>
    public List<BoundVariable> StageZeroClosure(IEnumerable<string> names)
    {
        var byName = Variables.ToDictionary(v => v.Name, StringComparer.Ordinal);
        var wanted = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>(names);
        while (pending.TryPop(out var name))
        {
            if (!byName.TryGetValue(name, out var variable) || variable.Stage != 0 || !wanted.Add(name)) continue;
            foreach (var read in variable.Formula.Names) pending.Push(read);
        }
        return Variables.Where(v => wanted.Contains(v.Name)).ToList();
    }

    // Loops rather than LINQ over ints: every score reads these sets, and LINQ's generic code over
    // a value type has no ReadyToRun image, so a warm start compiled it each time.
    private HashSet<int> FindLookedUpNodes()
    {
        var nodes = new HashSet<int>();
        foreach (var rule in Eligibility)
            foreach (var condition in rule.Conditions)
                foreach (var lookup in condition.Lookups)
                    nodes.Add(Nodes.First(n => n.Code == lookup.Code).Index);
        return nodes;
    }

    private HashSet<int> FindAreas()
    {
        var nodes = new HashSet<int>();
        foreach (var node in Nodes)
            if (node.Parent < 0) nodes.Add(node.Index);
        return nodes;
    }
    /// <summary>Earlier periods the eligibility conditions read (the largest k, or n − 1 of AveragePercent(n)); 0 without history functions.</summary>
    public int HistoryPeriods => HistoryUses.Select(h => h.EarlierPeriods).DefaultIfEmpty(0).Max();

    /// <summary>The largest n of AveragePercent(n) in the eligibility conditions; 0 when none averages.</summary>
    public int AveragedPeriods => HistoryUses.Where(h => h.Function == "AveragePercent").Select(h => h.Periods).DefaultIfEmpty(0).Max();

    /// <summary>Every history function call of the eligibility conditions.</summary>
    public IEnumerable<HistoryUse> HistoryUses => Eligibility.SelectMany(e => e.Conditions).SelectMany(c => c.HistoryUses);

    public int BandLeafCount => Nodes.Count(n => n.BandIndex >= 0);
    /// <summary>Compared-value columns of the detail stage (see <see cref="BoundNode.ComparedIndex"/>).</summary>
    public int ComparedColumnCount => Nodes.Sum(n => n.ComparedColumns);
    public int ConditionCount => Eligibility.Sum(e => e.Conditions.Count);

    public AnalyzedFormula Analyzed(Formula formula) => Formulas[formula];

    public IEnumerable<BoundInput> InputsOfType(InputType type) => Inputs.Where(i => i.Type == type);
}
