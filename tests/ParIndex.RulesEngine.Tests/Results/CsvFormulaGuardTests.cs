using ParIndex.RulesEngine.Results.Writers;

// Not "ParIndex.RulesEngine.Tests.Results": that namespace would hide ParIndex.RulesEngine.Results in other tests.
namespace ParIndex.RulesEngine.Tests.ResultWriters;

/// <summary>The OWASP prefix for formula-leading CSV text cells, and that reading undoes exactly it.</summary>
[TestClass]
public sealed class CsvFormulaGuardTests
{
    [TestMethod]
    [DataRow("=SUM(A1)", "'=SUM(A1)")]
    [DataRow("+84", "'+84")]
    [DataRow("-x", "'-x")]
    [DataRow("@cmd", "'@cmd")]
    [DataRow("\tx", "'\tx")]
    [DataRow("\rx", "'\rx")]
    [DataRow("'=x", "''=x")]
    [DataRow("'x", "'x")]
    [DataRow("Sở A", "Sở A")]
    [DataRow("", "")]
    [DataRow("a=b", "a=b")]
    public void Escape_prefixes_one_quote_and_unescape_restores_the_cell(string cell, string written)
    {
        Assert.AreEqual(written, CsvFormulaGuard.Escape(cell));
        Assert.AreEqual(cell, CsvFormulaGuard.Unescape(written));
    }
}
