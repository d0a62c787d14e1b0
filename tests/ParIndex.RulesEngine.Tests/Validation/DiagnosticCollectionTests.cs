using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.Validation.RuleFileChecks;

namespace ParIndex.RulesEngine.Tests.Validation;

/// <summary>All problems are collected and reported together, by every entry point.</summary>
[TestClass]
public sealed class DiagnosticCollectionTests
{
    // Three independent errors: an unknown name (line 6), a repeated criterion code (line 7,
    // the second criterion opens at column 5) and an unknown function (line 8).
    private const string ThreeErrors = """
        {
          "id": "t", "title": "T", "version": "1",
          "inputs": [ { "name": "x", "type": "number" } ],
          "criteria": [
            { "code": "1", "title": "A", "max": 1,
              "formula": "y" },
            { "code": "1", "title": "B", "max": 1,
              "formula": "Foo(x)" }
          ]
        }
        """;

    [TestMethod]
    public void One_file_with_three_independent_errors_gives_three_diagnostics()
    {
        var diagnostics = Errors(ThreeErrors);
        Assert.AreEqual(3, diagnostics.Count, Describe(diagnostics));
        // Formula columns: opening quote in column 18, the names at offset 0: column 19.
        AssertAt(Single(diagnostics, DiagnosticCodes.UnknownName), 6, 19, "criteria[0].formula");
        AssertAt(Single(diagnostics, DiagnosticCodes.DuplicateName), 7, 5, "criteria[1]");
        AssertAt(Single(diagnostics, DiagnosticCodes.UnknownFunction), 8, 19, "criteria[1].formula");
        Assert.IsTrue(diagnostics.All(d => d.IsError));
    }

    [TestMethod]
    public void LoadJson_throws_a_RuleSetException_carrying_every_diagnostic()
    {
        var exception = Assert.ThrowsExactly<RuleSetException>(() => RuleSetLoader.LoadJson(ThreeErrors, FileName));
        Assert.AreEqual(3, exception.Diagnostics.Count, Describe(exception.Diagnostics));
        CollectionAssert.AreEquivalent(
            new[] { DiagnosticCodes.UnknownName, DiagnosticCodes.DuplicateName, DiagnosticCodes.UnknownFunction },
            exception.Diagnostics.Select(d => d.Code).ToArray());
        Assert.Contains("3 error(s)", exception.Message);
        foreach (var diagnostic in exception.Diagnostics)
            Assert.Contains(diagnostic.ToString(), exception.Message);
    }

    [TestMethod]
    public void TryLoadJson_does_not_throw_and_returns_no_rule_set()
    {
        var result = RuleSetLoader.TryLoadJson(ThreeErrors, FileName);
        Assert.IsFalse(result.Success);
        Assert.IsNull(result.RuleSet);
        Assert.AreEqual(3, result.Diagnostics.Count(d => d.IsError));
    }

    [TestMethod]
    public void Diagnostic_formats_as_file_line_column_severity_code_message_and_path()
    {
        var error = Single(Errors(ThreeErrors), DiagnosticCodes.UnknownName);
        Assert.AreEqual("rules.json(6,19): error PAR0301: " + error.Message + " [at criteria[0].formula]", error.ToString());
    }

    [TestMethod]
    public void ValidateFile_on_a_missing_file_gives_PAR0101()
    {
        var path = Path.Combine(Path.GetTempPath(), "parindex-tests-" + Guid.NewGuid().ToString("N"), "missing.json");
        var diagnostics = RuleSetLoader.ValidateFile(path);
        var error = Single(diagnostics, DiagnosticCodes.FileUnreadable);
        Assert.AreEqual(1, diagnostics.Count);
        Assert.IsTrue(error.IsError);
        Assert.AreEqual(path, error.Location.File);
        Assert.Contains("does not exist", error.Message);
        Assert.ThrowsExactly<RuleSetException>(() => RuleSetLoader.LoadFile(path));
    }

    [TestMethod]
    public void ValidateFile_reports_locations_in_the_file_it_was_given()
    {
        var directory = Directory.CreateTempSubdirectory("parindex-tests-");
        try
        {
            var path = Path.Combine(directory.FullName, "bad.json");
            File.WriteAllText(path, ThreeErrors);
            var diagnostics = RuleSetLoader.ValidateFile(path);
            Assert.AreEqual(3, diagnostics.Count, Describe(diagnostics));
            Assert.IsTrue(diagnostics.All(d => d.Location.File == path), Describe(diagnostics));
            Assert.IsTrue(diagnostics.Single(d => d.Code == DiagnosticCodes.UnknownName).ToString().StartsWith(path + "(6,19): error PAR0301: ", StringComparison.Ordinal));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
