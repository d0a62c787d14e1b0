using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Definition;

/// <summary>The type of an input column.</summary>
public enum InputType
{
    /// <summary>A number (double).</summary>
    Number,
    /// <summary>True or false.</summary>
    Bool,
    /// <summary>One of a declared list of text values.</summary>
    Enum,
    /// <summary>Free text (e.g. an identifier).</summary>
    Text,
}

/// <summary>What happens when an agency's row has no value for an input.</summary>
public enum MissingPolicy
{
    /// <summary>The row is rejected with an error naming the agency and the input.</summary>
    Error,
    /// <summary>The input's declared default value is used.</summary>
    Default,
    /// <summary>Every criterion that uses the input does not apply to that agency.</summary>
    NotApplicable,
    /// <summary>The missing value reaches formulas (NaN for numbers, null for text); use IsMissing/IfMissing.</summary>
    Allow,
}

/// <summary>The value type of a variable or expression.</summary>
public enum ValueKind
{
    /// <summary>A double.</summary>
    Number,
    /// <summary>A bool.</summary>
    Bool,
    /// <summary>A string.</summary>
    Text,
}

/// <summary>How a criterion's points count towards its parent.</summary>
public enum CriterionKind
{
    /// <summary>Adds points and adds its max to the parent's applicable max.</summary>
    Regular,
    /// <summary>Adds points but not max (extra credit), capped at its own max.</summary>
    Bonus,
    /// <summary>Subtracts points, capped at its own max; does not touch the parent's max.</summary>
    Penalty,
}

/// <summary>How the formulas of a rule file are written (<c>formulaStyle</c>).</summary>
public enum FormulaStyle
{
    /// <summary>The C# subset: <c>plan &gt; 0.9 ? 1 : 0</c>, <c>==</c>, <c>&amp;&amp;</c>, case-sensitive names (the default).</summary>
    CSharp,
    /// <summary>
    /// Spreadsheet habits: <c>IF(plan &gt; 90%, 1, 0)</c>, <c>AND</c>, <c>OR</c>, <c>NOT</c>, <c>IFERROR</c>,
    /// <c>=</c> and <c>&lt;&gt;</c>, <c>'text'</c>, <c>TRUE</c>/<c>FALSE</c>, case-insensitive names; lowered to the
    /// C# subset before parsing.
    /// </summary>
    Excel,
}

/// <summary>A formula as written in the rule file, with the place its first character stands.</summary>
/// <param name="Text">The formula text (after JSON unescaping).</param>
/// <param name="Location">File, JSON path, line and column of the formula's first character.</param>
public sealed record Formula(string Text, SourceLocation Location)
{
    /// <summary>A formula built in code, standing nowhere in a file.</summary>
    /// <param name="text">The formula text.</param>
    public Formula(string text) : this(text, SourceLocation.None)
    {
    }

    /// <summary>
    /// The formula exactly as it stands between the quotes in the JSON file (escapes such as
    /// <c>\"</c> or <c>\u00e1</c> not decoded), or null when the text stands in the file as it is.
    /// </summary>
    internal string? Written { get; init; }

    /// <summary>
    /// The location of the character at <paramref name="offset"/> in <see cref="Text"/>. A JSON
    /// escape takes more columns in the file than the one character it stands for, so the offset
    /// is mapped through <see cref="Written"/>: <c>\"</c>, <c>\\</c> and <c>\n</c> take two
    /// columns, <c>\u00e1</c> six.
    /// </summary>
    internal SourceLocation LocationAt(int offset) => Location.ShiftColumn(WrittenOffset(SourceOffset(offset)));

    /// <summary>
    /// For a formula lowered from the Excel style: for each character of <see cref="Text"/> (plus
    /// one entry for the end), the offset in the text as written that it comes from. Null when
    /// <see cref="Text"/> is the written text itself.
    /// </summary>
    internal int[]? SourceOffsets { get; init; }

    private int SourceOffset(int offset) =>
        SourceOffsets is not { Length: > 0 } map ? offset
        : offset < map.Length ? map[Math.Max(0, offset)]
        : map[^1] + (offset - (map.Length - 1));

    private int WrittenOffset(int offset)
    {
        if (Written is null) return offset;
        var raw = 0;
        for (var i = 0; i < offset && raw < Written.Length; i++)
            raw += Written[raw] != '\\' || raw + 1 >= Written.Length ? 1 : Written[raw + 1] == 'u' ? 6 : 2;
        return raw + Math.Max(0, offset - Text.Length);
    }
}

