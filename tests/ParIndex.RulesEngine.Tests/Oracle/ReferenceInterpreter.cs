namespace ParIndex.RulesEngine.Tests.Oracle;

/// <summary>
/// Scores agency rows by the rules of docs/rule-files.md (with the decisions of this release on
/// bands over NaN and ±∞, the proportional formula, relative tolerance, −0 and NaN in Min/Max),
/// straight from the rule file's JSON: a slow, obvious walk over the tree that shares no code
/// with the engine's binder, generator, kernel or function library.
/// </summary>
internal sealed class ReferenceInterpreter
{
    private readonly OracleRuleSet _rules;
    private readonly Dictionary<string, OracleInput> _inputs;
    private readonly Dictionary<string, OracleVariable> _variables;
    private readonly Dictionary<OracleExpression, HashSet<string>> _inputsReached = new(ReferenceEqualityComparer.Instance);

    public ReferenceInterpreter(OracleRuleSet rules)
    {
        _rules = rules;
        _inputs = rules.Inputs.ToDictionary(i => i.Name, StringComparer.Ordinal);
        _variables = rules.Variables.ToDictionary(v => v.Name, StringComparer.Ordinal);
    }

    /// <summary>Scores every row (id, values by input name; a null or absent value is missing), then ranks, classifies and checks eligibility.</summary>
    public IReadOnlyList<OracleAgencyResult> Score(IReadOnlyList<(string Id, IReadOnlyDictionary<string, object?> Values)> rows)
    {
        var results = new List<OracleAgencyResult>();
        var environments = new List<AgencyEnvironment?>();
        foreach (var (id, values) in rows)
        {
            var result = new OracleAgencyResult(id);
            var environment = ScoreRow(result, values);
            results.Add(result);
            environments.Add(result.Rejection is null ? environment : null);
        }
        var scored = results.Where(r => r.Rejection is null).ToList();
        Rank(scored, (r, rank) => r.OverallRank = rank);
        foreach (var group in scored.GroupBy(r => r.Group, StringComparer.Ordinal))
            Rank(group.ToList(), (r, rank) => r.Rank = rank);
        for (var i = 0; i < results.Count; i++)
            if (environments[i] is { } environment)
            {
                KnownFixes.CollectInto(results[i].KnownFixes);
                CheckEligibility(results[i], environment);
                KnownFixes.CollectInto(null);
            }
        return results;
    }

    /// <summary>Competition ranking by rounded percent, highest first: 95.2, 93.1, 93.1, 90 → 1, 2, 2, 4.</summary>
    private static void Rank(List<OracleAgencyResult> members, Action<OracleAgencyResult, int> set)
    {
        foreach (var agency in members)
            set(agency, 1 + members.Count(other => other.Percent > agency.Percent));
    }

    private AgencyEnvironment? ScoreRow(OracleAgencyResult result, IReadOnlyDictionary<string, object?> raw)
    {
        KnownFixes.CollectInto(result.KnownFixes);
        try
        {
            return ScoreRowCollecting(result, raw);
        }
        finally
        {
            KnownFixes.CollectInto(null);
        }
    }

    private AgencyEnvironment? ScoreRowCollecting(OracleAgencyResult result, IReadOnlyDictionary<string, object?> raw)
    {
        var environment = new AgencyEnvironment(this);
        foreach (var input in _rules.Inputs)
        {
            var value = raw.TryGetValue(input.Name, out var v) ? v : null;
            var missing = value is null;
            if (missing)
            {
                switch (input.Missing)
                {
                    case "error":
                        result.Rejection = $"input {input.Name} is missing";
                        return null;
                    case "default":
                        value = input.Default;
                        missing = false;
                        break;
                }
            }
            else if (input.Type == "number" && (value is double d) && ((input.Min is { } lo && d < lo) || (input.Max is { } hi && d > hi)))
            {
                result.Rejection = $"input {input.Name} is out of range";
                return null;
            }
            environment.Missing[input.Name] = missing;
            environment.Values[input.Name] = input.Type switch
            {
                "number" => OracleValue.Of(missing ? double.NaN : Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture)),
                "bool" => OracleValue.Of(!missing && (bool)value!),
                _ => OracleValue.OfText(missing ? null : (string)value!),
            };
        }
        if (_rules.GroupBy is { } groupBy) result.Group = environment.Values[groupBy].Text ?? "";

