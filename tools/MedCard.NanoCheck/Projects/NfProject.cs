using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace MedCard.NanoCheck.Projects;

/// <summary>
/// What the reference compile needs from a nanoFramework project: the <c>&lt;Compile Include&gt;</c>
/// items (relative to the .nfproj, Windows backslashes allowed), the <c>&lt;ProjectReference&gt;</c>s to
/// other .nfproj files, <c>DefineConstants</c>, the assembly name and the sibling packages.config. Only
/// items are read; MSBuild imports and conditions are ignored (the NFProjectSystem targets are absent on Linux).
/// </summary>
public sealed class NfProject
{
    private NfProject(string path)
    {
        FullPath = path;
    }

    public string FullPath { get; }

    public string Directory => Path.GetDirectoryName(FullPath)!;

    public string AssemblyName { get; private set; } = "";

    /// <summary>Compile items as written, with the line of each for diagnostics.</summary>
    public List<(string Include, int Line)> CompileItems { get; } = [];

    /// <summary>Absolute paths of referenced .nfproj files, with their lines.</summary>
    public List<(string Path, int Line)> ProjectReferences { get; } = [];

    public List<string> DefineConstants { get; } = [];

    /// <summary>
    /// Absolute paths of .cs files the project lists as <c>None</c>/<c>Content</c>: deliberately not compiled
    /// for the device (desktop-only code in the same folder), so the drift check leaves them alone.
    /// </summary>
    public HashSet<string> NotCompiledSources { get; } = new(StringComparer.Ordinal);

    /// <summary>Null when the project has no packages.config beside it.</summary>
    public string? PackagesConfigPath { get; private set; }

    public List<PackageReference> Packages { get; } = [];

    /// <summary><c>&lt;Reference Include&gt;</c> items with their HintPath (null when none), in document order.</summary>
    public List<(string Include, string? HintPath, int Line)> References { get; } = [];

    /// <summary><c>&lt;ProjectCapability Include&gt;</c> items.</summary>
    public List<string> Capabilities { get; } = [];

    /// <summary>Every property set in a PropertyGroup, in document order (name, value, line).</summary>
    public List<(string Name, string Value, int Line)> Properties { get; } = [];

    /// <summary>Every <c>&lt;Import Project&gt;</c>, in document order.</summary>
    public List<(string Project, int Line)> Imports { get; } = [];

    /// <summary>Absolute path of a Compile item (backslashes turned into the platform separator).</summary>
    public string Resolve(string include) => Path.GetFullPath(Path.Combine(Directory, include.Replace('\\', Path.DirectorySeparatorChar)));

    /// <summary>Reads the project and its packages.config; throws <see cref="IOException"/>/<see cref="XmlException"/> on unreadable files.</summary>
    public static NfProject Load(string path)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new FileNotFoundException("project file not found: " + path, full);
        }

        var project = new NfProject(full);
        XDocument doc = XDocument.Load(full, LoadOptions.SetLineInfo);
        foreach (XElement element in doc.Descendants())
        {
            int line = ((IXmlLineInfo)element).LineNumber;
            if (element.Parent?.Name.LocalName == "PropertyGroup")
            {
                project.Properties.Add((element.Name.LocalName, element.Value.Trim(), line));
            }

            switch (element.Name.LocalName)
            {
                case "Compile":
                    foreach (string include in Includes(element))
                    {
                        project.CompileItems.Add((include, line));
                    }

                    break;
                case "ProjectReference":
                    foreach (string include in Includes(element))
                    {
                        project.ProjectReferences.Add((project.Resolve(include), line));
                    }

                    break;
                case "None" or "Content":
                    foreach (string include in Includes(element).Where(i => i.EndsWith(".cs", StringComparison.OrdinalIgnoreCase)))
                    {
                        project.NotCompiledSources.Add(project.Resolve(include));
                    }

                    break;
                case "Reference":
                    string? hint = element.Elements().FirstOrDefault(e => e.Name.LocalName == "HintPath")?.Value.Trim();
                    foreach (string include in Includes(element))
                    {
                        project.References.Add((include, hint, line));
                    }

                    break;
                case "ProjectCapability":
                    project.Capabilities.AddRange(Includes(element));
                    break;
                case "Import":
                    project.Imports.Add(((string?)element.Attribute("Project") ?? "", line));
                    break;
                case "DefineConstants":
                    project.DefineConstants.AddRange(element.Value
                        .Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                        .Where(s => !s.StartsWith("$(", StringComparison.Ordinal)));
                    break;
                case "AssemblyName" when element.Value.Trim().Length > 0 && !element.Value.Contains("$(", StringComparison.Ordinal):
                    project.AssemblyName = element.Value.Trim();
                    break;
            }
        }

        if (project.AssemblyName.Length == 0)
        {
            project.AssemblyName = Path.GetFileNameWithoutExtension(full);
        }

        string config = Path.Combine(project.Directory, "packages.config");
        if (File.Exists(config))
        {
            project.PackagesConfigPath = config;
            XDocument packages = XDocument.Load(config, LoadOptions.SetLineInfo);
            foreach (XElement package in packages.Descendants().Where(e => e.Name.LocalName == "package"))
            {
                project.Packages.Add(new PackageReference(
                    (string?)package.Attribute("id") ?? "",
                    (string?)package.Attribute("version") ?? "",
                    ((IXmlLineInfo)package).LineNumber));
            }
        }

        return project;
    }

    /// <summary>
    /// The .cs files that belong to the project's folder tree: everything below it except bin/ and obj/
    /// and except folders that hold their own .nfproj (a nested project owns those).
    /// </summary>
    public static List<string> SourceFilesInTree(string directory)
    {
        var result = new List<string>();
        Walk(directory, isRoot: true);
        result.Sort(StringComparer.Ordinal);
        return result;

        void Walk(string dir, bool isRoot)
        {
            if (!isRoot && System.IO.Directory.EnumerateFiles(dir, "*.nfproj").Any())
            {
                return;
            }

            result.AddRange(System.IO.Directory.EnumerateFiles(dir, "*.cs"));
            foreach (string sub in System.IO.Directory.EnumerateDirectories(dir))
            {
                string name = Path.GetFileName(sub);
                if (name is "bin" or "obj" || name.StartsWith('.'))
                {
                    continue;
                }

                Walk(sub, isRoot: false);
            }
        }
    }

    private static IEnumerable<string> Includes(XElement element)
    {
        string? include = (string?)element.Attribute("Include");
        if (include is null)
        {
            return [];
        }

        return include.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
    }
}
