using Newtonsoft.Json;
using ParIndex.RulesEngine.Results.Writers;
using ParIndex.RulesEngine.Resources;

namespace ParIndex.RulesEngine.Results.Diff;

/// <summary>Writes a <see cref="ResultsComparison"/> as text tables (as <c>parindex diff</c> prints it) or as JSON.</summary>
public static class ResultsDiffWriter
{
    /// <summary>Writes the comparison as aligned text: agencies (score and rank change), then the criteria that changed most.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="output">Where to write.</param>
    public static void Write(ResultsComparison comparison, TextWriter output)
    {
        var before = comparison.Before;
        var after = comparison.After;
        output.WriteLine(EngineText.Format("DiffBefore", DisplayText.Escape($"{before.Source} ({before.RuleSetLabel})")));
        output.WriteLine(EngineText.Format("DiffAfter", DisplayText.Escape($"{after.Source} ({after.RuleSetLabel})")));
        if (before.RuleSetLabel != after.RuleSetLabel) output.WriteLine(EngineText.Get("DiffRuleSetsDiffer"));
        output.WriteLine(EngineText.Format("DiffCounts", comparison.Agencies.Count, comparison.OnlyBefore.Count, comparison.OnlyAfter.Count));

        output.WriteLine();
        output.WriteLine(EngineText.Get("DiffAgenciesHeading"));
        var agencies = new TextTable((EngineText.Get("TableId"), false), (EngineText.Get("TableName"), false), (EngineText.Get("TableTotalBefore"), true), (EngineText.Get("TableTotalAfter"), true), (EngineText.Get("TableTotalChange"), true),
            (EngineText.Get("TablePercentBefore"), true), (EngineText.Get("TablePercentAfter"), true), ("Δ %", true), (EngineText.Get("TableRankBefore"), true), (EngineText.Get("TableRankAfter"), true), (EngineText.Get("TableChange"), true), (EngineText.Get("TableClass"), false));
        foreach (var a in comparison.Agencies)
            agencies.Add(a.AgencyId, a.Name ?? "", Format.Number(a.TotalBefore), Format.Number(a.TotalAfter), Signed(a.TotalChange),
                Format.Number(a.PercentBefore), Format.Number(a.PercentAfter), Signed(a.PercentChange),
                Rank(a.RankBefore), Rank(a.RankAfter), Format.Change(a.RankChange),
                a.ClassificationBefore == a.ClassificationAfter ? a.ClassificationAfter ?? "" : $"{a.ClassificationBefore ?? "–"} → {a.ClassificationAfter ?? "–"}");
        output.Write(agencies.ToString());
        if (comparison.OnlyBefore.Count > 0) output.WriteLine(EngineText.Format("DiffOnlyBefore", DisplayText.Escape(string.Join(", ", comparison.OnlyBefore))));
        if (comparison.OnlyAfter.Count > 0) output.WriteLine(EngineText.Format("DiffOnlyAfter", DisplayText.Escape(string.Join(", ", comparison.OnlyAfter))));

        output.WriteLine();
        output.WriteLine(EngineText.Format("DiffCriteriaHeading", comparison.Criteria.Count, comparison.CriteriaCompared));
        if (comparison.CriteriaCompared == 0)
            output.WriteLine(EngineText.Get("DiffNoCriterion"));
        else
        {
            var criteria = new TextTable((EngineText.Get("TableCode"), false), (EngineText.Get("TableCriterion"), false), (EngineText.Get("TableMeanAbsChange"), true), (EngineText.Get("TableMeanChange"), true), (EngineText.Get("TableLargestChange"), true), (EngineText.Get("TableAgency"), false), (EngineText.Get("TableChanged"), true));
            foreach (var c in comparison.Criteria)
                criteria.Add(c.Code, Report.Html.Shorten(c.Title ?? "", 60), Mean(c.MeanAbsoluteChange), Signed(c.MeanChange, Mean), Signed(c.LargestChange),
                    c.LargestChangeAgencyId ?? "", $"{c.AgenciesChanged}/{c.Agencies}");
            output.Write(criteria.ToString());
        }
        if (comparison.CriteriaOnlyBefore.Count > 0) output.WriteLine(EngineText.Format("DiffCriteriaOnlyBefore", DisplayText.Escape(string.Join(", ", comparison.CriteriaOnlyBefore))));
        if (comparison.CriteriaOnlyAfter.Count > 0) output.WriteLine(EngineText.Format("DiffCriteriaOnlyAfter", DisplayText.Escape(string.Join(", ", comparison.CriteriaOnlyAfter))));
    }

    /// <summary>Writes the comparison as indented JSON.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="output">Where to write.</param>
    public static void WriteJson(ResultsComparison comparison, TextWriter output)
    {
        var document = new
        {
            before = new { source = comparison.Before.Source, ruleSet = comparison.Before.RuleSetLabel },
            after = new { source = comparison.After.Source, ruleSet = comparison.After.RuleSetLabel },
            agencies = comparison.Agencies.Select(a => new
            {
                agencyId = a.AgencyId, name = a.Name, group = a.Group,
                totalBefore = a.TotalBefore, totalAfter = a.TotalAfter, totalChange = a.TotalChange,
                percentBefore = a.PercentBefore, percentAfter = a.PercentAfter, percentChange = a.PercentChange,
                rankBefore = a.RankBefore, rankAfter = a.RankAfter, rankChange = a.RankChange,
                overallRankBefore = a.OverallRankBefore, overallRankAfter = a.OverallRankAfter, overallRankChange = a.OverallRankChange,
                classificationBefore = a.ClassificationBefore, classificationAfter = a.ClassificationAfter,
            }),
            onlyBefore = comparison.OnlyBefore,
            onlyAfter = comparison.OnlyAfter,
            criteriaCompared = comparison.CriteriaCompared,
            criteria = comparison.Criteria.Select(c => new
            {
                code = c.Code, title = c.Title, meanAbsoluteChange = c.MeanAbsoluteChange, meanChange = c.MeanChange,
                largestChange = c.LargestChange, largestChangeAgencyId = c.LargestChangeAgencyId, agencies = c.Agencies, agenciesChanged = c.AgenciesChanged,
            }),
            criteriaOnlyBefore = comparison.CriteriaOnlyBefore,
            criteriaOnlyAfter = comparison.CriteriaOnlyAfter,
        };
        using var json = new JsonTextWriter(output) { Formatting = Formatting.Indented, CloseOutput = false };
        JsonSerializer.CreateDefault().Serialize(json, document);
        output.WriteLine();
    }

    private static string Signed(double value) => Signed(value, Format.Number);

    private static string Signed(double value, Func<double, string> format) => value > 0 ? "+" + format(value) : format(value);

    /// <summary>Means to four decimals: enough to order criteria, short enough to read.</summary>
    private static string Mean(double value) => Math.Round(value, 4).ToString("0.####", System.Globalization.CultureInfo.InvariantCulture);

    private static string Rank(int rank) => rank.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
