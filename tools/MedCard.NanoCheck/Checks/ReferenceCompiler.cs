using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using MedCard.NanoCheck.Api;
using MedCard.NanoCheck.Projects;
using MedCard.NanoCheck.Stubs;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Emit;
using Microsoft.CodeAnalysis.Text;

namespace MedCard.NanoCheck.Checks;

/// <summary>
/// The reference compile of one .nfproj: project rules (packages, Compile list drift, references), then a
/// C# 9, NoStdLib, nullable-off compile of exactly its Compile items against mscorlib plus the stubs of the
/// packages in its packages.config plus its referenced .nfproj projects (compiled first), then, when that
/// compile is clean, the device-only rules. Results are memoised per project, so a project referenced by
/// several others is compiled and reported once per instance.
/// </summary>
public sealed partial class ReferenceCompiler
{
    private readonly ApiDataSet _data;
    private readonly StubSet _stubs;
    private readonly Dictionary<string, ProjectResult> _done = new(StringComparer.Ordinal);
    private readonly HashSet<string> _inProgress = new(StringComparer.Ordinal);

    /// <summary>Compiles against the real nanoFramework mscorlib when the stub set was built with it (<see cref="RealCoreLibrary"/>), else the generated stub.</summary>
    public ReferenceCompiler(ApiDataSet data, StubSet stubs)
    {
        _data = data;
        _stubs = stubs;
    }

    /// <summary>The real mscorlib.dll compiled against, or null when the generated stub stands in for it.</summary>
    public string? CoreLibraryPath => _stubs.RealCoreLibraryPath;

    /// <summary>The outcome of one project: its own findings and its compilation (used by referencing projects).</summary>
    public sealed record ProjectResult(string ProjectPath, IReadOnlyList<Finding> Findings, CSharpCompilation? Compilation, IReadOnlyList<string> ReferencedProjects);

    /// <summary>
    /// Checks a project and, first, every project it references. Returns the findings of all of them.
    /// Throws <see cref="IOException"/> or <see cref="XmlException"/> when the given project itself is unreadable.
    /// </summary>
    public IReadOnlyList<Finding> Check(string nfprojPath)
    {
        var all = new List<Finding>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        Collect(CheckProject(Path.GetFullPath(nfprojPath)), all, seen);
        return all;
    }

    public ProjectResult CheckProject(string fullPath)
    {
        if (_done.TryGetValue(fullPath, out ProjectResult? cached))
        {
            return cached;
        }

        NfProject project = NfProject.Load(fullPath);
        _inProgress.Add(fullPath);
        try
        {
            ProjectResult result = Compile(project);
            _done[fullPath] = result;
            return result;
        }
        finally
        {
            _inProgress.Remove(fullPath);
        }
    }

    private void Collect(ProjectResult result, List<Finding> all, HashSet<string> seen)
    {
        if (!seen.Add(result.ProjectPath))
        {
            return;
        }

        foreach (string reference in result.ReferencedProjects)
        {
            if (_done.TryGetValue(reference, out ProjectResult? r))
            {
                Collect(r, all, seen);
            }
        }

        all.AddRange(result.Findings);
    }

