using System.IO.Compression;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ParIndex.RulesEngine.Tests.TestSupport;

namespace ParIndex.RulesEngine.Tests.Packaging;

/// <summary>
/// Packs the library and the CLI tool (without building again: the test run's own build
/// output) into a temporary folder and checks what an adopter gets: README, XML docs, license,
/// repository metadata, schema, symbols, a deterministic assembly, the tool's command name.
/// </summary>
// Packing gives the same packages whichever runtime runs the tests, and two runs packing the same
// projects at once would share their obj folders: only the .NET 10 run packs.
#if NET10_0_OR_GREATER
[TestClass]
[DoNotParallelize]
public sealed partial class PackageTests
{
    /// <summary>Every library package ships these, and only these, target frameworks.</summary>
    private static readonly string[] LibraryFrameworks = ["net8.0", "net10.0"];

    private static string _folder = null!;
    private static string _version = null!;

    [ClassInitialize]
    public static void Pack(TestContext _)
    {
        _version = DotnetCli.RepositoryVersion();
        _folder = Path.Combine(Path.GetTempPath(), "parindex-pack-" + Guid.NewGuid().ToString("N"));
        foreach (var project in new[] { "src/ParIndex.RulesEngine/ParIndex.RulesEngine.csproj", "src/ParIndex.RulesEngine.Hosting/ParIndex.RulesEngine.Hosting.csproj", "src/ParIndex.RulesEngine.Reporting/ParIndex.RulesEngine.Reporting.csproj", "src/ParIndex.Cli/ParIndex.Cli.csproj" })
        {
            var (exit, output) = DotnetCli.Run("pack", project, "-c", DotnetCli.Configuration, "--no-build", "--no-restore", "-o", _folder);
            Assert.AreEqual(0, exit, $"dotnet pack {project} failed:\n{output}");
        }
    }

    [ClassCleanup]
    public static void Remove()
    {
        if (_folder is not null && Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    private static string LibraryPackage => Path.Combine(_folder, $"ParIndex.RulesEngine.{_version}.nupkg");
    private static string SymbolsPackage => Path.Combine(_folder, $"ParIndex.RulesEngine.{_version}.snupkg");
    /// <summary>The tool's pointer package: what `dotnet tool install ParIndex.Cli` asks for first.</summary>
    private static string ToolPackage => Path.Combine(_folder, $"ParIndex.Cli.{_version}.nupkg");
    private static string HostingPackage => Path.Combine(_folder, $"ParIndex.RulesEngine.Hosting.{_version}.nupkg");
    private static string ReportingPackage => Path.Combine(_folder, $"ParIndex.RulesEngine.Reporting.{_version}.nupkg");

    private static XElement Nuspec(ZipArchive package, out XNamespace ns)
    {
        var entry = package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal) && !e.FullName.Contains('/'));
        using var stream = entry.Open();
        var root = XDocument.Load(stream).Root!;
        ns = root.Name.Namespace;
        return root.Element(ns + "metadata")!;
    }

