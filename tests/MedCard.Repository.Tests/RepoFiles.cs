using System;
using System.Collections.Generic;
using System.IO;

namespace MedCard.Repository.Tests;

/// <summary>The repository's root (the folder holding MedCard.Device.sln) and its tracked-looking Markdown files.</summary>
internal static class RepoFiles
{
    public static readonly string Root = FindRoot();

    private static readonly string[] Skipped = { "bin", "obj", ".git", "packages", "artifacts", "node_modules" };

    public static List<string> Markdown()
    {
        var files = new List<string>();
        Walk(Root, files);
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private static void Walk(string dir, List<string> files)
    {
        files.AddRange(Directory.GetFiles(dir, "*.md"));
        foreach (string sub in Directory.GetDirectories(dir))
        {
            if (Array.IndexOf(Skipped, Path.GetFileName(sub)) < 0)
            {
                Walk(sub, files);
            }
        }
    }

    private static string FindRoot()
    {
        DirectoryInfo? dir = new(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "MedCard.Device.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("MedCard.Device.sln not found above " + AppContext.BaseDirectory);
    }
}
