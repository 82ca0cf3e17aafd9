using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MedCard.NanoCheck.Checks;
using MedCard.NanoCheck.Projects;
using Xunit;
using Xunit.Abstractions;

namespace MedCard.NanoCheck.Tests;

/// <summary>
/// The project rules on the real firmware projects: a copy of shared/, firmware/ and the root files Visual Studio
/// reads (Directory.*, nuget.config, .gitignore, MedCard.Firmware.sln) in a temp tree passes `check --all`; each planted
/// mistake makes it fail with the file and the reason.
/// </summary>
[Collection(StubCollection.Name)]
public sealed class PlantedProjectMistakeTests
{
    private const string TestsProject = "firmware/MedCard.Firmware.Tests/NFUnitTest.nfproj";
    private const string ProtocolProject = "shared/MedCard.Protocol/MedCard.Protocol.nfproj";
    private const string CoreProject = "firmware/MedCard.Firmware.Core/MedCard.Firmware.Core.nfproj";
    private const string AppProject = "firmware/MedCard.Firmware.App/MedCard.Firmware.App.nfproj";
    private const string AppPackages = "firmware/MedCard.Firmware.App/packages.config";

    private readonly StubFixture _fixture;
    private readonly ITestOutputHelper _output;

    public PlantedProjectMistakeTests(StubFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public void TheUnchangedCopyPasses()
    {
        string root = CopyOfTheRepository();

        var (code, output) = CheckAll(root);

        Assert.True(code == Program.ExitClean, output);
    }

    [Fact]
    public void HintPathToAFileThePackageDoesNotShipFails()
    {
        string root = CopyOfTheRepository();
        Plant(root, TestsProject, @"lib\nanoFramework.System.Security.Cryptography.dll", @"lib\System.Security.Cryptography.dll");

        AssertFails(root, TestsProject, RuleIds.HintPath, @"names lib\System.Security.Cryptography.dll, which package nanoFramework.System.Security.Cryptography does not ship");
    }

    [Fact]
    public void ProjectThatWouldImportTheRootDirectoryBuildPropsFails()
    {
        string root = CopyOfTheRepository();
        Plant(root, ProtocolProject, "<ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>", "");

        AssertFails(root, ProtocolProject, RuleIds.DirectoryPropsLeak, "would import ../../Directory.Build.props");
    }

    [Fact]
    public void TestProjectWithoutTestContainerCapabilityFails()
    {
        string root = CopyOfTheRepository();
        Plant(root, TestsProject, "<ProjectCapability Include=\"TestContainer\" />", "");

        AssertFails(root, TestsProject, RuleIds.TestCapability, "has no <ProjectCapability Include=\"TestContainer\" />");
    }

    [Fact]
    public void VersionBelowADependencyMinimumFails()
    {
        string root = CopyOfTheRepository();
        Plant(root, AppPackages, "id=\"nanoFramework.Runtime.Events\" version=\"1.11.39\"", "id=\"nanoFramework.Runtime.Events\" version=\"1.11.37\"");
        Plant(root, AppProject, "nanoFramework.Runtime.Events.1.11.39", "nanoFramework.Runtime.Events.1.11.37");

        AssertFails(root, AppPackages, RuleIds.DependencyMinimum, "nanoFramework.Runtime.Events 1.11.37 is below 1.11.39, the minimum nanoFramework.Hardware.Esp32 1.6.42 declares");
    }

    [Fact]
    public void ProjectWithoutAssemblyInfoFails()
    {
        string root = CopyOfTheRepository();
        Plant(root, CoreProject, "<Compile Include=\"Properties\\AssemblyInfo.cs\" />", "");
        File.Delete(Path.Combine(root, "firmware", "MedCard.Firmware.Core", "Properties", "AssemblyInfo.cs"));

        AssertFails(root, CoreProject, RuleIds.AssemblyInfo, @"no Properties\AssemblyInfo.cs in the Compile list");
    }

    [Fact]
    public void ProjectMissingFromTheFirmwareSolutionFails()
    {
        string root = CopyOfTheRepository();
        Plant(root, FirmwareSolutionRule.SolutionFile, @"firmware\MedCard.Firmware.App\MedCard.Firmware.App.nfproj", @"firmware\MedCard.Firmware.App\Elsewhere.nfproj");

        AssertFails(root, FirmwareSolutionRule.SolutionFile, RuleIds.FirmwareSolution, "does not list " + AppProject);
    }

    [Fact]
    public void RestoredPackagesFolderNotIgnoredFails()
    {
        string root = CopyOfTheRepository();
        File.WriteAllLines(Path.Combine(root, ".gitignore"), File.ReadAllLines(Path.Combine(root, ".gitignore")).Where(l => l.Trim() != "packages/"));

        AssertFails(root, ".gitignore", RuleIds.FirmwareSolution, "which .gitignore does not ignore");
    }

    [Fact]
    public void PinnedVersionsMeetEveryDeclaredDependencyMinimum()
    {
        var broken = new List<string>();
        foreach (var (package, needs) in PinnedPackages.Dependencies)
        {
            Assert.True(PinnedPackages.Versions.ContainsKey(package), package + " has dependency data but is not pinned");
            foreach (PackageDependency need in needs)
            {
                if (!PinnedPackages.Versions.TryGetValue(need.Id, out string? pinned) || PinnedPackages.IsBelow(pinned, need.Minimum))
                {
                    broken.Add(package + " needs " + need.Id + " >= " + need.Minimum + ", pinned " + (pinned ?? "nothing"));
                }
            }
        }

        Assert.Empty(broken);
        Assert.True(PinnedPackages.IsBelow("1.11.37", "1.11.39"));
        Assert.False(PinnedPackages.IsBelow("1.11.39", "1.11.39"));
        Assert.False(PinnedPackages.IsBelow("1.6.42", "1.6.9"));
    }

    private void AssertFails(string root, string file, string code, string reason)
    {
        var (exit, output) = CheckAll(root);
        _output.WriteLine(output);

        Assert.Equal(Program.ExitErrors, exit);
        string[] lines = output.Split('\n');
        Assert.True(
            lines.Any(l => l.StartsWith(file + "(", StringComparison.Ordinal) && l.Contains("): error " + code + ": ", StringComparison.Ordinal) && l.Contains(reason, StringComparison.Ordinal)),
            "expected '" + file + "(…): error " + code + ": …" + reason + "…' in:\n" + output);
    }

    private static void Plant(string root, string relative, string from, string to)
    {
        string path = Path.Combine(root, relative);
        string text = File.ReadAllText(path);
        Assert.Contains(from, text, StringComparison.Ordinal); // the mistake really changes the copy
        File.WriteAllText(path, text.Replace(from, to, StringComparison.Ordinal));
    }

    private (int Code, string Output) CheckAll(string root)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(["check", "--all", "--repo", root, "--api", _fixture.ApiDirectory], stdout, stderr);
        return (code, stdout.ToString().Replace("\r", "") + stderr);
    }