    private ProjectResult Compile(NfProject project)
    {
        var findings = new List<Finding>();
        List<string> assemblies = CheckPackages(project, findings);
        ProjectFileRules.Check(project, _data, findings);
        List<SyntaxTree> trees = ReadSources(project, findings);

        var references = new List<MetadataReference> { _stubs.CoreLibrary() };
        references.AddRange(assemblies.Where(a => a != AssemblyDependencies.CoreLibrary).Distinct(StringComparer.Ordinal).Select(_stubs.Reference));
        var referencedProjects = new List<string>();
        foreach (var (path, line) in project.ProjectReferences)
        {
            if (!path.EndsWith(".nfproj", StringComparison.OrdinalIgnoreCase))
            {
                findings.Add(new Finding(project.FullPath, line, 1, RuleIds.ProjectReference, "ProjectReference '" + Path.GetFileName(path) + "' is not an .nfproj: a nanoFramework project can only reference nanoFramework projects"));
                continue;
            }

            if (!File.Exists(path))
            {
                findings.Add(new Finding(project.FullPath, line, 1, RuleIds.ProjectReference, "ProjectReference '" + path + "' does not exist"));
                continue;
            }

            if (_inProgress.Contains(path))
            {
                findings.Add(new Finding(project.FullPath, line, 1, RuleIds.ProjectReference, "ProjectReference '" + Path.GetFileName(path) + "' forms a reference cycle"));
                continue;
            }

            ProjectResult referenced = CheckProject(path);
            referencedProjects.Add(path);
            if (referenced.Compilation is not null)
            {
                references.Add(referenced.Compilation.ToMetadataReference());
            }
        }

        var options = new CSharpCompilationOptions(
            OutputKind.DynamicallyLinkedLibrary,
            nullableContextOptions: NullableContextOptions.Disable,
            allowUnsafe: false,
            deterministic: true);
        CSharpCompilation compilation = CSharpCompilation.Create(project.AssemblyName, trees, references, options);

        // Emit, not just GetDiagnostics: missing runtime helpers (the async method builders, for one)
        // are only reported while lowering method bodies.
        EmitResult emitted;
        using (var image = new MemoryStream())
        {
            emitted = compilation.Emit(image);
        }

        var compileErrors = emitted.Diagnostics
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .Select(d => ToFinding(d, project))
            .ToList();
        findings.AddRange(compileErrors);
        if (compileErrors.Count == 0)
        {
            findings.AddRange(DeviceRules.Check(compilation, _data.ExcludedTypes));
        }

        // The compiler can report the same error twice at one spot (e.g. a record's synthesized members).
        return new ProjectResult(project.FullPath, findings.Distinct().ToList(), compilation, referencedProjects);
    }

    private static CSharpParseOptions ParseOptions(NfProject project) =>
        new(LanguageVersion.CSharp9, DocumentationMode.Parse, SourceCodeKind.Regular, project.DefineConstants);

    /// <summary>Package rules; returns the stub assemblies of the valid packages.</summary>
    private List<string> CheckPackages(NfProject project, List<Finding> findings)
    {
        var assemblies = new List<string>();
        if (project.PackagesConfigPath is null)
        {
            findings.Add(new Finding(project.FullPath, 1, 1, RuleIds.PackagesConfig, "no packages.config beside the project: a nanoFramework project pins its packages there (at least nanoFramework.CoreLibrary " + PinnedPackages.Versions[PinnedPackages.CoreLibrary] + ")"));
            return assemblies;
        }

        if (!project.Packages.Any(p => string.Equals(p.Id, PinnedPackages.CoreLibrary, StringComparison.OrdinalIgnoreCase)))
        {
            findings.Add(new Finding(project.PackagesConfigPath, 1, 1, RuleIds.PackagesConfig, "packages.config does not reference " + PinnedPackages.CoreLibrary + " " + PinnedPackages.Versions[PinnedPackages.CoreLibrary]));
        }

        foreach (PackageReference package in project.Packages)
        {
            if (!PinnedPackages.Versions.TryGetValue(package.Id, out string? pinned) || !_data.Packages.TryGetValue(package.Id, out ApiPackage? api))
            {
                findings.Add(new Finding(project.PackagesConfigPath, package.Line, 1, RuleIds.UnknownPackage, "package '" + package.Id + "' is not in the pinned nanoFramework package set (see tools/MedCard.NanoCheck/Projects/PinnedPackages.cs)"));
                continue;
            }

            if (package.Version != pinned)
            {
                findings.Add(new Finding(project.PackagesConfigPath, package.Line, 1, RuleIds.PackageVersion, "package '" + package.Id + "' version " + package.Version + " differs from the pinned version " + pinned));
            }

            assemblies.AddRange(api.Assemblies);
        }

        return assemblies;
    }

    /// <summary>Reads the listed sources and reports Compile list drift against the folder tree.</summary>
    private static List<SyntaxTree> ReadSources(NfProject project, List<Finding> findings)
    {
        var trees = new List<SyntaxTree>();
        var listed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (include, line) in project.CompileItems)
        {
            if (include.IndexOfAny(['*', '?']) >= 0)
            {
                findings.Add(new Finding(project.FullPath, line, 1, RuleIds.WildcardCompile, "Compile item '" + include + "' uses a wildcard: list every file explicitly (fix with `dotnet run --project tools/MedCard.NanoCheck -- sync <the .nfproj>`)"));
                continue;
            }

            string path = project.Resolve(include);
            if (!listed.Add(path))
            {
                continue;
            }

            if (!File.Exists(path))
            {
                string? caseVariant = CaseVariant(path);
                string why = caseVariant is null ? "does not exist" : "does not exist (a file differing only in case exists: " + Path.GetFileName(caseVariant) + ")";
                findings.Add(new Finding(project.FullPath, line, 1, RuleIds.MissingSource, "Compile item '" + include + "' " + why));
                continue;
            }

            SourceText text = SourceText.From(File.ReadAllText(path), Encoding.UTF8);
            trees.Add(CSharpSyntaxTree.ParseText(text, ParseOptions(project), path));
        }

