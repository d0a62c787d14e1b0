using ParIndex.RulesEngine.Results.Diff;
using ParIndex.RulesEngine.Results.Report;
using ParIndex.RulesEngine.Results.Writers;

namespace ParIndex.RulesEngine.Tests.Packaging;

/// <summary>
/// Reports live in ParIndex.RulesEngine.Reporting, built on the core and never the other way round:
/// the core's public surface keeps scoring, data and results (CSV, JSON, the results table), the
/// Reporting assembly has every document for people, and the core does not reference it.
/// </summary>
[TestClass]
public sealed class ReportingSplitTests
{
    private static readonly System.Reflection.Assembly Core = typeof(RuleSetLoader).Assembly;
    private static readonly System.Reflection.Assembly Reporting = typeof(HtmlReportWriter).Assembly;

    /// <summary>The writers of reports for people, by the namespace users already import (a package split, not a rename).</summary>
    private static readonly string[] ReportTypes =
    [
        "ParIndex.RulesEngine.Results.Report.HtmlReportWriter", "ParIndex.RulesEngine.Results.Report.HtmlReportOptions",
        "ParIndex.RulesEngine.Results.Report.SvgChart", "ParIndex.RulesEngine.Results.Diff.ResultsComparer",
        "ParIndex.RulesEngine.Results.Diff.ResultsDiffWriter", "ParIndex.RulesEngine.Results.Diff.ResultsComparison",
        "ParIndex.RulesEngine.Results.Workbooks.XlsxResultWriter", "ParIndex.RulesEngine.Results.Workbooks.DataEntryTemplate",
        "ParIndex.RulesEngine.Results.Writers.ShortfallWriter", "ParIndex.RulesEngine.Results.Writers.CriteriaDetailWriter",
        "ParIndex.RulesEngine.Results.Plan.PlanTableWriter", "ParIndex.RulesEngine.Results.WhatIf.WhatIfTableWriter",
        "ParIndex.RulesEngine.Results.Rounds.AppraisalTableWriter",
    ];

    [TestMethod]
    public void Report_writers_are_public_in_the_Reporting_assembly_and_absent_from_the_core()
    {
        Assert.AreEqual("ParIndex.RulesEngine.Reporting", Reporting.GetName().Name);
        var reporting = Reporting.GetExportedTypes().Select(t => t.FullName!).ToHashSet(StringComparer.Ordinal);
        var core = Core.GetExportedTypes().Select(t => t.FullName!).ToHashSet(StringComparer.Ordinal);
        foreach (var name in ReportTypes)
        {
            Assert.Contains(name, reporting, $"{name} in the Reporting assembly");
            Assert.DoesNotContain(name, core, $"{name} must have left the core");
        }
        Assert.IsEmpty(reporting.Intersect(core).ToList(), "no type is public in both assemblies");
        // Whole namespaces moved: the HTML report with its charts, the workbooks. (Results.Diff keeps
        // ResultsFile in the core: it reads previous results for rank change and history.)
        var movedNamespaces = new[] { "ParIndex.RulesEngine.Results.Report", "ParIndex.RulesEngine.Results.Workbooks" };
        var left = Core.GetExportedTypes().Where(t => movedNamespaces.Contains(t.Namespace)).Select(t => t.FullName).ToList();
        Assert.IsEmpty(left, "core types left in the reporting namespaces: " + string.Join(", ", left));
    }

    [TestMethod]
    public void Results_formats_a_run_writes_stay_in_the_core()
    {
        // What `score` streams (CSV, JSON, the table) is the core's: a scoring app needs no report package.
        foreach (var type in new[] { typeof(CsvResultWriter), typeof(JsonResultWriter), typeof(TableResultWriter), typeof(ResultsFile) })
            Assert.AreSame(Core, type.Assembly, type.Name);
    }

    [TestMethod]
    public void The_core_does_not_reference_the_Reporting_assembly_and_Reporting_references_the_core()
    {
        var coreReferences = Core.GetReferencedAssemblies().Select(a => a.Name).ToList();
        CollectionAssert.DoesNotContain(coreReferences, "ParIndex.RulesEngine.Reporting");
        var reportingReferences = Reporting.GetReferencedAssemblies().ToList();
        var core = reportingReferences.Single(a => a.Name == "ParIndex.RulesEngine");
        Assert.AreEqual(Core.GetName().Version, core.Version, "Reporting is built against this core");
    }
}
