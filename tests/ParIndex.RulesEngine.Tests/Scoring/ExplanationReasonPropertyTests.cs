using System.Globalization;
using System.Text;
using ParIndex.RulesEngine.Results;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Scoring;

/// <summary>
/// Random criteria trees (conditions on bool inputs, not-applicable inputs, bonus and penalty
/// criteria at every level) and random agencies: every recorded reason is checked against the
/// rules of docs/rule-files.md ("Criteria that do not apply"), evaluated here from the test's own
/// copy of the tree and the data, never from the engine.
/// </summary>
[TestClass]
public sealed class ExplanationReasonPropertyTests
{
    private const int RuleSetCount = 6;
    private const int Agencies = 40;

    private sealed class Node
    {
        public required string Code { get; init; }
        public required string Kind { get; init; }
        public Node? Parent { get; init; }
        public List<Node> Children { get; } = new();
        /// <summary>Index of the bool input of appliesTo, and whether it is negated; null when none.</summary>
        public (int Input, bool Negated)? Condition { get; init; }
        /// <summary>The not-applicable number input a leaf reads, or null.</summary>
        public int? Optional { get; init; }
        public double Max => Children.Count == 0 ? 1 : Children.Where(c => c.Kind == "regular").Sum(c => c.Max);
    }

    [TestMethod]
    public void EveryRecordedReason_NamesARealCause()
    {
        var random = new Random(20251201);
        var checkedReasons = new Dictionary<NotApplicableReason, int>();
        for (var set = 0; set < RuleSetCount; set++)
        {
            var tops = Enumerable.Range(0, 3).Select(i => NewNode(random, $"{set}.{i}", null, depth: 0)).ToList();
            using var rules = RuleSets.Load(
                inputs: """
                [ { "name": "b0", "type": "bool" }, { "name": "b1", "type": "bool" }, { "name": "b2", "type": "bool" },
                  { "name": "m0", "type": "number", "missing": "notApplicable" },
                  { "name": "m1", "type": "number", "missing": "notApplicable" },
                  { "name": "x", "type": "number" } ]
                """,
                // "Z" always applies, so no agency is rejected for having no criterion at all
                criteria: "[" + string.Join(",", tops.Select(Json)) + """, { "code": "Z", "title": "Z", "max": 1, "formula": "x" } ]""");
            var rows = Enumerable.Range(0, Agencies).Select(a => NewRow(random)).ToList();
            var report = rules.ScoreRows(rows.Select((r, a) => ($"A{a}", r)).ToArray());

            for (var a = 0; a < Agencies; a++)
            {
                var explained = report.ExplainAll($"A{a}").ToDictionary(e => e.Code);
                foreach (var node in tops.SelectMany(Subtree))
                {
                    var e = explained[node.Code];
                    var why = $"rule set {set}, agency A{a}, criterion {node.Code}: {e.NotApplicableReason} ({e.NotApplicableText})";
                    Assert.AreEqual(!e.IsApplicable, e.NotApplicableReason is not null, why);
                    if (e.NotApplicableReason is not { } reason) continue;
                    checkedReasons[reason] = checkedReasons.GetValueOrDefault(reason) + 1;
                    Assert.IsTrue(IsRealCause(node, reason, e, rows[a], explained), why);
                }
            }
        }
        // each reason was met and checked at least once
        foreach (var reason in Enum.GetValues<NotApplicableReason>())
            Assert.IsTrue(checkedReasons.GetValueOrDefault(reason) > 0, $"no case of {reason}");
    }

