using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using MedCard.NanoCheck.Api;
using MedCard.NanoCheck.Projects;

namespace MedCard.NanoCheck.Checks;

/// <summary>
/// What Visual Studio's nanoFramework project system needs from an .nfproj beyond its sources (NANO017–NANO021):
/// HintPaths that name a file the package ships, under nuget.config's repositoryPath, for every assembly of
/// every package; the TestContainer capability on a test project; no import of the repository's SDK-only
/// Directory.* files; every package at or above the minimums the other listed packages declare; and
/// Properties\AssemblyInfo.cs.
/// </summary>
public static class ProjectFileRules
{
    private const string AssemblyInfoItem = @"Properties\AssemblyInfo.cs";

    public static void Check(NfProject project, ApiDataSet data, List<Finding> findings)
    {
        CheckHintPaths(project, data, findings);
        CheckTestCapability(project, findings);
        CheckDirectoryImports(project, findings);
        CheckDependencyMinimums(project, findings);
        CheckAssemblyInfo(project, findings);
    }

    /// <summary>NANO017.</summary>
    public static void CheckHintPaths(NfProject project, ApiDataSet data, List<Finding> findings)
    {
        NuGetRepositoryPath? repository = null;
        bool repositoryLooked = false;
        var referencedFiles = new HashSet<string>(StringComparer.OrdinalIgnoreCase); // "<id>|<file>"
        foreach (var (include, hint, line) in project.References)
        {
            if (string.IsNullOrWhiteSpace(hint))
            {
                findings.Add(new Finding(project.FullPath, line, 1, RuleIds.HintPath, "Reference '" + include + "' has no HintPath: a nanoFramework project finds its package assemblies only through the HintPath"));
                continue;
            }

            string full = Path.GetFullPath(Path.Combine(project.Directory, hint.Replace('\\', Path.DirectorySeparatorChar)));
            string file = Path.GetFileName(full);
            string? lib = Path.GetDirectoryName(full);
            string? packageFolder = lib is null ? null : Path.GetDirectoryName(lib);
            if (lib is null || packageFolder is null || !string.Equals(Path.GetFileName(lib), "lib", StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(new Finding(project.FullPath, line, 1, RuleIds.HintPath, "HintPath '" + hint + "' is not <packages folder>\\<id>.<version>\\lib\\<file>, the layout packages.config restores"));
                continue;
            }

            string folderName = Path.GetFileName(packageFolder);
            PackageReference? package = project.Packages.FirstOrDefault(p => string.Equals(folderName, p.Id + "." + p.Version, StringComparison.OrdinalIgnoreCase));
            if (package is null)
            {
                PackageReference? sameId = project.Packages
                    .Where(p => folderName.StartsWith(p.Id + ".", StringComparison.OrdinalIgnoreCase) && char.IsDigit(folderName[p.Id.Length + 1]))
                    .OrderByDescending(p => p.Id.Length)
                    .FirstOrDefault();
                string why = sameId is null
                    ? "names package folder '" + folderName + "', which is no <id>.<version> of packages.config"
                    : "names version " + folderName[(sameId.Id.Length + 1)..] + " of " + sameId.Id + ", but packages.config pins " + sameId.Version + " (Visual Studio restores only that folder)";
                findings.Add(new Finding(project.FullPath, line, 1, RuleIds.HintPath, "HintPath '" + hint + "' " + why));
                continue;
            }

            string[] shipped = LibFiles(package.Id, data);
            if (shipped.Length > 0 && !shipped.Contains(file, StringComparer.OrdinalIgnoreCase))
            {
                findings.Add(new Finding(project.FullPath, line, 1, RuleIds.HintPath, "HintPath '" + hint + "' names lib\\" + file + ", which package " + package.Id + " does not ship (it ships " + string.Join(", ", shipped.Select(s => "lib\\" + s)) + ")"));
                continue;
            }

            // MSBuild's ResolveAssemblyReference takes the HintPath file only when its assembly name is the Include's.
            string expected = Path.GetFileNameWithoutExtension(file);
            string named = include.Split(',')[0].Trim();
            if (!string.Equals(named, expected, StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(new Finding(project.FullPath, line, 1, RuleIds.HintPath, "Reference '" + named + "' points at lib\\" + file + ", whose assembly is '" + expected + "': MSBuild rejects a HintPath whose assembly name differs from the Include"));
                continue;
            }

            referencedFiles.Add(package.Id + "|" + file);
            if (!repositoryLooked)
            {
                repository = NuGetRepositoryPath.Find(project.Directory);
                repositoryLooked = true;
                if (repository is null)
                {
                    findings.Add(new Finding(project.FullPath, line, 1, RuleIds.HintPath, "no nuget.config at or above the project sets repositoryPath: Visual Studio then restores packages.config packages beside whichever solution opened the project, so HintPath '" + hint + "' resolves only from a solution in one folder"));
                }
            }

            string root = Path.GetDirectoryName(packageFolder)!;
            if (repository is not null && !string.Equals(root, repository.Directory, StringComparison.Ordinal))
            {
                findings.Add(new Finding(project.FullPath, line, 1, RuleIds.HintPath, "HintPath '" + hint + "' looks for the package under " + Relative(project, root) + ", but " + Relative(project, repository.ConfigFile) + " restores packages to " + Relative(project, repository.Directory) + " (repositoryPath)"));
            }
        }

        foreach (PackageReference package in project.Packages)
        {
            if (!data.Packages.TryGetValue(package.Id, out ApiPackage? api))
            {
                continue; // NANO010 reports it
            }

            foreach (string assembly in api.Assemblies.Where(a => !referencedFiles.Contains(package.Id + "|" + a + ".dll")))
            {
                findings.Add(new Finding(project.PackagesConfigPath ?? project.FullPath, package.Line, 1, RuleIds.HintPath, "package " + package.Id + " ships lib\\" + assembly + ".dll, but " + Path.GetFileName(project.FullPath) + " has no <Reference> with that HintPath: Visual Studio would not compile against it"));
            }
        }
    }

    /// <summary>The file names a package ships in lib\: one .dll per assembly of the API data, plus <see cref="PinnedPackages.ExtraLibFiles"/>.</summary>
    public static string[] LibFiles(string packageId, ApiDataSet data)
    {
        if (!data.Packages.TryGetValue(packageId, out ApiPackage? api))
        {
            return [];
        }

        IEnumerable<string> files = api.Assemblies.Select(a => a + ".dll");
        if (PinnedPackages.ExtraLibFiles.TryGetValue(packageId, out string[]? extra))
        {
            files = files.Concat(extra);
        }

        return files.ToArray();
    }

    /// <summary>NANO018.</summary>
    public static void CheckTestCapability(NfProject project, List<Finding> findings)
    {
        bool usesTestFramework = project.Packages.Any(p => string.Equals(p.Id, PinnedPackages.TestFramework, StringComparison.OrdinalIgnoreCase));
        bool saysTestProject = project.Properties.Any(p => p.Name == "IsTestProject" && string.Equals(p.Value, "true", StringComparison.OrdinalIgnoreCase));
        if ((usesTestFramework || saysTestProject) && !project.Capabilities.Contains("TestContainer", StringComparer.OrdinalIgnoreCase))
        {
            string why = usesTestFramework ? "references " + PinnedPackages.TestFramework : "sets IsTestProject";
            findings.Add(new Finding(project.FullPath, 1, 1, RuleIds.TestCapability, "the project " + why + " but has no <ProjectCapability Include=\"TestContainer\" />: Visual Studio's Test Explorer would not discover its tests"));
        }
    }

    /// <summary>NANO019: Microsoft.Common.props imports Directory.Build.props and Directory.Packages.props, Microsoft.Common.targets Directory.Build.targets, unless switched off first.</summary>
    public static void CheckDirectoryImports(NfProject project, List<Finding> findings)
    {
        int firstImport = project.Imports.Count > 0 ? project.Imports[0].Line : int.MaxValue;
        int lastImport = project.Imports.Count > 0 ? project.Imports[^1].Line : int.MaxValue;
        Leak("Directory.Build.props", "ImportDirectoryBuildProps", firstImport, "before the NFProjectSystem.Default.props import");
        Leak("Directory.Packages.props", "ImportDirectoryPackagesProps", firstImport, "before the NFProjectSystem.Default.props import");
        Leak("Directory.Build.targets", "ImportDirectoryBuildTargets", lastImport, "before the NFProjectSystem.CSharp.targets import");

        void Leak(string fileName, string property, int beforeLine, string where)
        {
            string? found = FindAbove(project.Directory, fileName);
            if (found is null)
            {
                return;
            }

            string? value = project.Properties.Where(p => p.Name == property && p.Line < beforeLine).Select(p => p.Value).LastOrDefault();
            if (string.Equals(value, "false", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            int line = beforeLine == int.MaxValue ? 1 : beforeLine;
            findings.Add(new Finding(project.FullPath, line, 1, RuleIds.DirectoryPropsLeak, "the nanoFramework build would import " + Relative(project, found) + " (MSBuild finds it above the project); its SDK settings (target framework, nullable, warnings as errors, package versions) are not for nanoFramework: set <" + property + ">false</" + property + "> in a PropertyGroup " + where));
        }
    }

    private static string Relative(NfProject project, string path) => Path.GetRelativePath(project.Directory, path).Replace('\\', '/');

    /// <summary>MSBuild's GetDirectoryNameOfFileAbove: the project folder itself, then each parent.</summary>
    public static string? FindAbove(string directory, string fileName)
    {
        for (DirectoryInfo? dir = new(directory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, fileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>NANO020.</summary>
    public static void CheckDependencyMinimums(NfProject project, List<Finding> findings)
    {
        string config = project.PackagesConfigPath ?? project.FullPath;
        foreach (PackageReference package in project.Packages)
        {
            if (!PinnedPackages.Dependencies.TryGetValue(package.Id, out PackageDependency[]? needs))
            {
                continue;
            }

            foreach (PackageDependency need in needs)
            {
                PackageReference? listed = project.Packages.FirstOrDefault(p => string.Equals(p.Id, need.Id, StringComparison.OrdinalIgnoreCase));
                if (listed is null)
                {
                    findings.Add(new Finding(config, package.Line, 1, RuleIds.DependencyMinimum, package.Id + " " + package.Version + " needs " + need.Id + " >= " + need.Minimum + " (" + need.Source + "), which packages.config does not list"));
                }
                else if (PinnedPackages.IsBelow(listed.Version, need.Minimum))
                {
                    findings.Add(new Finding(config, listed.Line, 1, RuleIds.DependencyMinimum, need.Id + " " + listed.Version + " is below " + need.Minimum + ", the minimum " + package.Id + " " + package.Version + " declares (" + need.Source + ")"));
                }
            }
        }
    }

    /// <summary>NANO021.</summary>
    public static void CheckAssemblyInfo(NfProject project, List<Finding> findings)
    {
        if (!project.CompileItems.Any(c => string.Equals(c.Include.Replace('/', '\\'), AssemblyInfoItem, StringComparison.OrdinalIgnoreCase)))
        {
            findings.Add(new Finding(project.FullPath, 1, 1, RuleIds.AssemblyInfo, "no " + AssemblyInfoItem + " in the Compile list: every nanoFramework project template has one (the assembly's title and version, which the metadata processor writes into the .pe)"));
        }
    }
}