/// <summary>A parsed, immutable rule file.</summary>
public sealed record RuleSetDefinition
{
    /// <summary>Identifier of the scheme, e.g. <c>par-index-province-2019</c>.</summary>
    public required string Id { get; init; }
    /// <summary>Human title.</summary>
    public required string Title { get; init; }
    /// <summary>Version of the rule file.</summary>
    public required string Version { get; init; }
    /// <summary>The legal decision the scheme implements, e.g. 876/QĐ-BNV.</summary>
    public string? LegalBasis { get; init; }
    /// <summary>Free description.</summary>
    public string? Description { get; init; }
    /// <summary>Decimals kept for points and percent.</summary>
    public int Precision { get; init; } = 2;
    /// <summary>How the formulas are written (<c>formulaStyle</c>); <see cref="Definition.FormulaStyle.CSharp"/> unless the file says <c>"excel"</c>.</summary>
    public FormulaStyle FormulaStyle { get; init; } = FormulaStyle.CSharp;
    /// <summary>Column names for agency id and name in data files.</summary>
    public AgencyColumns Agency { get; init; } = new("agencyId", "agencyName");
    /// <summary>Declared inputs.</summary>
    public IReadOnlyList<InputDefinition> Inputs { get; init; } = [];
    /// <summary>Declared derived values.</summary>
    public IReadOnlyList<VariableDefinition> Variables { get; init; } = [];
    /// <summary>Top-level criteria (areas).</summary>
    public IReadOnlyList<CriterionDefinition> Criteria { get; init; } = [];
    /// <summary>Classification bands, highest first.</summary>
    public IReadOnlyList<ClassificationBand> Classification { get; init; } = [];
    /// <summary>Ranking settings.</summary>
    public RankingDefinition Ranking { get; init; } = new(null, new Dictionary<string, string>());
    /// <summary>Award eligibility rules.</summary>
    public IReadOnlyList<EligibilityRule> Eligibility { get; init; } = [];
    /// <summary>Document metadata for report headers (<c>metadata</c>); null when the file has none.</summary>
    public RuleSetMetadata? Metadata { get; init; }
    /// <summary>Test cases kept in the rule file (<c>tests</c>).</summary>
    public IReadOnlyList<RuleSetTestCase> Tests { get; init; } = [];
    /// <summary>Points aimed at per criterion or area (compared by the improvement plan; no effect on scores).</summary>
    public IReadOnlyList<TargetDefinition> Targets { get; init; } = [];
    /// <summary>The file the rule set came from, if any.</summary>
    public string? SourceFile { get; init; }
}

/// <summary>The points aimed at on one criterion or area (mục tiêu), e.g. "area 7 ≥ 9 points in 2019".</summary>
/// <param name="Code">The criterion's code.</param>
/// <param name="Points">The points aimed at: at least this many.</param>
/// <param name="Title">How the target is worded, when given.</param>
/// <param name="Description">Free text, e.g. its source.</param>
/// <param name="Location">Where it is written.</param>
public sealed record TargetDefinition(string Code, double Points, string? Title, string? Description, SourceLocation Location);

/// <summary>Names of the agency id and name columns in data files.</summary>
/// <param name="IdColumn">Column holding the agency id.</param>
/// <param name="NameColumn">Column holding the agency name (optional in data).</param>
public sealed record AgencyColumns(string IdColumn, string NameColumn);

/// <summary>A declared input.</summary>
public sealed record InputDefinition
{
    /// <summary>The name used in formulas and as the data column.</summary>
    public required string Name { get; init; }
    /// <summary>Human title.</summary>
    public string? Title { get; init; }
    /// <summary>
    /// Another heading a data file may give the input's column (<c>column</c>), e.g. the heading of
    /// an existing spreadsheet; headers match the name, this alias or the title.
    /// </summary>
    public string? Column { get; init; }
    /// <summary>Where <see cref="Column"/> is written (its string's first character), when given.</summary>
    public SourceLocation? ColumnLocation { get; init; }
    /// <summary>The value type.</summary>
    public required InputType Type { get; init; }
    /// <summary>Unit, e.g. "ratio", "files".</summary>
    public string? Unit { get; init; }
    /// <summary>Smallest allowed value (numbers).</summary>
    public double? Min { get; init; }
    /// <summary>Largest allowed value (numbers).</summary>
    public double? Max { get; init; }
    /// <summary>Allowed values (enums).</summary>
    public IReadOnlyList<string> Values { get; init; } = [];
    /// <summary>The missing-value policy.</summary>
    public MissingPolicy Missing { get; init; } = MissingPolicy.Error;
    /// <summary>Default value (double, bool or string) for <see cref="MissingPolicy.Default"/>.</summary>
    public object? Default { get; init; }
    /// <summary>Free description.</summary>
    public string? Description { get; init; }
    /// <summary>Where the input is declared.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;
}

/// <summary>A derived value computed from inputs and other variables.</summary>
public sealed record VariableDefinition
{
    /// <summary>The name used in formulas.</summary>
    public required string Name { get; init; }
    /// <summary>Human title.</summary>
    public string? Title { get; init; }
    /// <summary>Number or bool.</summary>
    public ValueKind Type { get; init; } = ValueKind.Number;
    /// <summary>The formula.</summary>
    public required Formula Formula { get; init; }
    /// <summary>Free description.</summary>
    public string? Description { get; init; }
    /// <summary>Where the variable is declared.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;
}

