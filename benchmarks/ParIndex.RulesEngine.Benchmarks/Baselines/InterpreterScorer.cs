using ParIndex.RulesEngine.Benchmarks.Scheme;

namespace ParIndex.RulesEngine.Benchmarks.Baselines;

/// <summary>
/// Baseline (c): an interpreter, as a spreadsheet-style tool scores. For each agency it puts
/// every input into a <see cref="Dictionary{TKey,TValue}"/> of values, evaluates the variables
/// into it, then walks the rule tree, evaluating each formula's expression tree against the
/// dictionary. The formulas are parsed once, up front (a generous interpreter).
/// </summary>
public sealed class InterpreterScorer
{
    private readonly RuleTreeWalker _walker;
    private readonly (string Name, double[] Column)[] _numbers;
    private readonly (string Name, bool[] Column)[] _bools;
    private readonly string[] _agencyType;
    private readonly RowValues _row = new();

    /// <summary>Parses every formula of the scheme.</summary>
    public InterpreterScorer(SchemeSpec scheme, AgencyData data)
    {
        _walker = new RuleTreeWalker(scheme, (text, _) => FormulaParser.Parse(text));
        _numbers = scheme.NumberInputs.Select(i => (i.Name, data.Numbers[i.Slot])).ToArray();
        _bools = scheme.BoolInputs.Select(i => (i.Name, data.Bools[i.Slot])).ToArray();
        _agencyType = data.AgencyType;
        Total = new double[data.Rows];
        Percent = new double[data.Rows];
    }

    /// <summary>Totals of the last run.</summary>
    public double[] Total { get; }
    /// <summary>Percent of the last run.</summary>
    public double[] Percent { get; }

    /// <summary>Scores rows [start, end).</summary>
    public void Run(int start, int end)
    {
        var row = _row;
        for (var i = start; i < end; i++)
        {
            foreach (var (name, column) in _numbers) row.N[name] = column[i];
            foreach (var (name, column) in _bools) row.N[name] = column[i] ? 1 : 0;
            row.T["agencyType"] = _agencyType[i];
            Total[i] = _walker.ScoreRow(row, out var percent);
            Percent[i] = percent;
        }
    }
}