    private static string Text(ZipArchive package, string path)
    {
        var entry = package.GetEntry(path) ?? throw new AssertFailedException($"the package has no {path}; it has: {string.Join(", ", package.Entries.Select(e => e.FullName))}");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    [TestMethod]
    public void Version_comes_from_Directory_Build_props()
    {
        Assert.IsTrue(File.Exists(LibraryPackage), $"expected {LibraryPackage}");
        using var package = ZipFile.OpenRead(LibraryPackage);
        var metadata = Nuspec(package, out var ns);
        Assert.AreEqual("ParIndex.RulesEngine", metadata.Element(ns + "id")!.Value);
        Assert.AreEqual(_version, metadata.Element(ns + "version")!.Value);
        // The assembly carries the same version.
        var informational = typeof(RuleSetLoader).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
        Assert.AreEqual(_version, informational.Split('+')[0]);
    }

    [TestMethod]
    [DataRow("library")]
    [DataRow("tool")]
    [DataRow("reporting")]
    public void Package_readme_is_the_package_page_text_not_the_repository_README(string which)
    {
        var (packagePath, source) = which switch
        {
            "library" => (LibraryPackage, "src/ParIndex.RulesEngine/PACKAGE.md"),
            "reporting" => (ReportingPackage, "src/ParIndex.RulesEngine.Reporting/PACKAGE.md"),
            _ => (ToolPackage, "src/ParIndex.Cli/PACKAGE.md"),
        };
        using var package = ZipFile.OpenRead(packagePath);
        var metadata = Nuspec(package, out var ns);
        Assert.AreEqual("README.md", metadata.Element(ns + "readme")?.Value);
        var readme = Text(package, "README.md");
        Assert.AreEqual(File.ReadAllText(RepositoryPaths.Combine(source)), readme);
        Assert.AreNotEqual(File.ReadAllText(RepositoryPaths.Combine("README.md")), readme);
    }

    [TestMethod]
    [DataRow("src/ParIndex.RulesEngine/PACKAGE.md")]
    [DataRow("src/ParIndex.Cli/PACKAGE.md")]
    [DataRow("src/ParIndex.RulesEngine.Hosting/PACKAGE.md")]
    [DataRow("src/ParIndex.RulesEngine.Reporting/PACKAGE.md")]
    public void Package_readme_has_no_link_a_package_page_cannot_follow(string source)
    {
        // A package page shows the README without the repository around it: a relative link or
        // image (docs/cli.md, ../examples) is broken there. Only absolute http(s) links may appear.
        var text = File.ReadAllText(RepositoryPaths.Combine(source));
        var targets = Regex.Matches(text, @"\]\((?<target>[^)\s]+)[^)]*\)|<(?:img|a)\b[^>]*(?:src|href)=""(?<target>[^""]+)""")
            .Select(m => m.Groups["target"].Value)
            .Where(target => !target.StartsWith("https://", StringComparison.Ordinal) && !target.StartsWith("http://", StringComparison.Ordinal))
            .ToList();
        Assert.IsEmpty(targets, $"{source} links to {string.Join(", ", targets)}");
    }

    [TestMethod]
    public void Relative_link_check_catches_what_it_guards_against()
    {
        // The same pattern on text that does have relative links: the check above can fail.
        var text = "See [the CLI](docs/cli.md) and ![chart](../report.png) or <img src=\"x.png\"> but not [x](https://example.org).";
        var targets = Regex.Matches(text, @"\]\((?<target>[^)\s]+)[^)]*\)|<(?:img|a)\b[^>]*(?:src|href)=""(?<target>[^""]+)""")
            .Select(m => m.Groups["target"].Value)
            .Where(target => !target.StartsWith("https://", StringComparison.Ordinal))
            .ToList();
        CollectionAssert.AreEqual(new[] { "docs/cli.md", "../report.png", "x.png" }, targets);
    }

    [TestMethod]
    public void License_is_the_MIT_expression_and_repository_is_git_without_a_registry_url()
    {
        using var package = ZipFile.OpenRead(LibraryPackage);
        var metadata = Nuspec(package, out var ns);
        var license = metadata.Element(ns + "license");
        Assert.IsNotNull(license, "the nuspec needs a <license>");
        Assert.AreEqual("expression", license.Attribute("type")?.Value);
        Assert.AreEqual("MIT", license.Value);
        var repository = metadata.Element(ns + "repository");
        Assert.IsNotNull(repository, "the nuspec needs a <repository>");
        Assert.AreEqual("git", repository.Attribute("type")?.Value);
        // A repository or project URL would only ever be the project's own source host, never a package registry.
        Assert.IsNull(metadata.Element(ns + "projectUrl"), "no project URL is set");
        var url = repository.Attribute("url")?.Value ?? "";
        Assert.IsFalse(url.Contains("nuget", StringComparison.OrdinalIgnoreCase), $"the repository URL must not be a package registry: {url}");
    }

    [TestMethod]
    [DataRow("net8.0")]
    [DataRow("net10.0")]
    public void Package_has_the_assembly_and_its_xml_documentation_for_every_public_type_and_member(string framework)
    {
        using var package = ZipFile.OpenRead(LibraryPackage);
        Assert.IsNotNull(package.GetEntry($"lib/{framework}/ParIndex.RulesEngine.dll"));
        // The same sources on both targets: the public types of this run's build stand for either.
        var docs = XDocument.Parse(Text(package, $"lib/{framework}/ParIndex.RulesEngine.xml"));
        var documented = docs.Descendants("member")
            .Where(m => m.Element("summary") is { } s && s.Value.Trim().Length > 0 || m.Element("inheritdoc") is not null)
            .Select(m => m.Attribute("name")!.Value)
            .ToHashSet(StringComparer.Ordinal);

        var missing = new List<string>();
        foreach (var type in typeof(RuleSetLoader).Assembly.GetExportedTypes())
        {
            var typeId = type.FullName!.Replace('+', '.');
            if (!documented.Contains("T:" + typeId)) missing.Add("T:" + typeId);
            if (typeof(Delegate).IsAssignableFrom(type)) continue; // Invoke & co. are the runtime's.
            const BindingFlags declared = BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetMembers(declared))
            {
                if (member.IsDefined(typeof(System.Runtime.CompilerServices.CompilerGeneratedAttribute), false)) continue;
                var (prefix, name) = member switch
                {
                    MethodInfo m when !m.IsSpecialName => ("M:", m.Name),
                    PropertyInfo p => ("P:", p.GetIndexParameters().Length > 0 ? "Item" : p.Name),
                    FieldInfo f when !type.IsEnum || f.IsLiteral => ("F:", f.Name),
                    EventInfo e => ("E:", e.Name),
                    _ => ((string?)null, ""),
                };
                if (prefix is null) continue;
                // Positional record parameters are documented by <param> on the record.
                if (member is PropertyInfo && IsPositionalRecordProperty(type, name)) continue;
                // Overrides of object members (ToString on a record …) inherit their documentation.
                if (member is MethodInfo method && method.GetBaseDefinition().DeclaringType != type) continue;
                var id = prefix + typeId + "." + name;
                if (!documented.Any(d => d == id || d.StartsWith(id + "(", StringComparison.Ordinal)))
                    missing.Add(id);
            }
        }
        Assert.IsEmpty(missing, "public API without XML documentation in the package: " + string.Join(", ", missing.Take(20)));
    }

