using System;
using System.Collections.Generic;
using System.IO;
using MedCard.NanoCheck.Api;
using MedCard.NanoCheck.Checks;
using MedCard.NanoCheck.Stubs;
using Xunit;

namespace MedCard.NanoCheck.Tests;

/// <summary>
/// Generates (or reuses from artifacts/nanostubs) the stub assemblies once for all tests and offers a
/// helper that writes a throw-away nanoFramework project and runs the reference compile on it.
/// </summary>
public sealed class StubFixture : IDisposable
{
    private readonly string _tempRoot = Path.Combine(Path.GetTempPath(), "medcard-nanocheck-tests-" + Environment.ProcessId + "-" + Guid.NewGuid().ToString("N")[..8]);

    public StubFixture()
    {
        RepoRoot = RepoPaths.FindUpwards(AppContext.BaseDirectory)
            ?? throw new InvalidOperationException("tests must run inside the MedCard.Device checkout");
        ApiDirectory = RepoPaths.ApiDirectory(RepoRoot, null);
        Stubs = StubGenerator.Ensure(ApiDirectory, RepoPaths.StubOutput(RepoRoot));
        Data = ApiDataSet.Load(ApiDirectory);
        Directory.CreateDirectory(_tempRoot);
    }

    public string RepoRoot { get; }

    public string ApiDirectory { get; }

    public StubSet Stubs { get; }

    public ApiDataSet Data { get; }

    /// <summary>A fresh empty folder under the fixture's temp root.</summary>
    public string NewFolder()
    {
        string dir = Path.Combine(_tempRoot, Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>
    /// Writes Snippet.nfproj + the given files + what every nanoFramework project has beside them (packages.config,
    /// Properties/AssemblyInfo.cs, a nuget.config whose repositoryPath the HintPaths name), and returns the nfproj path.
    /// </summary>
    public string WriteProject(IReadOnlyDictionary<string, string> files, IEnumerable<string> packages, string? extraProjectXml = null, string? folder = null)
    {
        string dir = folder ?? NewFolder();
        var compile = new System.Text.StringBuilder();
        foreach (var (name, text) in files)
        {
            string path = Path.Combine(dir, name.Replace('\\', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            compile.Append("    <Compile Include=\"").Append(name.Replace('/', '\\')).Append("\" />\n");
        }

        string nfproj = Path.Combine(dir, "Snippet.nfproj");
        File.WriteAllText(nfproj, ProjectXml(compile.ToString(), extraProjectXml ?? "", packages));
        WriteSupportFiles(dir, packages);
        return nfproj;
    }

    /// <summary>The .nfproj text: the given Compile items, then Properties\AssemblyInfo.cs, a Reference per assembly of each package, the extra XML.</summary>
    public string ProjectXml(string compileItems, string extra, IEnumerable<string> packages) =>
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
        + "<Project ToolsVersion=\"15.0\" DefaultTargets=\"Build\" xmlns=\"http://schemas.microsoft.com/developer/msbuild/2003\">\n"
        + "  <PropertyGroup>\n    <AssemblyName>Snippet</AssemblyName>\n  </PropertyGroup>\n"
        + "  <ItemGroup>\n" + compileItems + "    <Compile Include=\"Properties\\AssemblyInfo.cs\" />\n  </ItemGroup>\n"
        + References(packages)
        + extra
        + "  <Import Project=\"$(NanoFrameworkProjectSystemPath)NFProjectSystem.CSharp.targets\" Condition=\"Exists('$(NanoFrameworkProjectSystemPath)NFProjectSystem.CSharp.targets')\" />\n"
        + "</Project>\n";

    private string References(IEnumerable<string> packages)
    {
        var xml = new System.Text.StringBuilder("  <ItemGroup>\n");
        foreach (var (id, version) in Parse(packages))
        {
            if (!Data.Packages.TryGetValue(id, out ApiPackage? api))
            {
                continue;
            }

            foreach (string assembly in api.Assemblies)
            {
                xml.Append("    <Reference Include=\"").Append(assembly).Append("\">\n      <HintPath>packages\\")
                    .Append(id).Append('.').Append(version).Append("\\lib\\").Append(assembly).Append(".dll</HintPath>\n    </Reference>\n");
            }
        }

        return xml.Append("  </ItemGroup>\n").ToString();
    }

    /// <summary>packages.config ("id" takes the pinned version, "id@version" forces one), Properties/AssemblyInfo.cs and nuget.config (repositoryPath "packages").</summary>
    public static void WriteSupportFiles(string dir, IEnumerable<string> packages)
    {
        var xml = new System.Text.StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<packages>\n");
        foreach (var (id, version) in Parse(packages))
        {
            xml.Append("  <package id=\"").Append(id).Append("\" version=\"").Append(version).Append("\" targetFramework=\"netnano1.0\" />\n");
        }

        xml.Append("</packages>\n");
        File.WriteAllText(Path.Combine(dir, "packages.config"), xml.ToString());
        Directory.CreateDirectory(Path.Combine(dir, "Properties"));
        File.WriteAllText(Path.Combine(dir, "Properties", "AssemblyInfo.cs"), "using System.Reflection;\n\n[assembly: AssemblyTitle(\"Snippet\")]\n[assembly: AssemblyVersion(\"1.0.0.0\")]\n");
        File.WriteAllText(Path.Combine(dir, "nuget.config"), "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<configuration>\n  <config>\n    <add key=\"repositoryPath\" value=\"packages\" />\n  </config>\n</configuration>\n");
    }

    private static IEnumerable<(string Id, string Version)> Parse(IEnumerable<string> packages)
    {
        foreach (string entry in packages)
        {
            string[] parts = entry.Split('@');
            yield return (parts[0], parts.Length > 1 ? parts[1] : Projects.PinnedPackages.Versions[parts[0]]);
        }
    }

    public IReadOnlyList<Finding> Check(string nfproj) => new ReferenceCompiler(Data, Stubs).Check(nfproj);

    /// <summary>One file Snippet.cs with the given text, CoreLibrary plus the given packages.</summary>
    public IReadOnlyList<Finding> CheckSnippet(string source, params string[] packages)
    {
        var all = new List<string> { Projects.PinnedPackages.CoreLibrary };
        all.AddRange(packages);
        return Check(WriteProject(new Dictionary<string, string> { ["Snippet.cs"] = source }, all));
    }

    public string Describe(IEnumerable<Finding> findings) => string.Join(Environment.NewLine, System.Linq.Enumerable.Select(findings, f => f.Format(RepoRoot)));

    public void Dispose()
    {
        try
        {
            Directory.Delete(_tempRoot, recursive: true);
        }
        catch (IOException)
        {
            // best effort: a leftover temp folder is harmless
        }
    }
}

[CollectionDefinition(Name)]
public sealed class StubCollection : ICollectionFixture<StubFixture>
{
    public const string Name = "nanoFramework stubs";
}
