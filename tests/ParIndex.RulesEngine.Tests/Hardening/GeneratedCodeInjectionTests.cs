using ParIndex.RulesEngine.Compilation;
using ParIndex.RulesEngine.Diagnostics;
using static ParIndex.RulesEngine.Tests.Hardening.HardeningRules;

namespace ParIndex.RulesEngine.Tests.Hardening;

/// <summary>
/// Rule text that is not a formula (titles, codes, the version) ends up in comments of the
/// generated kernel. It must never become code: the generator keeps it on one comment line, the
/// binder refuses malformed codes and names, and, independently, the sandbox verifier refuses a
/// generated file that departs from the generator's outline (tested here on tampered source).
/// </summary>
[TestClass]
public sealed class GeneratedCodeInjectionTests
{
    private const string Payload = "System.IO.File.WriteAllText(\"MARKER\", \"injected code ran\");";

    private static string Marker() => Path.Combine(Path.GetTempPath(), $"parindex-injection-{Guid.NewGuid():N}");

    [TestMethod]
    [DataRow("\n", DisplayName = "line feed")]
    [DataRow("\r", DisplayName = "carriage return")]
    [DataRow("\u0085", DisplayName = "U+0085 next line")]
    [DataRow("\u2028", DisplayName = "U+2028 line separator")]
    [DataRow("\u2029", DisplayName = "U+2029 paragraph separator")]
    public void A_line_break_in_a_title_does_not_turn_the_rest_into_code(string lineBreak)
    {
        var marker = Marker();
        var result = RuleSetLoader.TryLoadJson(WithFormula("a", title: "Points" + lineBreak + Payload.Replace("MARKER", marker, StringComparison.Ordinal)), "inject.json");
        using var rules = result.RuleSet;
        if (rules is not null)
        {
            var batch = rules.CreateBatch();
            batch.Add("A", Values());
            Assert.AreEqual(1, rules.Score(batch.Build()).Find("A")!.Total);
            Assert.IsFalse(rules.GeneratedSource.Split('\n').Any(l => l.TrimStart().StartsWith("System.IO.File", StringComparison.Ordinal)), rules.GeneratedSource);
        }
        Assert.IsFalse(File.Exists(marker), "the title was compiled and run as code");
    }

    [TestMethod]
    [DataRow("H\n", DisplayName = "code with a trailing line feed")]
    [DataRow("H\u2028", DisplayName = "code with a trailing line separator")]
    public void A_criterion_code_that_is_not_a_code_is_refused(string code)
    {
        // The schema pattern ends in '$', which .NET also matches before a final '\n'.
        var marker = Marker();
        var result = RuleSetLoader.TryLoadJson(WithFormula("a", code: code, title: Payload.Replace("MARKER", marker, StringComparison.Ordinal)), "inject.json");
        result.RuleSet?.Dispose();
        Assert.IsFalse(result.Success, Describe(result.Diagnostics));
        Assert.IsTrue(result.Diagnostics.Any(d => d.Code is DiagnosticCodes.ReservedName or DiagnosticCodes.SchemaViolation), Describe(result.Diagnostics));
        Assert.IsFalse(File.Exists(marker));
    }

    [TestMethod]
    public void An_input_name_with_a_trailing_line_feed_is_refused()
    {
        var json = WithFormula("a").Replace("\"name\": \"b\"", "\"name\": \"b\\n\"", StringComparison.Ordinal);
        var result = RuleSetLoader.TryLoadJson(json, "inject.json");
        result.RuleSet?.Dispose();
        Assert.IsFalse(result.Success, Describe(result.Diagnostics));
        // The schema pattern now refuses it (its '$' no longer matches before a final line break);
        // the binder's own spelling check stays behind it.
        Assert.IsTrue(result.Diagnostics.Any(d => d.Code == DiagnosticCodes.SchemaViolation && d.Location.JsonPath == "inputs[1].name"), Describe(result.Diagnostics));
    }

