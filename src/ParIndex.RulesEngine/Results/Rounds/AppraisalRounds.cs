using System.Globalization;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Results.Rounds;

/// <summary>
/// The two rounds of one scoring year: the agencies' self-assessment (tự chấm) and the appraisal
/// (thẩm định) that may lower (or raise) points, compared per agency and criterion, with the
/// appraiser's notes on the inputs each changed criterion reads. Agencies scored in one round
/// only are listed in <see cref="SelfOnly"/> and <see cref="AppraisedOnly"/> (and as PAR0702
/// warnings), never dropped. Read-only.
/// </summary>
public sealed class AppraisalRounds
{
    private AppraisalRounds(ReportComparison comparison, AppraisalNotes notes)
    {
        Comparison = comparison;
        Notes = notes;
    }

    /// <summary>Compares the self-assessed and the appraised results of one rule set.</summary>
    /// <param name="self">The result of the self-assessed data.</param>
    /// <param name="appraised">The result of the appraised data (the one that counts).</param>
    /// <param name="notes">The appraiser's notes (<see cref="AppraisalNotesReader"/>); none when null.</param>
    /// <exception cref="ArgumentException">The results are of different rule sets or versions (PAR0701).</exception>
    /// <exception cref="InvalidOperationException">A result was scored without every criterion's points.</exception>
    public static AppraisalRounds Compare(ScoreReport self, ScoreReport appraised, AppraisalNotes? notes = null) =>
        new(ReportComparison.Compare(self, appraised), notes ?? AppraisalNotes.Empty);

    /// <summary>The agency-by-agency comparison: first = self-assessed, second = appraised.</summary>
    public ReportComparison Comparison { get; }

    /// <summary>The self-assessed result.</summary>
    public ScoreReport Self => Comparison.First;

    /// <summary>The appraised result.</summary>
    public ScoreReport Appraised => Comparison.Second;

    /// <summary>The appraiser's notes.</summary>
    public AppraisalNotes Notes { get; }

    /// <summary>Agencies scored in both rounds, in the appraised data's order; differences are appraised − self.</summary>
    public IReadOnlyList<AgencyComparison> Agencies => Comparison.Agencies;

    /// <summary>Agencies scored in the self-assessment only (not in the appraised data, or rejected there).</summary>
    public IReadOnlyList<UnmatchedAgency> SelfOnly => Comparison.OnlyInFirst;

    /// <summary>Agencies scored in the appraised data only (not in the self-assessment, or rejected there).</summary>
    public IReadOnlyList<UnmatchedAgency> AppraisedOnly => Comparison.OnlyInSecond;

    /// <summary>Agencies of both rounds whose appraised total is below the self-assessed one.</summary>
    public IReadOnlyList<AgencyComparison> CutAgencies => Agencies.Where(a => a.TotalDifference < 0).ToList();

    /// <summary>
    /// The leaf criteria whose points the appraisal changed for one agency (cuts and raises), in
    /// tree order, each with the notes on the inputs it reads.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The agency is not scored in both rounds.</exception>
    public IReadOnlyList<AppraisalChange> Changes(string agencyId)
    {
        var agency = Comparison.Find(agencyId) ?? throw new KeyNotFoundException($"Agency '{agencyId}' is not scored in both rounds.");
        return agency.ChangedLeaves
            .Select(c => new AppraisalChange(c, Notes.Of(agency.AgencyId, Appraised.InputsRead(agency.AgencyId, c.Code))))
            .ToList();
    }

    /// <summary>The criteria the appraisal cut for one agency (appraised &lt; self), in tree order.</summary>
    /// <exception cref="KeyNotFoundException">The agency is not scored in both rounds.</exception>
    public IReadOnlyList<AppraisalChange> Cuts(string agencyId) => Changes(agencyId).Where(c => c.IsCut).ToList();

    /// <summary>Notes on an agency that no changed criterion reads (a note on an input whose criterion kept its points), so that none is lost.</summary>
    public IReadOnlyList<AppraisalNote> OtherNotes(string agencyId)
    {
        var attached = Comparison.Find(agencyId) is null ? [] : Changes(agencyId).SelectMany(c => c.Notes).ToHashSet();
        return Notes.Of(agencyId).Where(n => !attached.Contains(n)).ToList();
    }

    /// <summary>One PAR0702 warning per agency scored in one round only, naming the round it is missing from and why.</summary>
    public IReadOnlyList<Diagnostic> Warnings =>
        SelfOnly.Select(a => Warning(a, EngineText.Get("RoundSelf"), EngineText.Get("RoundAppraised"), Appraised))
            .Concat(AppraisedOnly.Select(a => Warning(a, EngineText.Get("RoundAppraised"), EngineText.Get("RoundSelf"), Self)))
            .ToList();

    private static Diagnostic Warning(UnmatchedAgency agency, string present, string missing, ScoreReport other)
    {
        var why = agency.Rejection is { } rejection ? EngineText.Format("RoundRowRejected", rejection) : EngineText.Get("RoundNoRow");
        return Diagnostic.Create(DiagnosticCatalog.AgencyInOneRound, "OneRound", DiagnosticSeverity.Warning,
            new SourceLocation(other.DataSource, null, 0, 0), agency.AgencyId, present, agency.Score.Total, missing, why);
    }
}

/// <summary>A criterion whose points the appraisal changed, with the notes on the inputs it reads.</summary>
/// <param name="Criterion">Self-assessed (first) and appraised (second) points.</param>
/// <param name="Notes">The appraiser's notes on the inputs the criterion reads.</param>
public sealed record AppraisalChange(CriterionChange Criterion, IReadOnlyList<AppraisalNote> Notes)
{
    /// <summary>True when the appraisal lowered the points.</summary>
    public bool IsCut => Criterion.Difference < 0;
}