        foreach (string file in NfProject.SourceFilesInTree(project.Directory))
        {
            string full = Path.GetFullPath(file);
            if (!listed.Contains(full) && !project.NotCompiledSources.Contains(full))
            {
                findings.Add(new Finding(file, 1, 1, RuleIds.UnlistedSource, "'" + Path.GetFileName(file) + "' is in the folder of " + Path.GetFileName(project.FullPath) + " but not in its Compile list; the SDK csproj compiles it, the nanoFramework build would not (fix with `dotnet run --project tools/MedCard.NanoCheck -- sync <the .nfproj>`)"));
            }
        }

        return trees;
    }

    private static string? CaseVariant(string path)
    {
        string? dir = Path.GetDirectoryName(path);
        if (dir is null || !Directory.Exists(dir))
        {
            return null;
        }

        string name = Path.GetFileName(path);
        return Directory.EnumerateFiles(dir).FirstOrDefault(f => string.Equals(Path.GetFileName(f), name, StringComparison.OrdinalIgnoreCase));
    }

    private Finding ToFinding(Diagnostic diagnostic, NfProject project)
    {
        string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture) + Hint(diagnostic, project);
        if (diagnostic.Location.IsInSource)
        {
            FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
            return new Finding(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, diagnostic.Id, message);
        }

        return new Finding(project.FullPath, 1, 1, diagnostic.Id, message);
    }

    /// <summary>Says where a missing name lives, when it is only missing because a package is not referenced.</summary>
    private string Hint(Diagnostic diagnostic, NfProject project)
    {
        if (diagnostic.Id == "CS0012")
        {
            Match m = AssemblyInMessage().Match(diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
            string? package = m.Success ? _data.Packages.Values.FirstOrDefault(p => p.Assemblies.Contains(m.Groups[1].Value))?.Id : null;
            return package is null ? "" : " (assembly " + m.Groups[1].Value + " ships in package " + package + "; add it to packages.config)";
        }

        if (diagnostic.Id is not ("CS0246" or "CS0234" or "CS0103") || !diagnostic.Location.IsInSource)
        {
            return "";
        }

        string message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        var referenced = new HashSet<string>(project.Packages.Select(p => p.Id), StringComparer.OrdinalIgnoreCase);
        Match inNamespace = NameInNamespace().Match(message);
        if (diagnostic.Id == "CS0234" && inNamespace.Success)
        {
            string ns = inNamespace.Groups[2].Value + "." + inNamespace.Groups[1].Value;
            var withNamespace = _data.PackagesWithNamespace(ns).Where(p => !referenced.Contains(p)).ToList();
            if (withNamespace.Count > 0)
            {
                return " (namespace '" + ns + "' exists only in package " + string.Join(" / ", withNamespace) + ", which packages.config does not reference)";
            }
        }

        string text = diagnostic.Location.SourceTree!.GetText().ToString(diagnostic.Location.SourceSpan);
        string name = inNamespace.Success ? inNamespace.Groups[1].Value : text.Split('<')[0].Split('.').Last().Trim();
        var declaring = _data.PackagesDeclaring(name).ToList();
        if (declaring.Count == 0)
        {
            return diagnostic.Id == "CS0103" ? "" : " (no nanoFramework 1.x package declares '" + name + "')";
        }

        var missing = declaring.Where(p => !referenced.Contains(p)).ToList();
        return missing.Count == 0 ? "" : " (nanoFramework declares '" + name + "' in package " + string.Join(" / ", missing) + ", which packages.config does not reference)";
    }

    [GeneratedRegex(@"name '([^']+)' does not exist in the namespace '([^']+)'")]
    private static partial Regex NameInNamespace();

    [GeneratedRegex(@"assembly '([^,']+)")]
    private static partial Regex AssemblyInMessage();
}