        foreach (var top in _rules.Criteria) Evaluate(top, parentApplies: true, environment, result);
        var tops = _rules.Criteria.Select(c => result.Criteria[c.Code]).ToList();
        FinishCascade(result);
        if (result.Criteria.Values.Any(c => c.Faulted && !c.Applies)) KnownFixes.Note(KnownFixes.FaultUnderNotApplicableParent);
        result.FaultedCriteria.AddRange(_rules.All().Select(c => result.Criteria[c.Code]).Where(c => c.Applies && c.Faulted).Select(c => c.Criterion.Code));
        if (result.FaultedCriteria.Count > 0)
        {
            result.Rejection = $"criterion {string.Join(" or ", result.FaultedCriteria)} gave NaN or infinity";
            return null;
        }
        var regular = tops.Where(t => t.Criterion.IsRegular && t.Applies).ToList();
        if (regular.Count == 0)
        {
            result.Rejection = "no criterion applies";
            return null;
        }
        var maxPoints = 0d;
        foreach (var t in regular) maxPoints += t.ApplicableMax;
        result.MaxPoints = maxPoints;
        result.Total = OracleArithmetic.Round(OracleArithmetic.ClampPoints(SumOfPoints(tops), maxPoints), _rules.Precision);
        result.Percent = maxPoints > 0 ? OracleArithmetic.Round(100 * result.Total / maxPoints, _rules.Precision) : 0;
        result.Classification = _rules.Classification.OrderByDescending(b => b.MinPercent).FirstOrDefault(b => b.MinPercent <= result.Percent)?.Label;
        return environment;
    }

    /// <summary>Regular and bonus points added, penalties subtracted, over the children that apply, in file order.</summary>
    private static double SumOfPoints(IEnumerable<OracleCriterionResult> children)
    {
        var sum = 0d;
        foreach (var c in children.Where(c => c.Applies))
            sum = c.Criterion.Kind == "penalty" ? sum - c.Points : sum + c.Points;
        return sum;
    }

    private void Evaluate(OracleCriterion criterion, bool parentApplies, AgencyEnvironment environment, OracleAgencyResult result)
    {
        var node = new OracleCriterionResult(criterion);
        result.Criteria[criterion.Code] = node;
        if (!parentApplies) node.Causes.Add(new OracleCause(OracleCauseKind.ParentNotApplicable, criterion.Parent?.Code));
        foreach (var input in criterion.Expressions().SelectMany(InputsReached).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            if (_inputs[input].Missing == "notApplicable" && environment.Missing[input])
                node.Causes.Add(new OracleCause(OracleCauseKind.MissingInput, input));
        if (criterion.AppliesTo is not null && !environment.Evaluator.Bool(criterion.AppliesTo))
            node.Causes.Add(new OracleCause(OracleCauseKind.AppliesToFalse, null));
        var applies = node.Causes.Count == 0;

        if (criterion.IsLeaf)
        {
            node.Applies = applies;
            if (!applies) return;
            var raw = LeafPoints(criterion, environment.Evaluator);
            if (!double.IsFinite(raw))
            {
                node.Faulted = true;
                raw = 0;
            }
            node.Points = OracleArithmetic.Round(OracleArithmetic.ClampPoints(raw, criterion.Max), _rules.Precision);
            node.ApplicableMax = criterion.Max;
            return;
        }

        foreach (var child in criterion.Children) Evaluate(child, applies, environment, result);
        if (!applies) return;
        var children = criterion.Children.Select(c => result.Criteria[c.Code]).ToList();
        var regular = children.Where(c => c.Criterion.IsRegular).ToList();
        if (!regular.Any(c => c.Applies))
        {
            node.Causes.Add(new OracleCause(OracleCauseKind.NoRegularChild, null));
            return;
        }
        node.Applies = true;
        if (regular.All(c => c.Applies && c.ApplicableMax == c.Criterion.Max))
            node.ApplicableMax = criterion.Max;
        else
        {
            var sum = 0d;
            foreach (var c in regular.Where(c => c.Applies)) sum += c.ApplicableMax;
            node.ApplicableMax = Math.Min(criterion.Max, sum);
        }
        node.Points = OracleArithmetic.Round(OracleArithmetic.ClampPoints(SumOfPoints(children), node.ApplicableMax), _rules.Precision);
    }

    /// <summary>A parent that lost all its regular children takes its bonus and penalty children (and their subtrees) with it.</summary>
    private static void FinishCascade(OracleAgencyResult result)
    {
        foreach (var node in result.Criteria.Values.Where(n => n.Criterion.Parent is not null).ToList())
        {
            // Pre-order is not needed: walk up until a parent that lost applicability is found.
            var parent = result.Criteria[node.Criterion.Parent!.Code];
            if (parent.Applies || !node.Applies) continue;
            NotApplicable(node, parent.Criterion.Code, result);
        }
    }

    private static void NotApplicable(OracleCriterionResult node, string parentCode, OracleAgencyResult result)
    {
        node.Applies = false;
        node.Points = 0;
        node.ApplicableMax = 0;
        node.Causes.Add(new OracleCause(OracleCauseKind.ParentNotApplicable, parentCode));
        foreach (var child in node.Criterion.Children)
            if (result.Criteria[child.Code].Applies) NotApplicable(result.Criteria[child.Code], node.Criterion.Code, result);
    }

    private static double LeafPoints(OracleCriterion criterion, OracleEvaluator evaluator)
    {
        switch (criterion.Scoring)
        {
            case FormulaForm f:
                return evaluator.Number(f.Points);
            case YesNoForm y:
                return evaluator.Bool(y.Condition) ? criterion.Max : 0;
            case CountForm c:
                return evaluator.Number(c.Value) * c.PointsPerItem;
            case ProportionalForm p:
                var value = evaluator.Number(p.Value);
                var target = evaluator.Number(p.Target);
                return OracleArithmetic.Proportional(value, target, criterion.Max, p.LowerIsBetter);
            case BandsForm b:
                var of = b.Of is null ? double.NaN : evaluator.Number(b.Of);
                if (b.Of is not null && !double.IsFinite(of)) KnownFixes.Note(KnownFixes.BandOverNaNOrInfinity);
                foreach (var step in b.Steps)
                {
                    var matches = step.When is not null
                        ? evaluator.Bool(step.When)
                        : (step.AtLeast is not { } lo || OracleArithmetic.AtLeast(of, lo)) && (step.Below is not { } hi || OracleArithmetic.Below(of, hi));
                    if (matches) return step.Points;
                }
                return 0;
            default:
                throw new InvalidOperationException($"criterion {criterion.Code} has no scoring form");
        }
    }

    /// <summary>The inputs an expression reads, directly or through variables.</summary>
    private HashSet<string> InputsReached(OracleExpression expression)
    {
        if (_inputsReached.TryGetValue(expression, out var known)) return known;
        var reached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in expression.Names())
        {
            if (_inputs.ContainsKey(name)) reached.Add(name);
            else if (_variables.TryGetValue(name, out var variable)) reached.UnionWith(InputsReached(variable.Formula));
        }
        _inputsReached[expression] = reached;
        return reached;
    }

    private void CheckEligibility(OracleAgencyResult result, AgencyEnvironment environment)
    {
        var evaluator = new OracleEvaluator(
            name => name switch
            {
                "total" => OracleValue.Of(result.Total),
                "maxPoints" => OracleValue.Of(result.MaxPoints),
                "percent" => OracleValue.Of(result.Percent),
                "rank" => OracleValue.Of(result.Rank),
                "overallRank" => OracleValue.Of(result.OverallRank),
                "previousRank" or "rankChange" => OracleValue.Of(double.NaN),
                "classification" => OracleValue.OfText(result.Classification),
                "group" => OracleValue.OfText(result.Group),
                _ => environment.Value(name),
            },
            (function, code) =>
            {
                var criterion = result.Criteria[code];
                return OracleValue.Of(function == "Points" ? criterion.Points : criterion.ApplicableMax);
            });
        foreach (var rule in _rules.Eligibility)
            result.Eligibility[rule.Id] = rule.Conditions.All(c => evaluator.Bool(c.When));
    }

    /// <summary>One agency's input values and lazily computed variables.</summary>
    private sealed class AgencyEnvironment
    {
        private readonly ReferenceInterpreter _owner;
        private readonly HashSet<string> _computing = new(StringComparer.Ordinal);

        public AgencyEnvironment(ReferenceInterpreter owner)
        {
            _owner = owner;
            Evaluator = new OracleEvaluator(Value);
        }

        public Dictionary<string, OracleValue> Values { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, bool> Missing { get; } = new(StringComparer.Ordinal);
        public OracleEvaluator Evaluator { get; }

        public OracleValue Value(string name)
        {
            if (Values.TryGetValue(name, out var value)) return value;
            var variable = _owner._variables.GetValueOrDefault(name) ?? throw new InvalidOperationException($"unknown name {name}");
            if (!_computing.Add(name)) throw new InvalidOperationException($"variable cycle through {name}");
            value = Evaluator.Evaluate(variable.Formula);
            Values[name] = value;
            return value;
        }
    }
}
