using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Definition;

/// <summary>When the HTML report shows a rank across all groups ("hạng chung").</summary>
public enum OverallRankDisplay
{
    /// <summary>Only when the groups are comparable: every agency of every group is scored against the same maximum per area.</summary>
    Auto,
    /// <summary>Always, when there is more than one group.</summary>
    Always,
    /// <summary>Never.</summary>
    Never,
}

/// <summary>
/// The optional <c>metadata</c> of a rule file: who issued the document the scheme implements,
/// its number and date, for the official header of reports.
/// </summary>
public sealed record RuleSetMetadata
{
    /// <summary>The province, e.g. "Tỉnh Kon Tum".</summary>
    public string? Province { get; init; }
    /// <summary>The issuing body, e.g. "Ủy ban nhân dân tỉnh Kon Tum".</summary>
    public string? Issuer { get; init; }
    /// <summary>The official name of the document, e.g. "Kế hoạch … giai đoạn 2023–2030".</summary>
    public string? Document { get; init; }
    /// <summary>The document's number and symbol, e.g. "42/KH-UBND".</summary>
    public string? Number { get; init; }
    /// <summary>The document's date as written in the file: "YYYY", "YYYY-MM" or "YYYY-MM-DD".</summary>
    public string? Date { get; init; }
    /// <summary>The period scored, e.g. "Năm 2018".</summary>
    public string? Period { get; init; }
    /// <summary>When reports show the rank across groups.</summary>
    public OverallRankDisplay OverallRank { get; init; } = OverallRankDisplay.Auto;
    /// <summary>Where the metadata is declared.</summary>
    public SourceLocation? Location { get; init; }
}
