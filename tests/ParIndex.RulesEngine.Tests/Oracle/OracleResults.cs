namespace ParIndex.RulesEngine.Tests.Oracle;

/// <summary>Why a criterion does not apply to an agency (the causes the docs list).</summary>
internal enum OracleCauseKind
{
    /// <summary>Its appliesTo formula is false.</summary>
    AppliesToFalse,
    /// <summary>It reads (directly or through variables) a missing input whose policy is notApplicable; Detail is the input.</summary>
    MissingInput,
    /// <summary>Its parent does not apply (for a bonus or penalty child also when the parent lost its regular children); Detail is the parent's code.</summary>
    ParentNotApplicable,
    /// <summary>A parent none of whose regular children applies.</summary>
    NoRegularChild,
}

internal sealed record OracleCause(OracleCauseKind Kind, string? Detail)
{
    public override string ToString() => Detail is null ? Kind.ToString() : $"{Kind}({Detail})";
}

/// <summary>One criterion's result for one agency.</summary>
internal sealed class OracleCriterionResult(OracleCriterion criterion)
{
    public OracleCriterion Criterion { get; } = criterion;
    public bool Applies { get; set; }
    public double Points { get; set; }
    /// <summary>The applicable max; 0 when the criterion does not apply.</summary>
    public double ApplicableMax { get; set; }
    /// <summary>Every true cause of non-applicability (empty when it applies).</summary>
    public List<OracleCause> Causes { get; } = [];
    /// <summary>True when the leaf's points were NaN or infinite (a fault if the leaf applies).</summary>
    public bool Faulted { get; set; }
}

/// <summary>One agency's result: rejected with a reason, or scored.</summary>
internal sealed class OracleAgencyResult(string agencyId)
{
    public string AgencyId { get; } = agencyId;
    /// <summary>Null when scored; else why the row is rejected.</summary>
    public string? Rejection { get; set; }
    /// <summary>Codes of the applicable leaves that gave NaN or ±∞ (any of them may be named).</summary>
    public List<string> FaultedCriteria { get; } = [];
    public Dictionary<string, OracleCriterionResult> Criteria { get; } = new(StringComparer.Ordinal);
    public string Group { get; set; } = "";
    public double Total { get; set; }
    public double MaxPoints { get; set; }
    public double Percent { get; set; }
    public string? Classification { get; set; }
    public int Rank { get; set; }
    public int OverallRank { get; set; }
    public Dictionary<string, bool> Eligibility { get; } = new(StringComparer.Ordinal);
    /// <summary>The known fixes (see <see cref="KnownFixes"/>) this agency's result depends on.</summary>
    public HashSet<string> KnownFixes { get; } = new(StringComparer.Ordinal);
}