    private static bool IsPositionalRecordProperty(Type type, string name) =>
        type.GetMethod("<Clone>$") is not null
        && type.GetConstructors().Any(c => c.GetParameters().Any(p => p.Name == name));

    [TestMethod]
    public void Package_ships_the_schema_as_a_file_and_as_content_copied_to_the_output()
    {
        var schema = File.ReadAllText(RepositoryPaths.Combine("schemas", "ruleset.schema.json"));
        using var package = ZipFile.OpenRead(LibraryPackage);
        Assert.AreEqual(schema, Text(package, "schemas/ruleset.schema.json"));
        Assert.AreEqual(schema, Text(package, "contentFiles/any/any/schemas/ruleset.schema.json"));
        var metadata = Nuspec(package, out var ns);
        var files = metadata.Element(ns + "contentFiles")?.Elements(ns + "files").ToList() ?? [];
        var entry = files.SingleOrDefault(f => f.Attribute("include")?.Value == "any/any/schemas/ruleset.schema.json");
        Assert.IsNotNull(entry, "the nuspec must declare the schema content file");
        Assert.AreEqual("true", entry.Attribute("copyToOutput")?.Value);
        Assert.AreEqual("None", entry.Attribute("buildAction")?.Value);
        // MSBuild props name the schema inside the package for consumers' builds.
        foreach (var folder in new[] { "build", "buildTransitive" })
            StringAssert.Contains(Text(package, $"{folder}/ParIndex.RulesEngine.props"), "ParIndexRuleSetSchema");
    }

    [TestMethod]
    [DataRow("net8.0")]
    [DataRow("net10.0")]
    public void Symbols_package_has_the_portable_pdb(string framework)
    {
        Assert.IsTrue(File.Exists(SymbolsPackage), $"expected the symbols package {SymbolsPackage}");
        using var symbols = ZipFile.OpenRead(SymbolsPackage);
        var pdb = symbols.GetEntry($"lib/{framework}/ParIndex.RulesEngine.pdb");
        Assert.IsNotNull(pdb, "the snupkg must contain the pdb");
        using var stream = new MemoryStream();
        using (var source = pdb.Open()) source.CopyTo(stream);
        // Portable PDBs start with the metadata signature "BSJB".
        CollectionAssert.AreEqual("BSJB"u8.ToArray(), stream.ToArray().Take(4).ToArray());
    }

