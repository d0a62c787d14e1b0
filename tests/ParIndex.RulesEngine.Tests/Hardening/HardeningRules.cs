using Newtonsoft.Json;
using ParIndex.RulesEngine.Diagnostics;

namespace ParIndex.RulesEngine.Tests.Hardening;

/// <summary>Small rule files and checks shared by the hardening tests.</summary>
internal static class HardeningRules
{
    /// <summary>The codes a rejected formula may carry: formula checks (PAR0401–0405) and the sandbox (PAR0501).</summary>
    public static readonly IReadOnlySet<string> FormulaRejectionCodes = new HashSet<string>(StringComparer.Ordinal)
    {
        DiagnosticCodes.FormulaSyntax, DiagnosticCodes.ForbiddenConstruct, DiagnosticCodes.UnknownFunction,
        DiagnosticCodes.FormulaType, DiagnosticCodes.InvalidAggregate, DiagnosticCodes.SandboxViolation,
    };

    /// <summary>
    /// A rule file whose criterion <paramref name="code"/> scores <paramref name="formula"/>. Inputs:
    /// numbers a, b, File and system; text s (missing allowed); enum kind (so, huyen, xa); bool flag.
    /// </summary>
    public static string WithFormula(string formula, string code = "H", string title = "Hostile formula") => $$"""
        {
          "id": "hardening", "title": "Hardening", "version": "1",
          "inputs": [
            { "name": "a", "type": "number" }, { "name": "b", "type": "number" },
            { "name": "s", "type": "text", "missing": "allow" },
            { "name": "kind", "type": "enum", "values": ["so", "huyen", "xa"] },
            { "name": "flag", "type": "bool" },
            { "name": "File", "type": "number" }, { "name": "system", "type": "number" }
          ],
          "criteria": [
            { "code": {{JsonConvert.ToString(code)}}, "title": {{JsonConvert.ToString(title)}}, "max": 1,
              "formula": {{JsonConvert.ToString(formula)}} }
          ]
        }
        """;

    /// <summary>Values for every input of <see cref="WithFormula"/>.</summary>
    public static Dictionary<string, object?> Values(double a = 2, double b = 4) => new()
    {
        ["a"] = a, ["b"] = b, ["s"] = "text", ["kind"] = "so", ["flag"] = true, ["File"] = 1d, ["system"] = 1d,
    };

    /// <summary>All diagnostics, one per line, for assertion messages.</summary>
    public static string Describe(IEnumerable<Diagnostic> diagnostics) =>
        string.Join(Environment.NewLine, diagnostics.Select(d => "    " + d));
}
