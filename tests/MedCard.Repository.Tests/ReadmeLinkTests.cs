using System.Collections.Generic;
using System.IO;
using System;
using System.Text.RegularExpressions;
using Xunit;

namespace MedCard.Repository.Tests;

/// <summary>
/// The repository speaks only of itself: every Markdown file's relative links resolve to a file or folder inside
/// the repository, and no Markdown file names a path on a build machine. Public URLs are allowed; the API data
/// beside the clone (<c>../shared/nanoframework-api</c>, an input CI provides) may be named in code spans.
/// </summary>
public sealed class ReadmeLinkTests
{
    private static readonly Regex Link = new(@"\]\(([^)\s]+)\)", RegexOptions.Compiled);

    // Any absolute path whose first folder is not one the product itself names (device nodes, sysfs, system binaries,
    // package locations): a home, temp or workspace folder of some machine does not belong in a document. Also Windows
    // drive paths, except I:\, the reader's own internal flash drive on nanoFramework. The HTTP routes of `medcard serve`
    // (/v1/..., /openapi/v1.json) are the product's own names too.
    private static readonly string[] SystemFolders = { "dev", "sys", "usr", "etc", "proc", "var", "run", "bin", "lib", "v1", "openapi" };

    private static readonly Regex AbsolutePath = new(@"(?<![\w.~:/\\>-])/([A-Za-z][\w.-]*)/", RegexOptions.Compiled);

    private static readonly Regex DrivePath = new(@"(?<![\w\\])[A-HJ-Z]:\\(?!\\)", RegexOptions.Compiled);

    private static bool NamesMachinePath(string line)
    {
        foreach (Match m in AbsolutePath.Matches(line))
        {
            if (Array.IndexOf(SystemFolders, m.Groups[1].Value) < 0)
            {
                return true;
            }
        }

        return DrivePath.IsMatch(line);
    }

    public static TheoryData<string> MarkdownFiles()
    {
        var data = new TheoryData<string>();
        foreach (string file in RepoFiles.Markdown())
        {
            data.Add(Path.GetRelativePath(RepoFiles.Root, file));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void Relative_links_stay_inside_the_repository_and_exist(string relativePath)
    {
        string file = Path.Combine(RepoFiles.Root, relativePath);
        string folder = Path.GetDirectoryName(file)!;
        var bad = new List<string>();
        foreach (Match m in Link.Matches(File.ReadAllText(file)))
        {
            string target = m.Groups[1].Value;
            if (target.StartsWith("http://", StringComparison.Ordinal) || target.StartsWith("https://", StringComparison.Ordinal)
                || target.StartsWith('#') || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            string path = Uri.UnescapeDataString(target.Split('#')[0]);
            string full = Path.GetFullPath(Path.Combine(folder, path));
            if (!full.StartsWith(RepoFiles.Root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && full != RepoFiles.Root)
            {
                bad.Add(target + " (outside the repository)");
            }
            else if (!File.Exists(full) && !Directory.Exists(full))
            {
                bad.Add(target + " (missing)");
            }
        }

        Assert.True(bad.Count == 0, relativePath + ": " + string.Join(", ", bad));
    }

    [Theory]
    [MemberData(nameof(MarkdownFiles))]
    public void No_build_machine_paths(string relativePath)
    {
        string[] lines = File.ReadAllLines(Path.Combine(RepoFiles.Root, relativePath));
        var bad = new List<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            if (NamesMachinePath(lines[i]))
            {
                bad.Add("line " + (i + 1) + ": " + lines[i].Trim());
            }
        }

        Assert.True(bad.Count == 0, relativePath + ": " + string.Join("; ", bad));
    }

    [Theory]
    [InlineData("see the notes in /srv/notes/common.md", true)]
    [InlineData("stubs in <repo>/artifacts/nanostubs", false)]
    [InlineData("built in D:\\builds\\x", true)]
    [InlineData("ledger at ~/x and /mnt/data/ledger.db", true)]
    [InlineData("the device /dev/ttyUSB0 and /sys/class/tty and /usr/lib/postgresql/15/bin", false)]
    [InlineData("tcp://host:port, https://github.com/medcard-device/MedCard.Device, host/MedCard.Cli, I:\\ckeys.in", false)]
    [InlineData("POST /v1/readers/{name}/purchases, the document at /openapi/v1.json", false)]
    [InlineData("served from /home/ops/v1/x", true)]
    public void A_machine_path_is_told_from_the_paths_the_product_names(string line, bool machine)
    {
        Assert.Equal(machine, NamesMachinePath(line));
    }

    [Fact]
    public void The_checks_see_the_documents()
    {
        // Guards the two theories above against silently finding nothing (a wrong root, a renamed README).
        Assert.Contains(RepoFiles.Markdown(), f => Path.GetRelativePath(RepoFiles.Root, f) == "README.md");
        Assert.True(RepoFiles.Markdown().Count >= 10);
    }
}
