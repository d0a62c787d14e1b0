using System.Globalization;
using System.Text;
using ParIndex.RulesEngine.Binding;
using ParIndex.RulesEngine.Caching;
using ParIndex.RulesEngine.Definition;

namespace ParIndex.RulesEngine.Data;

/// <summary>One input of an <see cref="InputSchema"/>: its declaration and where its values are stored.</summary>
/// <param name="Definition">The declaration: name, title, type, enum values, limits, missing policy and default.</param>
/// <param name="Slot">Position among the inputs stored in the same kind of column (numbers; bools; enum and text).</param>
/// <param name="Index">Position among all inputs (the index of its missing mask).</param>
public sealed record SchemaInput(InputDefinition Definition, int Slot, int Index)
{
    /// <summary>The input's name: the data column and the name in formulas.</summary>
    public string Name => Definition.Name;

    /// <summary>The input's type.</summary>
    public InputType Type => Definition.Type;

    /// <summary>True when a missing value is recorded per row (the not-applicable policy).</summary>
    public bool HasMissingMask => Definition.Missing == MissingPolicy.NotApplicable;
}

/// <summary>
/// What agency data must hold for one rule set: the id and name columns, every input with its
/// type, enum values, limits, missing policy and default, the ranking group input, and the slot
/// each input's values take in a batch. Produced by binding, before any code is generated, so
/// data can be read and checked without compiling formulas
/// (<see cref="RuleSetLoader.LoadInputSchema(string, RuleSetLoadOptions?)"/>). Batches are tied to
/// a schema: a rule set scores a batch whose schema has the same <see cref="Key"/>.
/// </summary>
public sealed class InputSchema
{
    private readonly Dictionary<string, SchemaInput> _byName;

    internal InputSchema(RuleSetDefinition definition, IReadOnlyList<BoundInput> inputs, BoundInput? groupBy)
    {
        RuleSetId = definition.Id;
        IdColumn = definition.Agency.IdColumn;
        NameColumn = definition.Agency.NameColumn;
        GroupBy = groupBy?.Name;
        Bound = inputs;
        Inputs = inputs.Select(i => new SchemaInput(i.Definition, i.Slot, i.Index)).ToList();
        _byName = Inputs.ToDictionary(i => i.Name, StringComparer.Ordinal);
        NumberCount = inputs.Count(i => i.Type == InputType.Number);
        BoolCount = inputs.Count(i => i.Type == InputType.Bool);
        TextCount = inputs.Count(i => i.Type is InputType.Enum or InputType.Text);
        GroupBySlot = groupBy?.Slot ?? -1;
        Headings = new ColumnHeadings(Inputs.Select(i => i.Definition));
        Key = ComputeKey();
    }

    /// <summary>The id of the rule set the schema belongs to (for messages).</summary>
    public string RuleSetId { get; }

    /// <summary>The column holding agency ids.</summary>
    public string IdColumn { get; }

    /// <summary>The column holding agency names.</summary>
    public string NameColumn { get; }

    /// <summary>The input agencies are ranked within (an enum or text input), or null for one overall ranking.</summary>
    public string? GroupBy { get; }

    /// <summary>Every input, in declaration order.</summary>
    public IReadOnlyList<SchemaInput> Inputs { get; }

    /// <summary>
    /// Identifies the shape of the data: equal for two rule sets whose id and name columns and
    /// inputs (names, types, values, limits, missing policies, defaults, order) are equal.
    /// </summary>
    public string Key { get; }

    /// <summary>The input named <paramref name="name"/>, or null.</summary>
    /// <param name="name">The input's name (case-sensitive).</param>
    public SchemaInput? Find(string name) => _byName.GetValueOrDefault(name);

    internal IReadOnlyList<BoundInput> Bound { get; }
    /// <summary>Which input each column heading (name, alias, title) stands for.</summary>
    internal ColumnHeadings Headings { get; }
    internal int NumberCount { get; }
    internal int BoolCount { get; }
    internal int TextCount { get; }
    /// <summary>Slot of the ranking group input among the text columns, or -1.</summary>
    internal int GroupBySlot { get; }

    /// <summary>
    /// The bytes one row takes in a batch's input columns: 8 for a number or a text (a reference),
    /// 1 for a bool and for a missing mask (at most one per input); what a streaming run budgets a chunk by.
    /// </summary>
    internal long ColumnBytesPerRow => 8L * NumberCount + BoolCount + 8L * TextCount + Inputs.Count;

    /// <summary>A hash of everything that decides how a value is read and stored (titles and descriptions do not).</summary>
    private string ComputeKey()
    {
        var text = new StringBuilder();
        text.Append(IdColumn).Append('\u001F').Append(NameColumn).Append('\u001F').Append(GroupBy).Append('\u001E');
        foreach (var input in Inputs)
        {
            var d = input.Definition;
            text.Append(d.Name).Append('\u001F').Append(d.Type).Append('\u001F').Append(d.Missing).Append('\u001F')
                .Append(d.Min?.ToString("R", CultureInfo.InvariantCulture)).Append('\u001F')
                .Append(d.Max?.ToString("R", CultureInfo.InvariantCulture)).Append('\u001F')
                .Append(Convert.ToString(d.Default, CultureInfo.InvariantCulture)).Append('\u001F')
                .AppendJoin('\u001D', d.Values).Append('\u001E');
        }
        return HexText.Upper(CacheHash.Sha256Of(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
