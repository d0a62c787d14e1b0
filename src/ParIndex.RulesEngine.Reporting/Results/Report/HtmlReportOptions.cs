namespace ParIndex.RulesEngine.Results.Report;

/// <summary>The orientation of the A4 pages the report prints on.</summary>
public enum PageOrientation
{
    /// <summary>A4 portrait, 210 × 297 mm.</summary>
    Portrait,
    /// <summary>A4 landscape, 297 × 210 mm: wider matrices (more criteria per table).</summary>
    Landscape,
}

/// <summary>Text and choices for <see cref="HtmlReportWriter"/>.</summary>
public sealed record HtmlReportOptions
{
    /// <summary>The page title; the rule set's title when null.</summary>
    public string? Title { get; init; }

    /// <summary>A line under the title, e.g. "Kỳ đánh giá năm 2019"; none when null.</summary>
    public string? Subtitle { get; init; }

    /// <summary>Free text for the footer, e.g. a date; none when null (the output then depends only on the report).</summary>
    public string? GeneratedOn { get; init; }

    /// <summary>The agency shown first in the per-area section; the best ranked when null or unknown.</summary>
    public string? SelectedAgency { get; init; }

    /// <summary>The self-assessed and appraised rounds of the same data, shown after the ranking ("tự chấm" / "thẩm định" / "chênh lệch"); none when null.</summary>
    public Rounds.AppraisalRounds? Rounds { get; init; }

    /// <summary>Earlier periods' results, shown in the section "Kết quả các năm trước" (percent and group rank per period, rank change against the latest); none when null.</summary>
    public Evaluation.ResultsHistory? History { get; init; }

    /// <summary>The printed page: A4 portrait (default) or landscape.</summary>
    public PageOrientation Orientation { get; init; } = PageOrientation.Portrait;
}
