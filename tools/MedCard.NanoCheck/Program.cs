using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using MedCard.NanoCheck.Api;
using MedCard.NanoCheck.Checks;
using MedCard.NanoCheck.Projects;
using MedCard.NanoCheck.Stubs;

namespace MedCard.NanoCheck;

/// <summary>Command line: <c>check</c>, <c>check --all</c>, <c>stubs</c>, <c>sync</c>. See README.md and <c>--help</c>.</summary>
public static class Program
{
    public const int ExitClean = 0;
    public const int ExitErrors = 1;
    public const int ExitUsage = 2;

    private const string Usage = """
        MedCard.NanoCheck: the nanoFramework reference compile.

        usage:
          dotnet run --project tools/MedCard.NanoCheck -- check <a.nfproj> [<b.nfproj> ...] [options]
          dotnet run --project tools/MedCard.NanoCheck -- check --all [options]
          dotnet run --project tools/MedCard.NanoCheck -- stubs [--force] [options]
          dotnet run --project tools/MedCard.NanoCheck -- sync <a.nfproj> [...]

        commands:
          check    compile each project's Compile items against the stubs of exactly the packages in its
                   packages.config (C# 9, NoStdLib, nullable off), then apply the device-only rules;
                   --all checks every .nfproj under shared/ and firmware/, and that
                   MedCard.Firmware.sln lists them and .gitignore ignores the restored packages
          stubs    generate the stub assemblies into artifacts/nanostubs/ (cached by data hash);
                   --force regenerates
          sync     rewrite an .nfproj's Compile list from the .cs files in its folder

        options:
          --api <dir>    API data folder (default: <repo>/../shared/nanoframework-api, or $NANOCHECK_API_DIR)
          --repo <dir>   repository root (default: walk up to MedCard.Device.sln)

        output: path(line,col): error CODE: message   (paths relative to the repository)
        exit codes: 0 clean, 1 errors found, 2 bad usage or I/O error
        """;

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length == 0 || args[0] is "--help" or "-h" or "help" || args.Contains("--help") || args.Contains("-h"))
        {
            (args.Length == 0 ? stderr : stdout).WriteLine(Usage);
            return args.Length == 0 ? ExitUsage : ExitClean;
        }

        string command = args[0];
        var positional = new List<string>();
        string? api = null;
        string? repo = null;
        bool all = false;
        bool force = false;
        for (int i = 1; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--all":
                    all = true;
                    break;
                case "--force":
                    force = true;
                    break;
                case "--api" when i + 1 < args.Length:
                    api = args[++i];
                    break;
                case "--repo" when i + 1 < args.Length:
                    repo = args[++i];
                    break;
                default:
                    if (args[i].StartsWith("--", StringComparison.Ordinal))
                    {
                        stderr.WriteLine("unknown or incomplete option: " + args[i]);
                        return ExitUsage;
                    }

                    positional.Add(args[i]);
                    break;
            }
        }

        string? repoRoot = repo is null ? RepoPaths.FindRepoRoot() : Path.GetFullPath(repo);
        try
        {
            switch (command)
            {
                case "check":
                    if (repoRoot is null)
                    {
                        stderr.WriteLine("cannot find the repository root (" + RepoPaths.SolutionFile + "); run inside the checkout or pass --repo");
                        return ExitUsage;
                    }

                    if (all == (positional.Count > 0))
                    {
                        stderr.WriteLine("check needs either project files or --all");
                        return ExitUsage;
                    }

                    List<string> projects = all ? FindAllProjects(repoRoot) : positional.Select(Path.GetFullPath).ToList();
                    return Check(projects, repoRoot, RepoPaths.ApiDirectory(repoRoot, api), all, stdout, stderr);
                case "stubs":
                    if (repoRoot is null)
                    {
                        stderr.WriteLine("cannot find the repository root (" + RepoPaths.SolutionFile + "); run inside the checkout or pass --repo");
                        return ExitUsage;
                    }

                    StubSet set = StubGenerator.Ensure(RepoPaths.ApiDirectory(repoRoot, api), RepoPaths.StubOutput(repoRoot), force, stderr);
                    stdout.WriteLine((set.Regenerated ? "generated " : "up to date: ") + set.AssemblyPaths.Count + " stub assemblies in " + Finding.DisplayPath(set.Directory, repoRoot));
                    return ExitClean;
                case "sync":
                    if (positional.Count == 0)
                    {
                        stderr.WriteLine("sync needs at least one .nfproj");
                        return ExitUsage;
                    }

                    foreach (string project in positional)
                    {
                        var (added, removed) = CompileListSync.Sync(project);
                        stdout.WriteLine(Finding.DisplayPath(Path.GetFullPath(project), repoRoot) + ": " + added + " added, " + removed + " removed");
                    }

                    return ExitClean;
                default:
                    stderr.WriteLine("unknown command '" + command + "'");
                    stderr.WriteLine(Usage);
                    return ExitUsage;
            }
        }
        catch (Exception e) when (e is IOException or XmlException or UnauthorizedAccessException)
        {
            stderr.WriteLine("error: " + e.Message);
            return ExitUsage;
        }
        catch (Exception e) when (e is FormatException or NotSupportedException or InvalidOperationException)
        {
            // The API data could not be read or its stubs did not compile: not a verdict on firmware code.
            stderr.WriteLine("error: cannot build the nanoFramework stubs: " + e.Message);
            return ExitUsage;
        }
    }

    /// <summary>Every .nfproj under shared/ and firmware/ (bin/ and obj/ skipped), sorted.</summary>
    public static List<string> FindAllProjects(string repoRoot)
    {
        var result = new List<string>();
        foreach (string top in new[] { "shared", "firmware" })
        {
            string dir = Path.Combine(repoRoot, top);
            if (!Directory.Exists(dir))
            {
                continue;
            }

            result.AddRange(Directory.EnumerateFiles(dir, "*.nfproj", SearchOption.AllDirectories)
                .Where(p => !Path.GetRelativePath(repoRoot, p).Split(Path.DirectorySeparatorChar).Any(s => s is "bin" or "obj")));
        }

        result.Sort(StringComparer.Ordinal);
        return result;
    }

    private static int Check(List<string> projects, string repoRoot, string apiDirectory, bool all, TextWriter stdout, TextWriter stderr)
    {
        foreach (string project in projects.Where(p => !File.Exists(p)))
        {
            stderr.WriteLine("error: project file not found: " + project);
            return ExitUsage;
        }

        if (projects.Count == 0)
        {
            stdout.WriteLine("reference compile: no .nfproj under shared/ or firmware/ yet; nothing to check");
            return ExitClean;
        }

        StubSet stubs = StubGenerator.Ensure(apiDirectory, RepoPaths.StubOutput(repoRoot), log: null);
        var compiler = new ReferenceCompiler(ApiDataSet.Load(apiDirectory), stubs);
        var printed = new HashSet<Finding>();
        int errors = 0;
        foreach (string project in projects)
        {
            IReadOnlyList<Finding> findings = compiler.Check(project);
            foreach (Finding finding in findings.Where(printed.Add))
            {
                stdout.WriteLine(finding.Format(repoRoot));
                errors++;
            }

            int own = compiler.CheckProject(Path.GetFullPath(project)).Findings.Count; // this project's own, without its references
            stdout.WriteLine("reference compile: " + Finding.DisplayPath(project, repoRoot) + ": " + (own == 0 ? "ok" : own + " error(s)"));
        }

        if (all)
        {
            // The repository-level project rules: the firmware solution and the ignored package folder.
            List<Finding> layout = FirmwareSolutionRule.Check(repoRoot, projects);
            foreach (Finding finding in layout)
            {
                stdout.WriteLine(finding.Format(repoRoot));
            }

            errors += layout.Count;
            stdout.WriteLine("project rules: " + FirmwareSolutionRule.SolutionFile + ": " + (layout.Count == 0 ? "ok" : layout.Count + " error(s)"));
        }

        stdout.WriteLine("reference compile: mscorlib: " + (compiler.CoreLibraryPath is null
            ? "generated stub (nanoFramework.CoreLibrary " + PinnedPackages.Versions[PinnedPackages.CoreLibrary] + " is not in the NuGet cache, or " + RealCoreLibrary.OverrideVariable + "=stub)"
            : "real nanoFramework.CoreLibrary " + PinnedPackages.Versions[PinnedPackages.CoreLibrary] + " from the NuGet cache"));
        stdout.WriteLine("reference compile: " + projects.Count + " project(s), " + errors + " error(s)");
        return errors == 0 ? ExitClean : ExitErrors;
    }
}
