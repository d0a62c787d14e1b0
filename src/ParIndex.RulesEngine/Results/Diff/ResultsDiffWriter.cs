using Newtonsoft.Json;
using ParIndex.RulesEngine.Results.Writers;

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
        output.WriteLine($"Before: {DisplayText.Escape($"{before.Source} ({before.RuleSetLabel})")}");
        output.WriteLine($"After:  {DisplayText.Escape($"{after.Source} ({after.RuleSetLabel})")}");
        if (before.RuleSetLabel != after.RuleSetLabel) output.WriteLine("The rule sets differ: changes come from the rules as well as from the data.");
        output.WriteLine($"{comparison.Agencies.Count} agencies in both files, {comparison.OnlyBefore.Count} only before, {comparison.OnlyAfter.Count} only after.");

        output.WriteLine();
        output.WriteLine("== Agencies (by rank after) ==");
        var agencies = new TextTable(("Id", false), ("Name", false), ("Total before", true), ("Total after", true), ("Δ total", true),
            ("% before", true), ("% after", true), ("Δ %", true), ("Rank before", true), ("Rank after", true), ("Change", true), ("Class", false));
        foreach (var a in comparison.Agencies)
            agencies.Add(a.AgencyId, a.Name ?? "", Format.Number(a.TotalBefore), Format.Number(a.TotalAfter), Signed(a.TotalChange),
                Format.Number(a.PercentBefore), Format.Number(a.PercentAfter), Signed(a.PercentChange),
                Rank(a.RankBefore), Rank(a.RankAfter), Format.Change(a.RankChange),
                a.ClassificationBefore == a.ClassificationAfter ? a.ClassificationAfter ?? "" : $"{a.ClassificationBefore ?? "–"} → {a.ClassificationAfter ?? "–"}");
        output.Write(agencies.ToString());
        if (comparison.OnlyBefore.Count > 0) output.WriteLine($"Only before: {DisplayText.Escape(string.Join(", ", comparison.OnlyBefore))}");
        if (comparison.OnlyAfter.Count > 0) output.WriteLine($"Only after: {DisplayText.Escape(string.Join(", ", comparison.OnlyAfter))}");

        output.WriteLine();
        output.WriteLine($"== Criteria that changed most (mean absolute change of points; top {comparison.Criteria.Count} of {comparison.CriteriaCompared}) ==");
        if (comparison.CriteriaCompared == 0)
            output.WriteLine("No criterion to compare: the files have no criteria in common (scored with totals only?).");
        else
        {
            var criteria = new TextTable(("Code", false), ("Criterion", false), ("Mean |Δ|", true), ("Mean Δ", true), ("Largest Δ", true), ("Agency", false), ("Changed", true));
            foreach (var c in comparison.Criteria)
                criteria.Add(c.Code, Report.Html.Shorten(c.Title ?? "", 60), Mean(c.MeanAbsoluteChange), Signed(c.MeanChange, Mean), Signed(c.LargestChange),
                    c.LargestChangeAgencyId ?? "", $"{c.AgenciesChanged}/{c.Agencies}");
            output.Write(criteria.ToString());
        }
        if (comparison.CriteriaOnlyBefore.Count > 0) output.WriteLine($"Criteria only before: {DisplayText.Escape(string.Join(", ", comparison.CriteriaOnlyBefore))}");
        if (comparison.CriteriaOnlyAfter.Count > 0) output.WriteLine($"Criteria only after: {DisplayText.Escape(string.Join(", ", comparison.CriteriaOnlyAfter))}");
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
