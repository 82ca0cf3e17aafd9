using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using MedCard.NanoCheck.Projects;

namespace MedCard.NanoCheck.Checks;

/// <summary>
/// NANO022 (check --all only): Visual Studio opens the firmware through <c>MedCard.Firmware.sln</c> at the repository
/// root, which must list every .nfproj with the nanoFramework project type; the packages it restores
/// (nuget.config's repositoryPath) must be git-ignored.
/// </summary>
public static partial class FirmwareSolutionRule
{
    public const string SolutionFile = "MedCard.Firmware.sln";

    /// <summary>The nanoFramework C# project type (the first of each .nfproj's ProjectTypeGuids).</summary>
    public const string NanoProjectType = "11A8DD76-328B-46DF-9F39-F559912D0360";

    public static List<Finding> Check(string repoRoot, IReadOnlyList<string> projects)
    {
        var findings = new List<Finding>();
        string solution = Path.Combine(repoRoot, SolutionFile);
        if (!File.Exists(solution))
        {
            findings.Add(new Finding(solution, 1, 1, RuleIds.FirmwareSolution, "no " + SolutionFile + " at the repository root: Visual Studio has no solution that builds the .nfproj projects"));
        }
        else
        {
            var listed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase); // relative path -> type guid
            foreach (Match m in ProjectLine().Matches(File.ReadAllText(solution)))
            {
                listed[m.Groups[2].Value.Replace('\\', '/')] = m.Groups[1].Value;
            }

            foreach (string project in projects)
            {
                string relative = Path.GetRelativePath(repoRoot, project).Replace('\\', '/');
                if (!listed.TryGetValue(relative, out string? type))
                {
                    findings.Add(new Finding(solution, 1, 1, RuleIds.FirmwareSolution, SolutionFile + " does not list " + relative + ": Visual Studio would not build or deploy it"));
                }
                else if (!string.Equals(type, NanoProjectType, StringComparison.OrdinalIgnoreCase))
                {
                    findings.Add(new Finding(solution, 1, 1, RuleIds.FirmwareSolution, SolutionFile + " lists " + relative + " with project type {" + type + "}, not the nanoFramework type {" + NanoProjectType + "}"));
                }
            }
        }

        NuGetRepositoryPath? repository = NuGetRepositoryPath.Find(repoRoot);
        if (repository is not null && repository.Directory.StartsWith(repoRoot, StringComparison.Ordinal))
        {
            string folder = Path.GetRelativePath(repoRoot, repository.Directory).Replace('\\', '/');
            string gitignore = Path.Combine(repoRoot, ".gitignore");
            bool ignored = File.Exists(gitignore) && File.ReadAllLines(gitignore).Select(l => l.Trim().Trim('/')).Contains(folder, StringComparer.Ordinal);
            if (!ignored)
            {
                findings.Add(new Finding(gitignore, 1, 1, RuleIds.FirmwareSolution, "nuget.config restores the nanoFramework packages to " + folder + "/, which .gitignore does not ignore"));
            }
        }

        return findings;
    }

    [GeneratedRegex(@"^Project\(""\{([0-9A-Fa-f-]+)\}""\)\s*=\s*""[^""]*"",\s*""([^""]+\.nfproj)""", RegexOptions.Multiline)]
    private static partial Regex ProjectLine();
}
