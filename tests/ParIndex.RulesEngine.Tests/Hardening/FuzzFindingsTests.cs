using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.Hardening.HardeningRules;

namespace ParIndex.RulesEngine.Tests.Hardening;

/// <summary>Crashes the fuzzer found, kept as plain regression tests.</summary>
[TestClass]
public sealed class FuzzFindingsTests
{
    [TestMethod]
    [DataRow("99999999999999999999999999999999", DisplayName = "a 32-digit integer (BigInteger: the schema validator threw InvalidCastException)")]
    [DataRow("-9223372036854775809", DisplayName = "an integer just below long.MinValue")]
    [DataRow("1e999", DisplayName = "1e999 (read as infinity)")]
    [DataRow("NaN", DisplayName = "NaN (a Newtonsoft extension)")]
    [DataRow("-Infinity", DisplayName = "-Infinity (a Newtonsoft extension)")]
    public void A_number_out_of_range_in_a_rule_file_is_a_diagnostic(string number)
    {
        var json = WithFormula("a").Replace("\"max\": 1", $"\"max\": {number}", StringComparison.Ordinal);
        var result = RuleSetLoader.TryLoadJson(json, "numbers.json");
        result.RuleSet?.Dispose();
        Assert.IsNull(result.RuleSet);
        var error = result.Diagnostics.FirstOrDefault(d => d.Code == DiagnosticCodes.MalformedJson);
        Assert.IsNotNull(error, Describe(result.Diagnostics));
        StringAssert.Contains(error.Message, "out of range");
        Assert.AreEqual("criteria[0].max", error.Location.JsonPath);
    }
}
