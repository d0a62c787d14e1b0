using System.IO.Compression;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace ParIndex.RulesEngine.Tests.Packaging;

// The kernel contract (ParIndex.RulesEngine.Kernel.dll) is no package of its own: it ships in the
// engine's package beside the core assembly, so an adopter can never restore a contract of another
// build than the core that generates code against it.
#if NET10_0_OR_GREATER
public sealed partial class PackageTests
{
    private const string ContractAssembly = "ParIndex.RulesEngine.Kernel";

    [TestMethod]
    [DataRow("net8.0")]
    [DataRow("net10.0")]
    public void Library_package_carries_the_kernel_contract_beside_the_core_in_the_same_version(string framework)
    {
        using var package = ZipFile.OpenRead(LibraryPackage);
        Assert.IsNotNull(package.GetEntry($"lib/{framework}/{ContractAssembly}.xml"), "the contract's XML documentation");
        var contract = AssemblyIdentity(package, $"lib/{framework}/{ContractAssembly}.dll");
        var core = AssemblyIdentity(package, $"lib/{framework}/ParIndex.RulesEngine.dll");
        Assert.AreEqual(ContractAssembly, contract.Name);
        Assert.AreEqual(core.Version, contract.Version, "the contract and the core are one build");
        CollectionAssert.Contains(core.References, ContractAssembly, "the core is built against the contract");

        // Shipped inside, so it is no dependency that a feed could serve in another version.
        var metadata = Nuspec(package, out var ns);
        var dependencies = metadata.Descendants(ns + "dependency").Select(d => d.Attribute("id")!.Value).ToList();
        CollectionAssert.DoesNotContain(dependencies, ContractAssembly);
    }

    [TestMethod]
    [DataRow("net8.0")]
    [DataRow("net10.0")]
    public void Symbols_package_has_the_kernel_contract_pdb(string framework)
    {
        using var symbols = ZipFile.OpenRead(SymbolsPackage);
        var pdb = symbols.GetEntry($"lib/{framework}/{ContractAssembly}.pdb");
        Assert.IsNotNull(pdb, "the snupkg must contain the contract's pdb");
        using var stream = new MemoryStream();
        using (var source = pdb.Open()) source.CopyTo(stream);
        CollectionAssert.AreEqual("BSJB"u8.ToArray(), stream.ToArray().Take(4).ToArray());
    }

    [TestMethod]
    [DataRow("linux-x64")]
    [DataRow("any")]
    public void Cli_RID_packages_carry_the_kernel_contract(string rid)
    {
        using var package = ZipFile.OpenRead(ToolRidPackage(rid));
        var entries = package.Entries.Select(e => e.FullName).Where(n => n.EndsWith($"/{ContractAssembly}.dll", StringComparison.Ordinal)).ToList();
        Assert.HasCount(1, entries, "the tool loads the contract beside the engine: " + string.Join(", ", entries));
    }

    private static (string Name, Version Version, List<string> References) AssemblyIdentity(ZipArchive package, string path)
    {
        var entry = package.GetEntry(path) ?? throw new AssertFailedException($"the package has no {path}");
        using var image = new MemoryStream();
        using (var source = entry.Open()) source.CopyTo(image);
        image.Position = 0;
        using var pe = new PEReader(image);
        var reader = pe.GetMetadataReader();
        var definition = reader.GetAssemblyDefinition();
        var references = reader.AssemblyReferences.Select(h => reader.GetString(reader.GetAssemblyReference(h).Name)).ToList();
        return (reader.GetString(definition.Name), definition.Version, references);
    }
}
#endif