    /// <summary>The reason holds for this agency, and no reason the kernel checks earlier does.</summary>
    private static bool IsRealCause(Node node, NotApplicableReason reason, CriterionExplanation e, Dictionary<string, object?> row,
        Dictionary<string, CriterionExplanation> explained)
    {
        bool Applies(Node n) => explained[n.Code].IsApplicable;
        NotApplicableReason? ReasonOf(Node n) => explained[n.Code].NotApplicableReason;
        var missing = node.Optional is { } m && row[$"m{m}"] is null;
        var conditionFalse = node.Condition is { } c && (bool)row[$"b{c.Input}"]! == c.Negated;
        // the parent "did not apply when this node was evaluated": it failed for its own reason,
        // not later because its regular children dropped out (that is the cascade)
        var parentFailedFirst = node.Parent is { } p && !Applies(p)
            && ReasonOf(p) is not (NotApplicableReason.NoRegularChildApplies or NotApplicableReason.BonusOrPenaltyParentNotApplicable);
        return reason switch
        {
            NotApplicableReason.ParentNotApplicable => parentFailedFirst,
            NotApplicableReason.MissingInput => !parentFailedFirst && missing && e.MissingInput == $"m{node.Optional}",
            NotApplicableReason.ConditionFalse => !parentFailedFirst && !missing && conditionFalse,
            NotApplicableReason.NoRegularChildApplies => !parentFailedFirst && !missing && !conditionFalse
                && node.Children.Count > 0 && node.Children.Where(k => k.Kind == "regular").All(k => !Applies(k)),
            NotApplicableReason.BonusOrPenaltyParentNotApplicable => !parentFailedFirst && !missing && !conditionFalse
                && node.Parent is { } parent && !Applies(parent) && UnderBonusOrPenalty(node)
                && ReasonOf(parent) is NotApplicableReason.NoRegularChildApplies or NotApplicableReason.BonusOrPenaltyParentNotApplicable,
            _ => false,
        };
    }

    private static bool UnderBonusOrPenalty(Node node)
    {
        for (var current = node; current is not null; current = current.Parent)
            if (current.Kind != "regular") return true;
        return false;
    }

    private static Node NewNode(Random random, string code, Node? parent, int depth)
    {
        var kind = parent is null ? "regular" : random.Next(10) switch { < 7 => "regular", < 9 => "bonus", _ => "penalty" };
        var isParent = depth < 2 && random.Next(10) < 5;
        var node = new Node
        {
            Code = code,
            Kind = kind,
            Parent = parent,
            Condition = random.Next(10) < 4 ? (random.Next(3), random.Next(2) == 0) : null,
            Optional = !isParent && random.Next(10) < 4 ? random.Next(2) : null,
        };
        if (!isParent) return node;
        var count = 1 + random.Next(3);
        for (var i = 0; i < count; i++) node.Children.Add(NewNode(random, $"{code}.{i}", node, depth + 1));
        // a parent needs a regular child
        if (node.Children.All(c => c.Kind != "regular"))
            node.Children.Add(new Node { Code = $"{code}.r", Kind = "regular", Parent = node, Condition = random.Next(2) == 0 ? (random.Next(3), true) : null });
        return node;
    }

    private static Dictionary<string, object?> NewRow(Random random) => new()
    {
        ["b0"] = random.Next(2) == 0, ["b1"] = random.Next(2) == 0, ["b2"] = random.Next(2) == 0,
        ["m0"] = random.Next(10) < 3 ? null : random.Next(5) / 4.0,
        ["m1"] = random.Next(10) < 3 ? null : random.Next(5) / 4.0,
        ["x"] = random.Next(5) / 4.0,
    };

    private static IEnumerable<Node> Subtree(Node node) => node.Children.SelectMany(Subtree).Prepend(node);

    private static string Json(Node node)
    {
        var json = new StringBuilder();
        json.Append(CultureInfo.InvariantCulture, $$"""{ "code": "{{node.Code}}", "title": "T", "kind": "{{node.Kind}}", "max": {{node.Max.ToString(CultureInfo.InvariantCulture)}}""");
        if (node.Condition is { } c) json.Append(CultureInfo.InvariantCulture, $$""", "appliesTo": "{{(c.Negated ? "!" : "")}}b{{c.Input}}" """);
        if (node.Children.Count > 0) json.Append(", \"children\": [").Append(string.Join(",", node.Children.Select(Json))).Append("] }");
        else json.Append(node.Optional is { } m ? $$""", "formula": "m{{m}} + x" }""" : """, "formula": "x" }""");
        return json.ToString();
    }
}
