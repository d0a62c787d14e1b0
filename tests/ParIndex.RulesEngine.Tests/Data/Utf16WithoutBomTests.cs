using System.Text;
using ParIndex.RulesEngine.Data;
using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.DataTests.DataRuleSets;

namespace ParIndex.RulesEngine.Tests.DataTests;

/// <summary>UTF-16 without a byte order mark is recognised and read as UTF-16, with a clear warning.</summary>
[TestClass]
public sealed class Utf16WithoutBomTests
{
    private const string Csv = "agencyId,agencyName,score,reported,kind,extra\nA,Sở Nội vụ,50,true,so,1\n";

    [TestMethod]
    [DataRow(false, "UTF-16 LE", DisplayName = "little endian")]
    [DataRow(true, "UTF-16 BE", DisplayName = "big endian")]
    public void Csv_in_utf16_without_a_bom_is_read_and_reported(bool bigEndian, string name)
    {
        var bytes = new UnicodeEncoding(bigEndian, byteOrderMark: false).GetBytes(Csv);
        using var file = WriteTemp("data.csv", bytes);
        var batch = CsvAgencyReader.ReadFile(Basic, file.Path);
        Assert.AreEqual(1, batch.Count, Describe(batch));
        Assert.AreEqual("Sở Nội vụ", batch.AgencyNames.Single());
        var warning = batch.Diagnostics.Single();
        Assert.AreEqual((DiagnosticSeverity.Warning, DiagnosticCodes.Utf16WithoutBom), (warning.Severity, warning.Code));
        Assert.AreEqual($"The file is {name} without a byte order mark; it was read as {name}. Save it as UTF-8 so that every program reads it the same way.", warning.Message);
    }

    [TestMethod]
    public void Json_in_utf16_le_without_a_bom_is_read()
    {
        var bytes = Encoding.Unicode.GetBytes("""[{ "agencyId": "A", "score": 50, "reported": true, "kind": "so" }]""");
        using var file = WriteTemp("data.json", bytes);
        var batch = JsonAgencyReader.ReadFile(Basic, file.Path);
        Assert.AreEqual((1, DiagnosticCodes.Utf16WithoutBom), (batch.Count, batch.Diagnostics.Single().Code));
    }

    [TestMethod]
    public void Utf8_and_utf16_with_a_bom_are_not_reported()
    {
        using var utf8 = WriteTemp("data.csv", Encoding.UTF8.GetBytes(Csv));
        using var utf16 = WriteTemp("data.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Csv)]);
        Assert.AreEqual(0, CsvAgencyReader.ReadFile(Basic, utf8.Path).Diagnostics.Count);
        Assert.AreEqual(0, CsvAgencyReader.ReadFile(Basic, utf16.Path).Diagnostics.Count);
    }
}