    [TestMethod]
    [DataRow("net8.0")]
    [DataRow("net10.0")]
    public void Assembly_in_the_package_is_built_deterministically(string framework)
    {
        using var package = ZipFile.OpenRead(LibraryPackage);
        using var image = new MemoryStream();
        using (var source = package.GetEntry($"lib/{framework}/ParIndex.RulesEngine.dll")!.Open()) source.CopyTo(image);
        image.Position = 0;
        using var pe = new PEReader(image);
        var entries = pe.ReadDebugDirectory();
        Assert.IsTrue(entries.Any(e => e.Type == DebugDirectoryEntryType.Reproducible),
            "a deterministic build marks the assembly with a Reproducible debug directory entry");
    }

    [TestMethod]
    [DataRow("library")]
    [DataRow("hosting")]
    [DataRow("reporting")]
    public void Library_packages_carry_net8_and_net10_assemblies_each_with_its_dependency_group(string which)
    {
        var (packagePath, assembly) = which switch
        {
            "library" => (LibraryPackage, "ParIndex.RulesEngine"),
            "reporting" => (ReportingPackage, "ParIndex.RulesEngine.Reporting"),
            _ => (HostingPackage, "ParIndex.RulesEngine.Hosting"),
        };
        Assert.IsTrue(File.Exists(packagePath), $"expected {packagePath}");
        using var package = ZipFile.OpenRead(packagePath);
        var libFolders = package.Entries.Where(e => e.FullName.StartsWith("lib/", StringComparison.Ordinal))
            .Select(e => e.FullName.Split('/')[1]).Distinct().Order(StringComparer.Ordinal).ToArray();
        CollectionAssert.AreEqual(LibraryFrameworks.Order(StringComparer.Ordinal).ToArray(), libFolders, $"lib/ folders of {assembly}");
        foreach (var framework in LibraryFrameworks)
        {
            Assert.IsNotNull(package.GetEntry($"lib/{framework}/{assembly}.dll"), $"lib/{framework}/{assembly}.dll");
            Assert.IsNotNull(package.GetEntry($"lib/{framework}/{assembly}.xml"), $"lib/{framework}/{assembly}.xml");
        }

        // A consumer restores the dependencies of the group matching its framework: one group per target.
        var metadata = Nuspec(package, out var ns);
        var groups = metadata.Element(ns + "dependencies")!.Elements(ns + "group")
            .ToDictionary(g => g.Attribute("targetFramework")!.Value, g => g.Elements(ns + "dependency").Select(d => d.Attribute("id")!.Value).ToHashSet(StringComparer.Ordinal));
        CollectionAssert.AreEquivalent(new[] { "net8.0", "net10.0" }, groups.Keys.ToArray());
        if (which == "library")
        {
            // .NET 8's own System.Text.Json lacks what the readers use; .NET 10's is the framework's.
            Assert.Contains("System.Text.Json", groups["net8.0"]);
            Assert.DoesNotContain("System.Text.Json", groups["net10.0"]);
            foreach (var framework in LibraryFrameworks) Assert.Contains("Microsoft.CodeAnalysis.CSharp", groups[framework]);
        }
        else
        {
            foreach (var framework in LibraryFrameworks) Assert.Contains("ParIndex.RulesEngine", groups[framework]);
        }
    }

    [TestMethod]
    [DataRow("net8.0")]
    [DataRow("net10.0")]
    public void Package_ships_the_Vietnamese_messages_as_a_satellite_assembly(string framework)
    {
        using var package = ZipFile.OpenRead(LibraryPackage);
        var entry = package.GetEntry($"lib/{framework}/vi/ParIndex.RulesEngine.resources.dll")
            ?? throw new AssertFailedException($"no satellite assembly; the package has: {string.Join(", ", package.Entries.Select(e => e.FullName))}");
        var path = Path.Combine(Path.GetTempPath(), $"parindex-satellite-{Guid.NewGuid():N}.dll");
        try
        {
            entry.ExtractToFile(path);
            var satellite = System.Reflection.AssemblyName.GetAssemblyName(path);
            Assert.AreEqual("ParIndex.RulesEngine.resources", satellite.Name);
            Assert.AreEqual("vi", satellite.CultureName);
        }
        finally { File.Delete(path); }
    }
}
#endif
