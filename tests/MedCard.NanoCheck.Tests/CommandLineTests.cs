using System.Collections.Generic;
using System.IO;
using MedCard.NanoCheck.Projects;
using Xunit;

namespace MedCard.NanoCheck.Tests;

/// <summary>The CLI contract: output format and exit codes 0 (clean), 1 (errors), 2 (usage or I/O).</summary>
[Collection(StubCollection.Name)]
public sealed class CommandLineTests
{
    private readonly StubFixture _fixture;

    public CommandLineTests(StubFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void HelpDocumentsEveryCommand()
    {
        var (code, output, _) = Run("--help");

        Assert.Equal(Program.ExitClean, code);
        foreach (string word in new[] { "check", "--all", "stubs", "sync", "exit codes" })
        {
            Assert.Contains(word, output, System.StringComparison.Ordinal);
        }
    }

    [Fact]
    public void UnknownCommandIsBadUsage()
    {
        Assert.Equal(Program.ExitUsage, Run("frobnicate").Code);
        Assert.Equal(Program.ExitUsage, Run().Code);
        Assert.Equal(Program.ExitUsage, Run("check").Code);
    }

    [Fact]
    public void MissingProjectFileIsAnIoError()
    {
        Assert.Equal(Program.ExitUsage, Run("check", Path.Combine(_fixture.NewFolder(), "none.nfproj"), "--repo", _fixture.RepoRoot).Code);
    }

    [Fact]
    public void BadProjectExitsOneAndPrintsCompilerStyleLines()
    {
        string nfproj = _fixture.WriteProject(
            new Dictionary<string, string> { ["Snippet.cs"] = Snippets.WithMember("public string Run(string[] a) { return string.Join(\",\", a); }") },
            [PinnedPackages.CoreLibrary]);

        var (code, output, _) = Run("check", nfproj, "--repo", _fixture.RepoRoot);

        Assert.Equal(Program.ExitErrors, code);
        Assert.Matches(@"Snippet\.cs\(8,\d+\): error CS0117: 'string' does not contain a definition for 'Join'", output);
    }

    [Fact]
    public void CleanProjectExitsZero()
    {
        string nfproj = _fixture.WriteProject(
            new Dictionary<string, string> { ["Snippet.cs"] = Snippets.WithMember("public int Run(int a) { return a + 1; }") },
            [PinnedPackages.CoreLibrary]);

        var (code, output, _) = Run("check", nfproj, "--repo", _fixture.RepoRoot);

        Assert.Equal(Program.ExitClean, code);
        Assert.Contains("0 error(s)", output, System.StringComparison.Ordinal);
    }

    [Fact]
    public void StubsCommandReportsTheStubFolder()
    {
        var (code, output, _) = Run("stubs", "--repo", _fixture.RepoRoot);

        Assert.Equal(Program.ExitClean, code);
        Assert.Contains("23 stub assemblies in artifacts/nanostubs/", output, System.StringComparison.Ordinal);
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = Program.Run(args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
