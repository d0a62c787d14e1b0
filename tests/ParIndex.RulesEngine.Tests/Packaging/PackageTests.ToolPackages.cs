using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Xml.Linq;

namespace ParIndex.RulesEngine.Tests.Packaging;

// The parindex tool as RID-specific packages (.NET 10 SDK): the pointer ParIndex.Cli names one
// package per RID, ParIndex.Cli.linux-x64 precompiled with ReadyToRun and ParIndex.Cli.any, the
// portable IL that `dotnet tool install` takes on every other platform.
#if NET10_0_OR_GREATER
public sealed partial class PackageTests
{
    /// <summary>The RIDs of ParIndex.Cli.csproj's ToolPackageRuntimeIdentifiers, with the package of each.</summary>
    private static readonly Dictionary<string, string> ToolRidPackages = new(StringComparer.Ordinal)
    {
        ["linux-x64"] = "ParIndex.Cli.linux-x64",
        ["any"] = "ParIndex.Cli.any",
    };

    /// <summary>Assemblies on the path of every run: the tool's, the engine's and two of their dependencies.</summary>
    private static readonly string[] StartUpAssemblies = ["parindex.dll", "ParIndex.RulesEngine.dll", "System.CommandLine.dll", "Spectre.Console.dll"];

    /// <summary>
    /// The COFF machine of a ReadyToRun image for Linux on x64: AMD64 (0x8664) XOR the Linux
    /// value 0x7B79 that crossgen2 writes, so that Windows never loads the Linux native code.
    /// </summary>
    private const ushort LinuxX64ReadyToRunMachine = 0x8664 ^ 0x7B79;

    private static string ToolRidPackage(string rid) => Path.Combine(_folder, $"{ToolRidPackages[rid]}.{_version}.nupkg");

    private static List<string> PackageTypes(XElement metadata, XNamespace ns) =>
        metadata.Element(ns + "packageTypes")?.Elements(ns + "packageType").Select(t => t.Attribute("name")?.Value ?? "").ToList() ?? [];

    [TestMethod]
    public void Cli_pointer_package_is_a_dotnet_tool_named_parindex_that_lists_one_package_per_RID()
    {
        Assert.IsTrue(File.Exists(ToolPackage), $"expected {ToolPackage}");
        using var package = ZipFile.OpenRead(ToolPackage);
        var metadata = Nuspec(package, out var ns);
        Assert.AreEqual("ParIndex.Cli", metadata.Element(ns + "id")!.Value);
        Assert.AreEqual(_version, metadata.Element(ns + "version")!.Value);
        CollectionAssert.Contains(PackageTypes(metadata, ns), "DotnetTool");

        var settings = XDocument.Parse(Text(package, "tools/any/any/DotnetToolSettings.xml"));
        Assert.AreEqual("parindex", settings.Descendants("Command").Single().Attribute("Name")?.Value);
        var listed = settings.Descendants("RuntimeIdentifierPackage")
            .ToDictionary(p => p.Attribute("RuntimeIdentifier")!.Value, p => p.Attribute("Id")!.Value, StringComparer.Ordinal);
        CollectionAssert.AreEquivalent(ToolRidPackages.ToList(), listed.ToList());

        // A pointer only: the binaries are in the RID packages.
        var binaries = package.Entries.Where(e => e.FullName.EndsWith(".dll", StringComparison.Ordinal)).Select(e => e.FullName).ToList();
        Assert.IsEmpty(binaries, "the pointer package carries " + string.Join(", ", binaries));
    }

    [TestMethod]
    [DataRow("linux-x64", "parindex", "executable")]
    [DataRow("any", "parindex.dll", "dotnet")]
    public void Cli_RID_package_carries_the_command_its_dependencies_and_its_Vietnamese_texts(string rid, string entryPoint, string runner)
    {
        var path = ToolRidPackage(rid);
        Assert.IsTrue(File.Exists(path), $"expected {path}");
        using var package = ZipFile.OpenRead(path);
        var metadata = Nuspec(package, out var ns);
        Assert.AreEqual(ToolRidPackages[rid], metadata.Element(ns + "id")!.Value);
        Assert.AreEqual(_version, metadata.Element(ns + "version")!.Value);
        CollectionAssert.AreEqual(new[] { "DotnetToolRidPackage" }, PackageTypes(metadata, ns));

        var folder = $"tools/net10.0/{rid}/";
        var command = XDocument.Parse(Text(package, folder + "DotnetToolSettings.xml")).Descendants("Command").Single();
        Assert.AreEqual("parindex", command.Attribute("Name")?.Value);
        Assert.AreEqual(entryPoint, command.Attribute("EntryPoint")?.Value);
        Assert.AreEqual(runner, command.Attribute("Runner")?.Value);
        Assert.IsNotNull(package.GetEntry(folder + entryPoint), $"the entry point {entryPoint}");
        Assert.IsNotNull(package.GetEntry(folder + "Spectre.Console.dll"), "the tool carries its dependencies");
        Assert.IsNotNull(package.GetEntry(folder + "vi/parindex.resources.dll"), "the command's Vietnamese texts");
        Assert.IsNotNull(package.GetEntry(folder + "vi/ParIndex.RulesEngine.resources.dll"), "the library's Vietnamese messages");
    }

    [TestMethod]
    [DataRow("linux-x64", true)]
    [DataRow("any", false)]
    public void Cli_assemblies_are_precompiled_with_ReadyToRun_in_the_linux_x64_package_only(string rid, bool readyToRun)
    {
        using var package = ZipFile.OpenRead(ToolRidPackage(rid));
        foreach (var assembly in StartUpAssemblies)
        {
            var entry = package.GetEntry($"tools/net10.0/{rid}/{assembly}") ?? throw new AssertFailedException($"{ToolRidPackages[rid]} has no {assembly}");
            using var image = new MemoryStream();
            using (var source = entry.Open()) source.CopyTo(image);
            image.Position = 0;
            using var pe = new PEReader(image);
            // Crossgen2 records its native code in the CLI header's ManagedNativeHeader directory; IL-only assemblies leave it empty.
            var nativeHeader = pe.PEHeaders.CorHeader!.ManagedNativeHeaderDirectory;
            Assert.AreEqual(readyToRun, nativeHeader.Size > 0, $"{assembly} in {ToolRidPackages[rid]}: ManagedNativeHeader of {nativeHeader.Size} bytes");
            if (readyToRun)
                Assert.AreEqual(LinuxX64ReadyToRunMachine, (ushort)pe.PEHeaders.CoffHeader.Machine, $"{assembly}: native code for Linux x64");
        }
    }

    [TestMethod]
    public void Cli_portable_package_runs_on_the_dotnet_host()
    {
        // What every platform without a package of its own gets: `dotnet parindex.dll`.
        var folder = Path.Combine(Path.GetTempPath(), "parindex-any-" + Guid.NewGuid().ToString("N"));
        try
        {
            ZipFile.ExtractToDirectory(ToolRidPackage("any"), folder);
            var entryPoint = Path.Combine(folder, "tools", "net10.0", "any", "parindex.dll");
            var (exit, output) = DotnetCli.Run(entryPoint, "validate", "examples/par-index-province-2019/ruleset.json", "--lang", "en");
            Assert.AreEqual(0, exit, output);
            StringAssert.Contains(output, "ruleset.json: valid");
        }
        finally
        {
            if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        }
    }
}
#endif
