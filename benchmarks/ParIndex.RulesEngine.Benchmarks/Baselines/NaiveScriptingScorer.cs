using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;
using ParIndex.RulesEngine.Benchmarks.Scheme;
using ParIndex.RulesEngine.Compilation;

namespace ParIndex.RulesEngine.Benchmarks.Baselines;

/// <summary>
/// Baseline (b): the naive use of Microsoft.CodeAnalysis.CSharp.Scripting. Each formula is
/// compiled on its own with <see cref="CSharpScript"/> (the names it reads declared from the
/// globals' dictionaries, the formula functions imported statically) and called through its
/// <see cref="ScriptRunner{T}"/> delegate with a new globals object per agency. The rule tree is
/// walked as in the interpreter.
/// </summary>
public sealed class NaiveScriptingScorer
{
    private readonly RuleTreeWalker _walker;
    private readonly (string Name, double[] Column)[] _numbers;
    private readonly (string Name, bool[] Column)[] _bools;
    private readonly string[] _agencyType;

    /// <summary>Compiles every formula of the scheme as its own script (slow: seconds).</summary>
    public NaiveScriptingScorer(SchemeSpec scheme, AgencyData data)
    {
        var bools = scheme.BoolInputs.Select(i => i.Name).Concat(scheme.Variables.Where(v => v.IsBool).Select(v => v.Name)).ToHashSet(StringComparer.Ordinal);
        var options = ScriptOptions.Default
            .WithReferences(typeof(FormulaFunctions).Assembly, typeof(RowValues).Assembly)
            .WithImports("System", typeof(FormulaFunctions).FullName!)
            .WithOptimizationLevel(Microsoft.CodeAnalysis.OptimizationLevel.Release);
        _walker = new RuleTreeWalker(scheme, (text, isBool) => Compile(text, isBool, bools, options));
        _numbers = scheme.NumberInputs.Select(i => (i.Name, data.Numbers[i.Slot])).ToArray();
        _bools = scheme.BoolInputs.Select(i => (i.Name, data.Bools[i.Slot])).ToArray();
        _agencyType = data.AgencyType;
        Total = new double[data.Rows];
        Percent = new double[data.Rows];
        ScriptCount = Compiled;
    }

    /// <summary>Scripts compiled.</summary>
    public int ScriptCount { get; }

    private int Compiled { get; set; }

    /// <summary>Totals of the last run.</summary>
    public double[] Total { get; }
    /// <summary>Percent of the last run.</summary>
    public double[] Percent { get; }

    private IRowFormula Compile(string text, bool isBool, HashSet<string> bools, ScriptOptions options)
    {
        var code = new System.Text.StringBuilder();
        foreach (var name in FormulaParser.NamesIn(text))
        {
            if (name == "agencyType") code.Append($"string {name} = T[\"{name}\"]; ");
            else if (bools.Contains(name)) code.Append($"bool {name} = N[\"{name}\"] != 0; ");
            else code.Append($"double {name} = N[\"{name}\"]; ");
        }
        code.Append(text);
        Compiled++;
        if (isBool)
        {
            var runner = CSharpScript.Create<bool>(code.ToString(), options, typeof(RowValues)).CreateDelegate();
            return new BoolScript(runner);
        }
        var numberRunner = CSharpScript.Create<double>(code.ToString(), options, typeof(RowValues)).CreateDelegate();
        return new NumberScript(numberRunner);
    }

    private sealed class NumberScript(ScriptRunner<double> runner) : IRowFormula
    {
        public double Eval(RowValues row) => runner(row).GetAwaiter().GetResult();
    }

    private sealed class BoolScript(ScriptRunner<bool> runner) : IRowFormula
    {
        public double Eval(RowValues row) => runner(row).GetAwaiter().GetResult() ? 1 : 0;
    }

    /// <summary>Scores rows [start, end), a new globals object per agency.</summary>
    public void Run(int start, int end)
    {
        for (var i = start; i < end; i++)
        {
            var row = new RowValues();
            foreach (var (name, column) in _numbers) row.N[name] = column[i];
            foreach (var (name, column) in _bools) row.N[name] = column[i] ? 1 : 0;
            row.T["agencyType"] = _agencyType[i];
            Total[i] = _walker.ScoreRow(row, out var percent);
            Percent[i] = percent;
        }
    }
}
