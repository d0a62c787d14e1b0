using System.Globalization;

namespace ParIndex.RulesEngine.Tests.Oracle;

/// <summary>The generator's numbers (grid values, literals, thresholds) and data rows with edge values.</summary>
internal sealed partial class RuleSetGenerator
{

    private double Small() => _random.Next(4) switch
    {
        0 => _random.Next(5),
        1 => Math.Round(_random.NextDouble() * 4, 2),
        2 => Math.Round(_random.NextDouble() * 2 - 1, 3),
        _ => Math.Round(_random.NextDouble() * 10, 1),
    };

    /// <summary>A multiple of the grid in [lo, hi], at least one grid step.</summary>
    private double GridValue(double lo, double hi)
    {
        if (_random.NextDouble() < 0.5)
        {
            double[] nice = [0.25, 0.5, 1, 1.5, 2, 2.5, 3, 5, 10, 0.125, 0.375, 0.1, 0.2];
            var candidates = nice.Where(v => v >= lo && v <= hi && IsOnGrid(v)).ToList();
            if (candidates.Count > 0) return candidates[_random.Next(candidates.Count)];
        }
        var steps = (long)Math.Floor(hi / _grid);
        var low = Math.Max(1, (long)Math.Ceiling(lo / _grid));
        if (steps < low) return Math.Max(_grid, OnGrid(hi));
        return OnGrid((low + (long)(_random.NextDouble() * (steps - low + 1))) * _grid);
    }

    private double OnGrid(double value) => Math.Max(0, Math.Round(value * OracleArithmetic.Pow10(_precision)) / OracleArithmetic.Pow10(_precision));

    private bool IsOnGrid(double value) => Math.Abs(value / _grid - Math.Round(value / _grid)) < 1e-9;

    private void AddInteresting(double value)
    {
        if (double.IsFinite(value)) _interesting.Add(value);
    }

    private static string Literal(double value)
    {
        var text = value.ToString("0.############", CultureInfo.InvariantCulture);
        return value < 0 ? $"({text})" : text;
    }

    private string Pick(params (string Value, int Weight)[] choices)
    {
        var total = choices.Sum(c => c.Weight);
        var r = _random.Next(total);
        foreach (var (value, weight) in choices)
        {
            if (r < weight) return value;
            r -= weight;
        }
        return choices[^1].Value;
    }

    // ---------- data ----------

    private List<(string, IReadOnlyDictionary<string, object?>)> Rows()
    {
        // Rounding halves at the precision: x.xx5 and the same just below and above.
        for (var k = 0; k < 6; k++) AddInteresting((k + 0.5) * _grid);
        AddInteresting(0);
        var count = 20 + _random.Next(41);
        var rows = new List<(string, IReadOnlyDictionary<string, object?>)>();
        var soloRow = _random.NextDouble() < 0.5 ? _random.Next(count) : -1;
        var kindWeights = new[] { 0.2 + _random.NextDouble(), 0.2 + _random.NextDouble() };
        for (var r = 0; r < count; r++)
        {
            var values = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var input in _inputs)
            {
                var missingRate = input.Missing == "error" ? 0.01 : 0.15;
                if (_random.NextDouble() < missingRate)
                {
                    values[input.Name] = null;
                    continue;
                }
                values[input.Name] = input.Type switch
                {
                    "number" => Value(),
                    "bool" => _random.NextDouble() < 0.5,
                    _ => r == soloRow ? "xa" : _random.NextDouble() * (kindWeights[0] + kindWeights[1]) < kindWeights[0] ? "so" : "huyen",
                };
            }
            rows.Add(($"A{r + 1:000}", values));
        }
        return rows;
    }

    private double Value()
    {
        var r = _random.NextDouble();
        if (r < 0.5 && _interesting.Count > 0)
        {
            var basis = _interesting[_random.Next(_interesting.Count)];
            return Perturb(basis);
        }
        if (r < 0.6) return 0;
        if (r < 0.75) return _random.Next(-2, 11);
        if (r < 0.97) return Math.Round(_random.NextDouble() * 14 - 2, _random.Next(5));
        return Math.Round(_random.NextDouble() * 1e6, 1);
    }

    /// <summary>
    /// A value at, or within a relative 1e-10, 1.5e-9, 3e-9 or 1e-6 of, <paramref name="basis"/>.
    /// Below 1 the engine's tolerance was absolute (a known fix): without it, only distances on
    /// which both rules agree are used.
    /// </summary>
    private double Perturb(double basis)
    {
        // 1.5e-9 lies between the relative tolerance and the old absolute one for values near a
        // half below one grid step, or thresholds below 1; 3e-9 too for thresholds below 1/3.
        double[] factors = _knownFixed ? [0, 0, 1e-10, -1e-10, 1.5e-9, -1.5e-9, 3e-9, -3e-9, 1e-6, -1e-6]
            : Math.Abs(basis) >= 1 ? [0, 0, 1e-10, -1e-10, 3e-9, -3e-9, 1e-6, -1e-6]
            : [0, 0, 1e-10, -1e-10, 1e-6, -1e-6];
        var factor = factors[_random.Next(factors.Length)];
        var value = basis * (1 + factor);
        if (_knownFixed && basis == 0 && _random.NextDouble() < 0.3) value = _random.NextDouble() < 0.5 ? 5e-10 : -5e-10;
        return _random.NextDouble() < 0.1 ? -value : value;
    }
}
