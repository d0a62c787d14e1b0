using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Results.History;

namespace ParIndex.RulesEngine.Tests.History;

/// <summary>Reading earlier results files (period from the name) and agency id mappings.</summary>
[TestClass]
public sealed class ResultsHistoryReaderTests
{
    private const string Csv = """
        agencyId,agencyName,group,total,maxPoints,percent,classification,rank,overallRank,previousRank,rankChange
        A,Unit A,,9,10,90,Tốt,1,1,,
        B,Unit B,,8.5,10,85,Khá,2,2,,
        """;

    [TestMethod]
    [DataRow("results-2023.csv", 2023)]
    [DataRow("units_2021.results.json", 2021)]
    [DataRow("2019.csv", 2019)]
    [DataRow("2023-vs-2023.csv", 2023)]
    [DataRow("results.csv", null)]
    [DataRow("results-2022-2023.csv", null)]
    [DataRow("results-20231.csv", null)]
    public void The_period_is_the_one_year_in_the_file_name(string name, int? year) =>
        Assert.AreEqual(year, ResultsHistoryReader.YearOf(name));

    [TestMethod]
    public void A_results_csv_gives_percent_rank_and_overall_rank()
    {
        var period = ResultsHistoryReader.Read(Csv, "results-2023.csv", 2023);

        Assert.AreEqual(2023, period.Year);
        Assert.AreEqual((85.0, 2, (int?)2), (period.Agencies["B"].Percent, period.Agencies["B"].Rank, period.Agencies["B"].OverallRank));
    }

    [TestMethod]
    public void A_results_json_gives_the_same()
    {
        const string json = """
            { "ruleSet": { "id": "r", "version": "1", "title": "T" },
              "agencies": [ { "agencyId": "A", "total": 9, "maxPoints": 10, "percent": 90, "rank": 1, "overallRank": 1 } ] }
            """;

        var period = ResultsHistoryReader.Read(json, "results-2023.json", 2023);

        Assert.AreEqual((90.0, 1), (period.Agencies["A"].Percent, period.Agencies["A"].Rank));
    }

    [TestMethod]
    public void A_bad_percent_is_an_error_at_its_cell()
    {
        var text = Csv.Replace("9,10,90,Tốt", "9,10,ninety,Tốt", StringComparison.Ordinal);

        var error = Assert.ThrowsExactly<FormatException>(() => ResultsHistoryReader.Read(text, "r-2023.csv", 2023));

        // Line 2, column 13: "A,Unit A,,9,10," is 15 characters... the cell starts after the fifth comma.
        StringAssert.StartsWith(error.Message, $"r-2023.csv(2,{"A,Unit A,,9,10,".Length + 1}): agency 'A': percent 'ninety'");
    }

    [TestMethod]
    public void A_csv_without_percent_is_refused_with_the_column_named()
    {
        const string text = "agencyId,rank\nA,1\n";

        var error = Assert.ThrowsExactly<FormatException>(() => ResultsHistoryReader.Read(text, "r-2023.csv", 2023));

        StringAssert.Contains(error.Message, "no column 'percent'");
    }

    [TestMethod]
    public void Files_and_folders_are_read_newest_first_and_a_name_without_year_is_refused()
    {
        var folder = Directory.CreateTempSubdirectory("parindex-history-");
        try
        {
            var inFolder = Path.Combine(folder.FullName, "earlier");
            Directory.CreateDirectory(inFolder);
            File.WriteAllText(Path.Combine(inFolder, "results-2021.csv"), Csv);
            File.WriteAllText(Path.Combine(inFolder, "notes.txt"), "not a results file");
            var single = Path.Combine(folder.FullName, "results-2023.csv");
            File.WriteAllText(single, Csv);

            var history = ResultsHistoryReader.ReadFiles([inFolder, single]);

            // The folder gives its .csv (not the .txt); 2023 is k = 1.
            CollectionAssert.AreEqual(new[] { 2023, 2021 }, history.Periods.Select(p => p.Year).ToArray());

            var noYear = Path.Combine(folder.FullName, "latest.csv");
            File.WriteAllText(noYear, Csv);
            var error = Assert.ThrowsExactly<FormatException>(() => ResultsHistoryReader.ReadFiles([noYear]));
            StringAssert.Contains(error.Message, DiagnosticCodes.HistoryFile);
            StringAssert.Contains(error.Message, "latest.csv");

            var twice = Assert.ThrowsExactly<FormatException>(() => ResultsHistoryReader.ReadFiles([single, inFolder, Path.Combine(inFolder, "results-2021.csv")]));
            StringAssert.Contains(twice.Message, "the period 2021 is given twice");
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [TestMethod]
    public void An_id_map_is_read_from_oldId_and_newId_columns()
    {
        var map = AgencyIdMapReader.Read("oldId,newId,note\nSKHDT,STC,merged 2025\nSTTTT,SKHCN,\n", "map.csv");

        Assert.AreEqual(("STC", "SKHCN", 2), (map.Resolve("SKHDT"), map.Resolve("STTTT"), map.Count));
    }

    [TestMethod]
    [DataRow("oldId,newId\nA,B\nA,C\n", "map.csv(3,1): PAR0714: 'A' is mapped twice (first on line 2)")]
    [DataRow("oldId,newId\nA,\n", "map.csv(2,3): PAR0714: the id is empty")]
    [DataRow("oldId,newId\nA,B\nB,A\n", "cycle: A → B → A")]
    [DataRow("old,new\nA,B\n", "no column 'oldId'")]
    public void A_bad_id_map_is_refused_with_the_place(string text, string expected)
    {
        var error = Assert.ThrowsExactly<FormatException>(() => AgencyIdMapReader.Read(text, "map.csv"));

        StringAssert.Contains(error.Message, expected);
    }
}
