using System.Collections.Generic;
using System.IO;
using System.Linq;
using MedCard.NanoCheck.Checks;
using Xunit;
using Xunit.Abstractions;

namespace MedCard.NanoCheck.Tests;

/// <summary>The judge itself: every firmware project in the repository passes the reference compile.</summary>
[Collection(StubCollection.Name)]
public sealed class FirmwareProjectsTests
{
    private readonly StubFixture _fixture;
    private readonly ITestOutputHelper _output;

    public FirmwareProjectsTests(StubFixture fixture, ITestOutputHelper output)
    {
        _fixture = fixture;
        _output = output;
    }

    [Fact]
    public void AllFirmwareProjectsPassReferenceCompile()
    {
        // Discovered at run time under shared/ and firmware/; with none present there is nothing to judge.
        List<string> projects = Program.FindAllProjects(_fixture.RepoRoot);
        var compiler = new ReferenceCompiler(_fixture.Data, _fixture.Stubs);
        var findings = new List<Finding>();
        foreach (string project in projects)
        {
            IReadOnlyList<Finding> own = compiler.Check(project);
            ReferenceCompiler.ProjectResult result = compiler.CheckProject(project);
            int ownCount = result.Findings.Count; // without the referenced projects' findings

            // Not vacuous: every listed source really went through the compiler.
            Projects.NfProject nfproj = Projects.NfProject.Load(project);
            int listed = nfproj.CompileItems.Select(c => nfproj.Resolve(c.Include)).Distinct().Count(File.Exists); // missing ones are NANO013
            Assert.Equal(listed, result.Compilation!.SyntaxTrees.Count());
            _output.WriteLine(Finding.DisplayPath(project, _fixture.RepoRoot) + ": " + (ownCount == 0 ? "ok" : ownCount + " error(s)"));
            findings.AddRange(own.Where(f => !findings.Contains(f)));
        }

        Assert.True(findings.Count == 0, "reference compile errors in firmware projects:\n" + _fixture.Describe(findings));
    }

    [Fact]
    public void DiscoveryFindsOnlyNfprojUnderSharedAndFirmware()
    {
        List<string> projects = Program.FindAllProjects(_fixture.RepoRoot);

        Assert.All(projects, p =>
        {
            Assert.EndsWith(".nfproj", p, System.StringComparison.Ordinal);
            string relative = Path.GetRelativePath(_fixture.RepoRoot, p).Replace('\\', '/');
            Assert.True(relative.StartsWith("shared/", System.StringComparison.Ordinal) || relative.StartsWith("firmware/", System.StringComparison.Ordinal), relative);
        });
        int onDisk = new[] { "shared", "firmware" }
            .Select(d => Path.Combine(_fixture.RepoRoot, d))
            .Where(Directory.Exists)
            .Sum(d => Directory.GetFiles(d, "*.nfproj", SearchOption.AllDirectories).Count(f => !f.Contains("/bin/") && !f.Contains("/obj/")));
        Assert.Equal(onDisk, projects.Count);
    }
}
