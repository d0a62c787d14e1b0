using System.Text;
using System.Text.RegularExpressions;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Examples;

/// <summary>
/// What users read (the examples with their rule files and READMEs, docs, the README, the
/// benchmark notes and the HTML reports made from the examples) cites the source documents by
/// their official names and their own structure (section, chỉ tiêu, phụ lục), never by the file
/// names and line numbers of a working copy, and never by paths of a development machine.
/// </summary>
[TestClass]
public sealed class CitationTests
{
    /// <summary>Forbidden everywhere: file names, folders and machine paths of the source texts.</summary>
    private static readonly (string Why, Regex Pattern)[] Everywhere =
    [
        ("a source file name", new(@"\b00[0-4]_[0-9a-f]{16}")),
        ("a folder of source files", new(@"seeds/")),
        ("a path of a development machine", new(@"(?<![\w.])/(work|tmp|root|home)/")),
        ("a line of a source file", new(@"\b00[0-4] (line|lines|l\.|dòng)(?!\p{L})")),
        ("a source file by number", new(@"\b[Ss]eeds? 00[0-4]\b")),
        ("a source file by number in brackets", new(@"\[00[0-4]\b")),
        ("the source files instead of the source documents", new(@"\b(in|from) the seeds\b")),
    ];

    /// <summary>
    /// Forbidden in the examples and the reports, where any line number can only be one of a
    /// source text (the docs may speak of line numbers of data files in error messages).
    /// </summary>
    private static readonly (string Why, Regex Pattern)[] InExamples =
    [
        ("a line number", new(@"\bdòng \d+")),
        ("a line number", new(@"(?<!\p{L})(line|lines|l\.) \d+", RegexOptions.IgnoreCase)),
    ];

    [TestMethod]
    public void Examples_docs_README_and_benchmark_notes_cite_no_source_file_or_line()
    {
        var root = RepositoryPaths.Root;
        var files = TextFilesUnder(Path.Combine(root, "examples"))
            .Concat(TextFilesUnder(Path.Combine(root, "docs")))
            .Append(Path.Combine(root, "README.md"))
            .Concat(Directory.EnumerateFiles(Path.Combine(root, "benchmarks"), "*.md"))
            .ToList();
        Assert.IsTrue(files.Count > 20, $"expected the examples, docs and notes, found {files.Count} files");
        Assert.IsTrue(files.Any(f => f.EndsWith("ruleset.json", StringComparison.Ordinal)), "the rule files are scanned");

        var findings = new List<string>();
        foreach (var file in files)
        {
            var relative = Path.GetRelativePath(root, file).Replace('\\', '/');
            var inExamples = relative.StartsWith("examples/", StringComparison.Ordinal);
            findings.AddRange(Scan(relative, File.ReadAllText(file, Encoding.UTF8), inExamples));
        }

        Assert.AreEqual(0, findings.Count, "Cite the documents by their official names and sections:\n" + string.Join("\n", findings));
    }

#if PARINDEX_CLI // the parindex command targets .NET 10 only
    [TestMethod]
    [DataRow("par-index-province-2019", "kontum-2018.csv")]
    [DataRow("par-index-province-2019", "provinces-2019.csv")]
    [DataRow("kontum-cchc-2025", "kontum-q1-2025.csv")]
    [DataRow("daklak-cchc-2025", "../kontum-cchc-2025/kontum-q1-2025.csv")]
    [DataRow("provincial-internal-index", "units-2024.csv")]
    public void The_html_report_of_an_example_cites_no_source_file_or_line(string example, string data)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        ParIndex.Cli.Cli.Run(["report", RepositoryPaths.Example(example, "ruleset.json"), RepositoryPaths.Example(example, data), "--no-cache"], output, error);
        var page = output.ToString();
        StringAssert.StartsWith(page, "<!DOCTYPE html>", error.ToString());

        var findings = Scan($"report of {example} on {data}", page, inExamples: true).ToList();

        Assert.AreEqual(0, findings.Count, "Cite the documents by their official names and sections:\n" + string.Join("\n", findings));
    }
#endif

    [TestMethod]
    public void The_scan_names_the_file_line_and_kind_of_each_citation_it_finds()
    {
        // A text with one citation of each forbidden kind on lines 2-7, and clean lines 1 and 8.
        const string text = """
            Kế hoạch số 42/KH-UBND năm 2023 của UBND tỉnh Kon Tum, mục II.5.a
            see /work/shared/seeds/001_992dc88e18f0bf29.txt
            004 lines 625-627: 43.682
            seed 001 dòng 141–157
            the PAR INDEX plan [002]
            2018 results (line 177)
            the 2024 rate is not in the seeds
            from the repository root, with a fixed seed
            """;

        var findings = Scan("examples/x/README.md", text, inExamples: true).ToList();

        CollectionAssert.AreEqual(new[]
        {
            "examples/x/README.md:2: a source file name: see /work/shared/seeds/001_992dc88e18f0bf29.txt",
            "examples/x/README.md:2: a folder of source files: see /work/shared/seeds/001_992dc88e18f0bf29.txt",
            "examples/x/README.md:2: a path of a development machine: see /work/shared/seeds/001_992dc88e18f0bf29.txt",
            "examples/x/README.md:3: a line of a source file: 004 lines 625-627: 43.682",
            "examples/x/README.md:3: a line number: 004 lines 625-627: 43.682",
            "examples/x/README.md:4: a line of a source file: seed 001 dòng 141–157",
            "examples/x/README.md:4: a source file by number: seed 001 dòng 141–157",
            "examples/x/README.md:4: a line number: seed 001 dòng 141–157",
            "examples/x/README.md:5: a source file by number in brackets: the PAR INDEX plan [002]",
            "examples/x/README.md:6: a line number: 2018 results (line 177)",
            "examples/x/README.md:7: the source files instead of the source documents: the 2024 rate is not in the seeds",
        }, findings);
    }

    private static IEnumerable<string> Scan(string name, string text, bool inExamples)
    {
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            foreach (var (why, pattern) in inExamples ? Everywhere.Concat(InExamples) : Everywhere)
                if (pattern.IsMatch(line))
                    yield return $"{name}:{i + 1}: {why}: {line.Trim()}";
        }
    }

    /// <summary>Text files (no NUL byte) under a folder, without build output.</summary>
    private static IEnumerable<string> TextFilesUnder(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => !f.Split(Path.DirectorySeparatorChar).Any(part => part is "bin" or "obj"))
            .Where(f => !File.ReadAllBytes(f).Contains((byte)0))
            .OrderBy(f => f, StringComparer.Ordinal);
}
