using System.Collections.Generic;
using System.IO;
using System.Linq;
using MedCard.NanoCheck.Checks;
using MedCard.NanoCheck.Projects;
using Xunit;

namespace MedCard.NanoCheck.Tests;

/// <summary>The rules about the project files themselves: packages, Compile list drift, project references, defines.</summary>
[Collection(StubCollection.Name)]
public sealed class ProjectRuleTests
{
    private const string CleanClass = "namespace Snippets\n{\n    public class A { public int X; }\n}\n";
    private readonly StubFixture _fixture;

    public ProjectRuleTests(StubFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void UnknownPackageIsAnErrorOnItsLine()
    {
        string nfproj = _fixture.WriteProject(Files(CleanClass), [PinnedPackages.CoreLibrary, "nanoFramework.Json@2.2.1"]);

        Finding f = Assert.Single(_fixture.Check(nfproj));
        Assert.Equal(RuleIds.UnknownPackage, f.Code);
        Assert.Equal("packages.config", Path.GetFileName(f.FilePath));
        Assert.Equal(4, f.Line);
        Assert.Contains("nanoFramework.Json", f.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void VersionOtherThanPinnedIsAnError()
    {
        string nfproj = _fixture.WriteProject(Files(CleanClass), [PinnedPackages.CoreLibrary, "nanoFramework.System.Text@1.2.54"]);

        Finding f = Assert.Single(_fixture.Check(nfproj));
        Assert.Equal(RuleIds.PackageVersion, f.Code);
        Assert.Contains("1.2.54", f.Message, System.StringComparison.Ordinal);
        Assert.Contains(PinnedPackages.Versions["nanoFramework.System.Text"], f.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void MissingCoreLibraryIsAnError()
    {
        string nfproj = _fixture.WriteProject(Files(CleanClass), ["nanoFramework.System.Text"]);

        Assert.Contains(_fixture.Check(nfproj), f => f.Code == RuleIds.PackagesConfig);
    }

    [Fact]
    public void SourceFileNotInCompileListIsAnError()
    {
        string nfproj = _fixture.WriteProject(Files(CleanClass), [PinnedPackages.CoreLibrary]);
        string stray = Path.Combine(Path.GetDirectoryName(nfproj)!, "Sub", "Stray.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(stray)!);
        File.WriteAllText(stray, "namespace Snippets { public class Stray { } }\n");
        Directory.CreateDirectory(Path.Combine(Path.GetDirectoryName(nfproj)!, "obj"));
        File.WriteAllText(Path.Combine(Path.GetDirectoryName(nfproj)!, "obj", "Generated.cs"), "// build output is ignored\n");

        Finding f = Assert.Single(_fixture.Check(nfproj));
        Assert.Equal(RuleIds.UnlistedSource, f.Code);
        Assert.Equal(stray, f.FilePath);
    }

    [Fact]
    public void ListedFileThatDoesNotExistIsAnError()
    {
        string dir = _fixture.NewFolder();
        File.WriteAllText(Path.Combine(dir, "A.cs"), CleanClass);
        string nfproj = Path.Combine(dir, "Snippet.nfproj");
        File.WriteAllText(nfproj, _fixture.ProjectXml("    <Compile Include=\"A.cs\" />\n    <Compile Include=\"Gone\\Missing.cs\" />\n", "", [PinnedPackages.CoreLibrary]));
        StubFixture.WriteSupportFiles(dir, [PinnedPackages.CoreLibrary]);

        Finding f = Assert.Single(_fixture.Check(nfproj));
        Assert.Equal(RuleIds.MissingSource, f.Code);
        Assert.Equal(nfproj, f.FilePath);
        Assert.Equal(8, f.Line); // line 7 is A.cs, line 8 the missing item
    }

    [Fact]
    public void ReferencedProjectIsCompiledFirstAndUsable()
    {
        string root = _fixture.NewFolder();
        string libDir = Directory.CreateDirectory(Path.Combine(root, "Lib")).FullName;
        string appDir = Directory.CreateDirectory(Path.Combine(root, "App")).FullName;
        _fixture.WriteProject(Files("namespace Lib\n{\n    public static class Adder { public static int Add(int a, int b) { return a + b; } }\n}\n"), [PinnedPackages.CoreLibrary], folder: libDir);
        string reference = "  <ItemGroup>\n    <ProjectReference Include=\"..\\Lib\\Snippet.nfproj\" />\n  </ItemGroup>\n";
        string good = _fixture.WriteProject(Files("namespace App\n{\n    public class Use { public int Run() { return Lib.Adder.Add(1, 2); } }\n}\n"), [PinnedPackages.CoreLibrary], reference, appDir);

        IReadOnlyList<Finding> findings = _fixture.Check(good);

        Assert.True(findings.Count == 0, _fixture.Describe(findings));
    }

    [Fact]
    public void ErrorsOfAReferencedProjectAreReportedWithItsFiles()
    {
        string root = _fixture.NewFolder();
        string libDir = Directory.CreateDirectory(Path.Combine(root, "Lib")).FullName;
        string appDir = Directory.CreateDirectory(Path.Combine(root, "App")).FullName;
        _fixture.WriteProject(Files("namespace Lib\n{\n    public static class Clock { public static long Now() { return System.DateTime.Now.Ticks; } }\n}\n"), [PinnedPackages.CoreLibrary], folder: libDir);
        string reference = "  <ItemGroup>\n    <ProjectReference Include=\"..\\Lib\\Snippet.nfproj\" />\n  </ItemGroup>\n";
        string app = _fixture.WriteProject(Files(CleanClass), [PinnedPackages.CoreLibrary], reference, appDir);

        Finding f = Assert.Single(_fixture.Check(app));
        Assert.Equal("CS0117", f.Code);
        Assert.StartsWith(libDir, f.FilePath, System.StringComparison.Ordinal);
    }

    [Fact]
    public void MissingProjectReferenceIsAnError()
    {
        string reference = "  <ItemGroup>\n    <ProjectReference Include=\"..\\Nowhere\\Nothing.nfproj\" />\n  </ItemGroup>\n";
        string nfproj = _fixture.WriteProject(Files(CleanClass), [PinnedPackages.CoreLibrary], reference);

        Assert.Equal(RuleIds.ProjectReference, Assert.Single(_fixture.Check(nfproj)).Code);
    }

    [Fact]
    public void DefineConstantsOfTheProjectAreApplied()
    {
        string source = "namespace Snippets\n{\n#if NANOFRAMEWORK_1_0\n    public class A { public long Now() { return System.DateTime.UtcNow.Ticks; } }\n#else\n    public class A { public long Now() { return System.DateTime.Now.Ticks; } }\n#endif\n}\n";
        string defines = "  <PropertyGroup>\n    <DefineConstants>$(DefineConstants);NANOFRAMEWORK_1_0</DefineConstants>\n  </PropertyGroup>\n";

        Assert.Empty(_fixture.Check(_fixture.WriteProject(Files(source), [PinnedPackages.CoreLibrary], defines)));
        Assert.Contains(_fixture.Check(_fixture.WriteProject(Files(source), [PinnedPackages.CoreLibrary])), f => f.Code == "CS0117");
    }

    [Fact]
    public void SyncRewritesTheCompileListSoTheDriftCheckPasses()
    {
        string nfproj = _fixture.WriteProject(Files(CleanClass), [PinnedPackages.CoreLibrary]);
        string dir = Path.GetDirectoryName(nfproj)!;
        Directory.CreateDirectory(Path.Combine(dir, "Sub"));
        File.WriteAllText(Path.Combine(dir, "Sub", "B.cs"), "namespace Snippets { public class B { } }\n");
        File.Delete(Path.Combine(dir, "A.cs"));
        File.WriteAllText(Path.Combine(dir, "C.cs"), "namespace Snippets { public class C { } }\n");
        Assert.NotEmpty(_fixture.Check(nfproj));

        var (added, removed) = CompileListSync.Sync(nfproj);

        Assert.Equal((2, 1), (added, removed));
        Assert.Empty(_fixture.Check(nfproj));
        string text = File.ReadAllText(nfproj);
        Assert.Contains("<Compile Include=\"Sub\\B.cs\" />", text, System.StringComparison.Ordinal);
        Assert.Contains("<AssemblyName>Snippet</AssemblyName>", text, System.StringComparison.Ordinal);
        Assert.Contains("NFProjectSystem.CSharp.targets", text, System.StringComparison.Ordinal);
        Assert.Equal((0, 0), CompileListSync.Sync(nfproj));
    }

    [Fact]
    public void NestedProjectFolderBelongsToTheNestedProject()
    {
        string outer = _fixture.WriteProject(Files(CleanClass), [PinnedPackages.CoreLibrary]);
        string innerDir = Path.Combine(Path.GetDirectoryName(outer)!, "Tests");
        Directory.CreateDirectory(innerDir);
        _fixture.WriteProject(Files("namespace T { public class T1 { } }\n"), [PinnedPackages.CoreLibrary], folder: innerDir);

        Assert.Empty(_fixture.Check(outer));
    }

    [Fact]
    public void SourceListedAsNoneIsDeliberatelyNotCompiled()
    {
        string none = "  <ItemGroup>\n    <None Include=\"Desktop\\DesktopOnly.cs\" />\n  </ItemGroup>\n";
        string nfproj = _fixture.WriteProject(Files(CleanClass), [PinnedPackages.CoreLibrary], none);
        string desktop = Path.Combine(Path.GetDirectoryName(nfproj)!, "Desktop", "DesktopOnly.cs");
        Directory.CreateDirectory(Path.GetDirectoryName(desktop)!);
        File.WriteAllText(desktop, "namespace Snippets { public class D { public System.Collections.Generic.List<int> L; } }\n");

        Assert.Empty(_fixture.Check(nfproj));
        Assert.Equal((0, 0), CompileListSync.Sync(nfproj));
    }

    [Fact]
    public void WildcardCompileItemIsAnError()
    {
        string dir = _fixture.NewFolder();
        File.WriteAllText(Path.Combine(dir, "A.cs"), CleanClass);
        string nfproj = Path.Combine(dir, "Snippet.nfproj");
        File.WriteAllText(nfproj, _fixture.ProjectXml("    <Compile Include=\"A.cs\" />\n    <Compile Include=\"**\\*.cs\" />\n", "", [PinnedPackages.CoreLibrary]));
        StubFixture.WriteSupportFiles(dir, [PinnedPackages.CoreLibrary]);

        Assert.Equal(RuleIds.WildcardCompile, Assert.Single(_fixture.Check(nfproj)).Code);
    }

    [Fact]
    public void ProjectReferenceCycleIsReportedNotLooped()
    {
        string root = _fixture.NewFolder();
        string aDir = Directory.CreateDirectory(Path.Combine(root, "A")).FullName;
        string bDir = Directory.CreateDirectory(Path.Combine(root, "B")).FullName;
        string toB = "  <ItemGroup>\n    <ProjectReference Include=\"..\\B\\Snippet.nfproj\" />\n  </ItemGroup>\n";
        string toA = "  <ItemGroup>\n    <ProjectReference Include=\"..\\A\\Snippet.nfproj\" />\n  </ItemGroup>\n";
        string a = _fixture.WriteProject(Files(CleanClass), [PinnedPackages.CoreLibrary], toB, aDir);
        _fixture.WriteProject(new Dictionary<string, string> { ["B.cs"] = "namespace Snippets { public class B { } }\n" }, [PinnedPackages.CoreLibrary], toA, bDir);

        Assert.Contains(_fixture.Check(a), f => f.Code == RuleIds.ProjectReference && f.Message.Contains("cycle", System.StringComparison.Ordinal));
    }

    [Fact]
    public void SyncKeepsLinkedSourcesFromOutsideTheFolder()
    {
        string root = _fixture.NewFolder();
        string shared = Path.Combine(root, "Shared.cs");
        File.WriteAllText(shared, "namespace Snippets { public class Shared { } }\n");
        string projectDir = Directory.CreateDirectory(Path.Combine(root, "P")).FullName;
        File.WriteAllText(Path.Combine(projectDir, "A.cs"), CleanClass);
        File.WriteAllText(Path.Combine(projectDir, "New.cs"), "namespace Snippets { public class New { } }\n");
        string nfproj = Path.Combine(projectDir, "Snippet.nfproj");
        File.WriteAllText(nfproj, _fixture.ProjectXml("    <Compile Include=\"..\\Shared.cs\" Link=\"Shared.cs\" />\n    <Compile Include=\"A.cs\" />\n", "", [PinnedPackages.CoreLibrary]));
        StubFixture.WriteSupportFiles(projectDir, [PinnedPackages.CoreLibrary]);

        Assert.Equal((1, 0), CompileListSync.Sync(nfproj));

        string text = File.ReadAllText(nfproj);
        Assert.Contains("<Compile Include=\"..\\Shared.cs\" Link=\"Shared.cs\" />", text, System.StringComparison.Ordinal);
        Assert.Contains("<Compile Include=\"New.cs\" />", text, System.StringComparison.Ordinal);
        IReadOnlyList<Finding> findings = _fixture.Check(nfproj);
        Assert.True(findings.Count == 0, _fixture.Describe(findings));
    }

    [Fact]
    public void ReferenceNamedOtherThanItsHintPathAssemblyIsAnError()
    {
        string nfproj = _fixture.WriteProject(Files(CleanClass), [PinnedPackages.CoreLibrary, "nanoFramework.System.Security.Cryptography"]);
        File.WriteAllText(nfproj, File.ReadAllText(nfproj).Replace("<Reference Include=\"nanoFramework.System.Security.Cryptography\">", "<Reference Include=\"System.Security.Cryptography\">", System.StringComparison.Ordinal));

        Finding f = Assert.Single(_fixture.Check(nfproj), x => x.FilePath == nfproj);
        Assert.Equal(RuleIds.HintPath, f.Code);
        Assert.Contains("whose assembly is 'nanoFramework.System.Security.Cryptography'", f.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void HintPathToAnotherVersionThanPackagesConfigIsAnError()
    {
        string nfproj = _fixture.WriteProject(Files(CleanClass), [PinnedPackages.CoreLibrary]);
        File.WriteAllText(nfproj, File.ReadAllText(nfproj).Replace("nanoFramework.CoreLibrary.1.17.11", "nanoFramework.CoreLibrary.1.15.5", System.StringComparison.Ordinal));

        Finding f = Assert.Single(_fixture.Check(nfproj), x => x.Code == RuleIds.HintPath && x.FilePath == nfproj);
        Assert.Contains("names version 1.15.5 of nanoFramework.CoreLibrary, but packages.config pins 1.17.11", f.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void PackageAssemblyWithoutReferenceIsAnError()
    {
        string nfproj = _fixture.WriteProject(Files(CleanClass), [PinnedPackages.CoreLibrary, "nanoFramework.Iot.Device.Card", "nanoFramework.System.Text", "nanoFramework.Logging"]);
        string text = File.ReadAllText(nfproj);
        int start = text.IndexOf("    <Reference Include=\"Iot.Device.Ndef\">", System.StringComparison.Ordinal);
        int end = text.IndexOf("</Reference>\n", start, System.StringComparison.Ordinal) + "</Reference>\n".Length;
        File.WriteAllText(nfproj, text.Remove(start, end - start));

        Finding f = Assert.Single(_fixture.Check(nfproj));
        Assert.Equal(RuleIds.HintPath, f.Code);
        Assert.Equal("packages.config", Path.GetFileName(f.FilePath));
        Assert.Contains(@"ships lib\Iot.Device.Ndef.dll", f.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void HintPathOutsideTheRepositoryPathIsAnError()
    {
        string nfproj = _fixture.WriteProject(Files(CleanClass), [PinnedPackages.CoreLibrary]);
        File.WriteAllText(nfproj, File.ReadAllText(nfproj).Replace(@"<HintPath>packages\", @"<HintPath>..\packages\", System.StringComparison.Ordinal));

        Finding f = Assert.Single(_fixture.Check(nfproj));
        Assert.Equal(RuleIds.HintPath, f.Code);
        Assert.Contains("restores packages to packages (repositoryPath)", f.Message, System.StringComparison.Ordinal);
    }

    [Fact]
    public void DirectoryFilesAboveTheProjectLeakUnlessSwitchedOffBeforeTheImport()
    {
        string root = _fixture.NewFolder();
        File.WriteAllText(Path.Combine(root, "Directory.Build.props"), "<Project />\n");
        File.WriteAllText(Path.Combine(root, "Directory.Build.targets"), "<Project />\n");
        string dir = Directory.CreateDirectory(Path.Combine(root, "P")).FullName;
        string tooLate = "  <Import Project=\"x.props\" Condition=\"false\" />\n  <PropertyGroup>\n    <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>\n  </PropertyGroup>\n";
        string nfproj = _fixture.WriteProject(Files(CleanClass), [PinnedPackages.CoreLibrary], tooLate, dir);

        var leaks = _fixture.Check(nfproj).Where(f => f.Code == RuleIds.DirectoryPropsLeak).ToList();
        Assert.Equal(2, leaks.Count);
        Assert.Contains(leaks, f => f.Message.Contains("../Directory.Build.props", System.StringComparison.Ordinal));
        Assert.Contains(leaks, f => f.Message.Contains("ImportDirectoryBuildTargets", System.StringComparison.Ordinal));

        string inTime = "  <PropertyGroup>\n    <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>\n    <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>\n  </PropertyGroup>\n";
        Assert.Empty(_fixture.Check(_fixture.WriteProject(Files(CleanClass), [PinnedPackages.CoreLibrary], inTime, dir)));
    }

    [Fact]
    public void ProjectMarkedAsTestProjectNeedsTheTestContainerCapability()
    {
        string marked = "  <PropertyGroup>\n    <IsTestProject>true</IsTestProject>\n  </PropertyGroup>\n";
        Assert.Equal(RuleIds.TestCapability, Assert.Single(_fixture.Check(_fixture.WriteProject(Files(CleanClass), [PinnedPackages.CoreLibrary], marked))).Code);

        string withCapability = marked + "  <ItemGroup>\n    <ProjectCapability Include=\"TestContainer\" />\n  </ItemGroup>\n";
        Assert.Empty(_fixture.Check(_fixture.WriteProject(Files(CleanClass), [PinnedPackages.CoreLibrary], withCapability)));
    }

    private static Dictionary<string, string> Files(string a) => new() { ["A.cs"] = a };
}
