using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using ParIndex.RulesEngine.Diagnostics;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Validation;

/// <summary>Every code has one descriptor, a documented anchor and a message in English and in Vietnamese.</summary>
[TestClass]
public sealed partial class DiagnosticCatalogTests
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;
    private static readonly CultureInfo Vietnamese = CultureInfo.GetCultureInfo("vi-VN");

    private static IReadOnlyList<(string Name, string Code)> Codes { get; } = typeof(DiagnosticCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (f.Name, (string)f.GetRawConstantValue()!))
        .ToList();

    [TestMethod]
    public void Every_code_has_exactly_one_descriptor_named_as_its_constant()
    {
        Assert.IsGreaterThan(50, Codes.Count, "the reflection found the codes");
        var descriptors = typeof(DiagnosticCatalog).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
            .Select(f => (f.Name, Descriptor: (DiagnosticDescriptor)f.GetValue(null)!))
            .ToList();
        foreach (var (name, code) in Codes)
        {
            var matching = descriptors.Where(d => d.Descriptor.Id == code).ToList();
            Assert.HasCount(1, matching, code);
            Assert.AreEqual(name, matching[0].Name, code);
            Assert.AreSame(matching[0].Descriptor, DiagnosticCatalog.Find(code));
        }
        Assert.HasCount(Codes.Count, descriptors, "no descriptor without a code");
        CollectionAssert.AreEqual(Codes.Select(c => c.Code).Order(StringComparer.Ordinal).ToList(), DiagnosticCatalog.All.Select(d => d.Id).ToList());
    }

    [TestMethod]
    public void Every_help_link_is_an_anchor_of_the_diagnostics_page()
    {
        var page = File.ReadAllText(RepositoryPaths.Combine("docs", "diagnostics.md"));
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            var anchor = descriptor.HelpLink.Split('#');
            Assert.AreEqual("docs/diagnostics.md", anchor[0]);
            Assert.AreEqual(1, Regex.Matches(page, $"<a id=\"{Regex.Escape(anchor[1])}\"></a>{descriptor.Id} ").Count, descriptor.Id);
        }
    }

    [TestMethod]
    public void Every_message_is_in_both_languages_with_the_same_placeholders()
    {
        foreach (var descriptor in DiagnosticCatalog.All)
        {
            var en = descriptor.GetMessageFormat(English);
            var vi = descriptor.GetMessageFormat(Vietnamese);
            Assert.IsFalse(string.IsNullOrWhiteSpace(descriptor.GetTitle(English)), descriptor.Id);
            Assert.IsFalse(string.IsNullOrWhiteSpace(descriptor.GetTitle(Vietnamese)), descriptor.Id);
            CollectionAssert.AreEquivalent(Placeholders(en), Placeholders(vi), $"{descriptor.Id}: '{en}' / '{vi}'");
            // Same text in both is allowed only where the message is nothing but its arguments.
            if (Regex.IsMatch(en, @"[A-Za-z]{3}"))
                Assert.AreNotEqual(en, vi, $"{descriptor.Id} is not translated");
            // A format that does not parse would throw here.
            descriptor.FormatMessage(Vietnamese, Enumerable.Range(0, 9).Select(i => (object)$"<{i}>").ToArray());
        }
    }

    [TestMethod]
    [DataRow("ParIndex.RulesEngine.Resources.DiagnosticMessages")]
    [DataRow("ParIndex.RulesEngine.Resources.EngineText")]
    public void Every_resource_has_a_Vietnamese_text_with_the_same_placeholders(string baseName)
    {
        var resources = new System.Resources.ResourceManager(baseName, typeof(DiagnosticDescriptor).Assembly);
        var english = Entries(resources, English);
        var vietnamese = Entries(resources, CultureInfo.GetCultureInfo("vi"));
        Assert.IsGreaterThan(4, english.Count, baseName);
        CollectionAssert.AreEquivalent(english.Keys.ToList(), vietnamese.Keys.ToList(), baseName);
        foreach (var (key, text) in english)
            CollectionAssert.AreEquivalent(Placeholders(text), Placeholders(vietnamese[key]), $"{key}: '{text}' / '{vietnamese[key]}'");
        // Resources of a situation belong to a code that has a descriptor.
        foreach (var key in english.Keys.Where(k => k.StartsWith("PAR", StringComparison.Ordinal)))
            Assert.IsNotNull(DiagnosticCatalog.Find(key[..7]), key);
    }

    [TestMethod]
    [DataRow("ParIndex.RulesEngine.Resources.DiagnosticMessages")]
    [DataRow("ParIndex.RulesEngine.Resources.EngineText")]
    public void Every_resource_is_a_format_that_parses_in_both_languages(string baseName)
    {
        // The situations and fragments are formatted at run time only where their problem occurs;
        // a stray brace would throw there, so every text is formatted here once per language.
        var resources = new System.Resources.ResourceManager(baseName, typeof(DiagnosticDescriptor).Assembly);
        var arguments = Enumerable.Range(0, 20).Select(i => (object)i).ToArray(); // the widest format (WhatIfLine) has 16
        foreach (var culture in new[] { English, CultureInfo.GetCultureInfo("vi") })
        {
            foreach (var (key, text) in Entries(resources, culture))
            {
                var formatted = string.Format(CultureInfo.InvariantCulture, text, arguments);
                Assert.IsFalse(PlaceholderPattern().IsMatch(formatted), $"{culture.Name} {key}: a placeholder is left in '{formatted}'");
            }
        }
    }

    private static Dictionary<string, string> Entries(System.Resources.ResourceManager resources, CultureInfo culture) =>
        resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<System.Collections.DictionaryEntry>()
            .ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [TestMethod]
    public void Create_formats_the_message_in_the_current_UI_culture_and_keeps_the_arguments()
    {
        var at = new SourceLocation("rules.json", "criteria[0]", 4, 7);
        var english = TestCulture.Language("en", () => Diagnostic.Create(DiagnosticCatalog.DuplicateName, at, "onlineShare"));
        var vietnamese = TestCulture.Language("vi-VN", () => Diagnostic.Create(DiagnosticCatalog.DuplicateName, at, "onlineShare"));
        Assert.AreEqual("The name 'onlineShare' is declared more than once.", english.Message);
        Assert.AreEqual("Tên 'onlineShare' được khai báo nhiều lần.", vietnamese.Message);
        Assert.AreEqual(DiagnosticSeverity.Error, vietnamese.Severity);
        Assert.AreEqual(DiagnosticCodes.DuplicateName, vietnamese.Code);
        Assert.AreSame(DiagnosticCatalog.DuplicateName, vietnamese.Descriptor);
        Assert.AreEqual(at, vietnamese.Location);
        // A warning code keeps its default severity.
        Assert.AreEqual(DiagnosticSeverity.Warning, Diagnostic.Create(DiagnosticCatalog.MaxSumMismatch, at, "1", 9, 10).Severity);
    }

    [TestMethod]
    public void Numbers_in_arguments_are_written_the_same_way_in_both_languages()
    {
        // Under vi-VN as current culture too, where 9.5 would otherwise read "9,5".
        var vietnamese = TestCulture.Language("vi-VN", () =>
        {
            var before = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = Vietnamese;
            try { return DiagnosticCatalog.MaxSumMismatch.FormatMessage(null, "1", 9.5, 10); }
            finally { CultureInfo.CurrentCulture = before; }
        });
        Assert.AreEqual("Tổng điểm tối đa của các chỉ số thành phần của tiêu chí 1 là 9.5, nhưng điểm tối đa của tiêu chí là 10.", vietnamese);
    }

    private static List<string> Placeholders(string format) =>
        PlaceholderPattern().Matches(format).Select(m => m.Groups[1].Value).Distinct().Order().ToList();

    [GeneratedRegex(@"\{(\d+)[^}]*\}")]
    private static partial Regex PlaceholderPattern();
}