/// <summary>A node of the criteria tree.</summary>
public sealed record CriterionDefinition
{
    /// <summary>Unique code such as "7.6".</summary>
    public required string Code { get; init; }
    /// <summary>Human title.</summary>
    public required string Title { get; init; }
    /// <summary>Free description.</summary>
    public string? Description { get; init; }
    /// <summary>Maximum points (the rule file's <c>max</c>).</summary>
    public required double MaxPoints { get; init; }
    /// <summary>Regular, bonus or penalty.</summary>
    public CriterionKind Kind { get; init; } = CriterionKind.Regular;
    /// <summary>Condition under which the criterion applies; null means always.</summary>
    public Formula? AppliesTo { get; init; }
    /// <summary>Units responsible for the criterion (inherited by children that name none).</summary>
    public IReadOnlyList<string> Responsible { get; init; } = [];
    /// <summary>How a leaf scores; null for a parent.</summary>
    public ScoringRule? Scoring { get; init; }
    /// <summary>Children (empty for a leaf).</summary>
    public IReadOnlyList<CriterionDefinition> Children { get; init; } = [];
    /// <summary>Where the criterion is declared.</summary>
    public SourceLocation Location { get; init; } = SourceLocation.None;

    /// <summary>True when the criterion has children.</summary>
    public bool IsParent => Children.Count > 0;
}

/// <summary>How a leaf criterion turns data into points.</summary>
public abstract record ScoringRule;

/// <summary>Points from a number formula, clamped to [0, max].</summary>
/// <param name="Expression">The formula.</param>
public sealed record FormulaScoring(Formula Expression) : ScoringRule;

/// <summary>Ordered bands, first match wins, no match scores 0.</summary>
/// <param name="Of">The value that range steps compare; may be null when every step has a condition.</param>
/// <param name="Steps">The steps in order.</param>
public sealed record BandScoring(Formula? Of, IReadOnlyList<BandStep> Steps) : ScoringRule;

/// <summary>One band: a condition or a range over the band value, and its points.</summary>
/// <param name="When">A bool formula, or null for a range step.</param>
/// <param name="AtLeast">Inclusive lower bound of a range step.</param>
/// <param name="Below">Exclusive upper bound of a range step.</param>
/// <param name="Points">Points when the step matches.</param>
/// <param name="Label">Optional label shown in explanations.</param>
/// <param name="Location">Where the step is declared.</param>
public sealed record BandStep(Formula? When, double? AtLeast, double? Below, double Points, string? Label, SourceLocation Location);

/// <summary>
/// Achievement against a target: a value that meets the target gives max; otherwise
/// max × max(value, 0) ÷ target (or max × target ÷ value when lower is better) when the target
/// is above 0, else 0. See docs/rule-files.md.
/// </summary>
/// <param name="Value">The achieved value.</param>
/// <param name="Target">The target (a number literal is kept as a formula).</param>
/// <param name="LowerIsBetter">True when a smaller value is better.</param>
public sealed record ProportionalScoring(Formula Value, Formula Target, bool LowerIsBetter) : ScoringRule;

/// <summary>Full points when the condition holds, else 0.</summary>
/// <param name="Condition">A bool formula.</param>
public sealed record YesNoScoring(Formula Condition) : ScoringRule;

/// <summary>value × points per item, clamped to [0, max].</summary>
/// <param name="Value">The counted value.</param>
/// <param name="PointsPerItem">Points for each item.</param>
public sealed record CountScoring(Formula Value, double PointsPerItem) : ScoringRule;

/// <summary>A classification band: agencies at or above <paramref name="MinPercent"/> get <paramref name="Label"/>.</summary>
/// <param name="Label">E.g. "Tốt".</param>
/// <param name="MinPercent">Lowest percent (rounded) for the band.</param>
/// <param name="Location">Where the band is declared.</param>
public sealed record ClassificationBand(string Label, double MinPercent, SourceLocation Location);

/// <summary>Ranking settings.</summary>
/// <param name="GroupBy">An enum or text input whose value is the ranking group; null ranks everyone together.</param>
/// <param name="GroupTitles">Display titles for group values.</param>
/// <param name="Location">Where the ranking is declared.</param>
public sealed record RankingDefinition(string? GroupBy, IReadOnlyDictionary<string, string> GroupTitles, SourceLocation? Location = null);

/// <summary>An award eligibility rule: every condition must hold.</summary>
/// <param name="Id">Identifier.</param>
/// <param name="Title">Human title.</param>
/// <param name="Description">Free description.</param>
/// <param name="Conditions">Conditions, all required.</param>
/// <param name="Location">Where the rule is declared.</param>
public sealed record EligibilityRule(string Id, string Title, string? Description, IReadOnlyList<EligibilityCondition> Conditions, SourceLocation Location);

/// <summary>One condition of an eligibility rule.</summary>
/// <param name="Title">What the condition means, shown when it fails.</param>
/// <param name="When">A bool formula.</param>
public sealed record EligibilityCondition(string Title, Formula When);
