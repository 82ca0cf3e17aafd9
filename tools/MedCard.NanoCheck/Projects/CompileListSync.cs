using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Xml.Linq;

namespace MedCard.NanoCheck.Projects;

/// <summary>
/// Rewrites an .nfproj's Compile list from the .cs files in its folder tree (the same tree the drift
/// check uses). Items outside the tree (linked files) are kept; items of missing files are dropped;
/// the in-tree items are written sorted, with backslashes, in the ItemGroup that held the first
/// Compile item. Everything else in the file is left as it was.
/// </summary>
public static class CompileListSync
{
    /// <summary>Returns (added, removed) file counts; writes the file only when something changed.</summary>
    public static (int Added, int Removed) Sync(string nfprojPath)
    {
        string full = Path.GetFullPath(nfprojPath);
        string directory = Path.GetDirectoryName(full)!;
        byte[] original = File.ReadAllBytes(full);
        bool bom = original.Length >= 3 && original[0] == 0xEF && original[1] == 0xBB && original[2] == 0xBF;
        XDocument doc = XDocument.Parse(Encoding.UTF8.GetString(original).TrimStart('\uFEFF'), LoadOptions.PreserveWhitespace);
        XNamespace ns = doc.Root!.Name.Namespace;

        List<XElement> items = doc.Descendants().Where(e => e.Name.LocalName == "Compile" && e.Attribute("Include") is not null).ToList();
        HashSet<string> notCompiled = NfProject.Load(full).NotCompiledSources;
        var wanted = NfProject.SourceFilesInTree(directory)
            .Where(f => !notCompiled.Contains(Path.GetFullPath(f)))
            .Select(f => Path.GetRelativePath(directory, f).Replace('/', '\\'))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToList();
        var existing = new HashSet<string>(items.Select(i => Normalize((string)i.Attribute("Include")!)), StringComparer.Ordinal);
        int added = wanted.Count(w => !existing.Contains(Normalize(w)));

        // Keep items that point outside the folder tree and still exist (linked shared sources).
        var wantedSet = new HashSet<string>(wanted.Select(Normalize), StringComparer.Ordinal);
        var kept = new List<XElement>();
        int removed = 0;
        foreach (XElement item in items)
        {
            string include = (string)item.Attribute("Include")!;
            string path = Path.GetFullPath(Path.Combine(directory, include.Replace('\\', Path.DirectorySeparatorChar)));
            bool inTree = !Path.GetRelativePath(directory, path).StartsWith("..", StringComparison.Ordinal);
            if (inTree)
            {
                if (!wantedSet.Contains(Normalize(include)))
                {
                    removed++;
                }
            }
            else if (File.Exists(path))
            {
                kept.Add(new XElement(item));
            }
            else
            {
                removed++;
            }
        }

        if (added == 0 && removed == 0)
        {
            return (0, 0);
        }

        XElement group = items.Count > 0 ? items[0].Parent! : NewItemGroup(doc, ns);
        string indent = IndentOf(group) + "  ";
        foreach (XElement item in items)
        {
            RemoveWithIndent(item);
        }

        var children = kept.Concat(wanted.Select(w => new XElement(ns + "Compile", new XAttribute("Include", w)))).ToList();
        var trailing = group.Nodes().OfType<XText>().LastOrDefault(t => t.NextNode is null);
        string closingIndent = IndentOf(group);
        trailing?.Remove();
        group.Nodes().OfType<XText>().Where(t => string.IsNullOrWhiteSpace(t.Value)).ToList().ForEach(t => t.Remove());
        var others = group.Nodes().ToList();
        group.RemoveNodes();
        foreach (XNode node in others.Concat(children))
        {
            group.Add(new XText("\n" + indent), node);
        }

        group.Add(new XText("\n" + closingIndent));

        var settings = new System.Xml.XmlWriterSettings { Encoding = new UTF8Encoding(bom), OmitXmlDeclaration = doc.Declaration is null, Indent = false };
        using (var stream = File.Create(full))
        using (var writer = System.Xml.XmlWriter.Create(stream, settings))
        {
            doc.Save(writer);
        }

        return (added, removed);
    }

    private static string Normalize(string include) => include.Replace('/', '\\').TrimStart('.', '\\');

    private static XElement NewItemGroup(XDocument doc, XNamespace ns)
    {
        var group = new XElement(ns + "ItemGroup");
        doc.Root!.Add(new XText("  "), group, new XText("\n"));
        return group;
    }

    private static string IndentOf(XElement element)
    {
        if (element.PreviousNode is XText text)
        {
            string value = text.Value;
            int newline = value.LastIndexOf('\n');
            return newline < 0 ? "" : value[(newline + 1)..];
        }

        return "  ";
    }

    private static void RemoveWithIndent(XElement element)
    {
        if (element.PreviousNode is XText text && string.IsNullOrWhiteSpace(text.Value))
        {
            text.Remove();
        }

        element.Remove();
    }
}