    [TestMethod]
    [DataRow("\u2028" + Payload, "line break U+2028", DisplayName = "U+2028 then a file write")]
    [DataRow("\n" + Payload, "System.IO.File", DisplayName = "line feed then a file write")]
    [DataRow("\nwhile (true) { }", "WhileStatement", DisplayName = "an endless loop")]
    [DataRow("\nfor (;;) { }", "a loop that does not count up", DisplayName = "an endless for loop")]
    [DataRow("\nComputeScores(__f, __start, __end);", "ComputeScores", DisplayName = "recursion into the kernel")]
    [DataRow("\nvar __o = new object();", "ObjectCreationExpression", DisplayName = "an allocation")]
    [DataRow("\n#if false\n#endif", "IfDirectiveTrivia", DisplayName = "a preprocessor directive")]
    [DataRow("\nSystem.Action __d = () => { };", "ParenthesizedLambdaExpression", DisplayName = "a lambda")]
    [DataRow("\ndouble __boxed = (double)(object)1d;", "a cast to 'object'", DisplayName = "a boxing cast")]
    public void The_verifier_refuses_code_injected_after_a_comment(string injected, string named)
    {
        var source = Generated();
        var comment = source.Text.IndexOf("// H ", StringComparison.Ordinal);
        var tampered = Insert(source, source.Text.IndexOf('\n', comment), injected.Replace("MARKER", Marker(), StringComparison.Ordinal));
        AssertRefused(tampered, named);
    }

    [TestMethod]
    [DataRow("using static", "using System.IO;\n", "using directive", DisplayName = "an extra using")]
    [DataRow("namespace", "[assembly: System.Reflection.AssemblyTitle(\"x\")]\n", "assembly attribute", DisplayName = "an assembly attribute")]
    public void The_verifier_refuses_extra_declarations_at_the_top(string before, string injected, string named)
    {
        var source = Generated();
        var tampered = Insert(source, source.Text.IndexOf(before, StringComparison.Ordinal), injected);
        AssertRefused(tampered, named);
    }

    [TestMethod]
    public void The_verifier_refuses_a_module_initializer_appended_to_the_file()
    {
        var source = Generated();
        const string initializer = """
            namespace Evil { internal static class Init {
              [System.Runtime.CompilerServices.ModuleInitializer] internal static void Run() => System.Environment.SetEnvironmentVariable("PWNED", "1");
            } }
            """;
        AssertRefused(Insert(source, source.Text.Length, "\n" + initializer), "declaration outside the generated namespace");
    }

    [TestMethod]
    public void The_untampered_source_passes_the_verifier()
    {
        var diagnostics = new DiagnosticBag();
        Assert.IsNotNull(RoslynCompiler.Compile(Generated(), "untampered", diagnostics, CancellationToken.None), Describe(diagnostics.Items));
    }

    /// <summary>The generated source of a small rule set with a criterion H, a variable, bands and an eligibility rule.</summary>
    private static GeneratedSource Generated()
    {
        using var rules = RuleSetLoader.LoadJson(WithFormula("Ratio(a, b) + IfMissing(a, 0)"), "inject.json");
        return KernelGenerator.Generate(rules.Bound);
    }

    private static GeneratedSource Insert(GeneratedSource source, int position, string text) => new(
        source.Text.Insert(position, text),
        source.Spans.Select(s => s.Start >= position ? s with { Start = s.Start + text.Length } : s).ToList());

    private static void AssertRefused(GeneratedSource tampered, string named)
    {
        var diagnostics = new DiagnosticBag();
        var image = RoslynCompiler.Compile(tampered, "tampered", diagnostics, CancellationToken.None);
        Assert.IsNull(image, "the tampered kernel was emitted:" + Environment.NewLine + tampered.Text);
        Assert.IsTrue(diagnostics.Items.Any(d => d.Code == DiagnosticCodes.SandboxViolation && d.Message.Contains(named, StringComparison.Ordinal)),
            $"expected PAR0501 naming '{named}':{Environment.NewLine}{Describe(diagnostics.Items)}");
    }
}