    /// <summary>The firmware projects, their linked sources and the root files, plus this run's stubs (so none are regenerated).</summary>
    private string CopyOfTheRepository()
    {
        string root = _fixture.NewFolder();
        foreach (string file in new[] { "Directory.Build.props", "Directory.Packages.props", "Directory.Build.targets", "nuget.config", ".gitignore", FirmwareSolutionRule.SolutionFile, RepoPaths.SolutionFile })
        {
            string source = Path.Combine(_fixture.RepoRoot, file);
            if (File.Exists(source))
            {
                File.Copy(source, Path.Combine(root, file));
            }
        }

        CopyTree(Path.Combine(_fixture.RepoRoot, "shared"), Path.Combine(root, "shared"));
        CopyTree(Path.Combine(_fixture.RepoRoot, "firmware"), Path.Combine(root, "firmware"));
        CopyTree(Path.Combine(_fixture.RepoRoot, "tests", "MedCard.Protocol.TestVectors"), Path.Combine(root, "tests", "MedCard.Protocol.TestVectors"));
        CopyTree(_fixture.Stubs.Directory, Path.Combine(RepoPaths.StubOutput(root), Path.GetFileName(_fixture.Stubs.Directory)));
        return root;
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (string file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (string dir in Directory.EnumerateDirectories(from))
        {
            string name = Path.GetFileName(dir);
            if (name is "bin" or "obj" || name.StartsWith('.'))
            {
                continue;
            }

            CopyTree(dir, Path.Combine(to, name));
        }
    }
}
