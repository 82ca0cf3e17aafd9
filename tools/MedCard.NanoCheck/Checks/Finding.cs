using System;
using System.IO;

namespace MedCard.NanoCheck.Checks;

/// <summary>
/// One error of the reference compile: a compiler error (CSxxxx) against the stubs, a device-only rule
/// (NANO001–NANO004) or a project rule (NANO010–NANO022). Line and column are 1-based.
/// </summary>
public sealed record Finding(string FilePath, int Line, int Column, string Code, string Message)
{
    /// <summary><c>path(line,col): error CODE: message</c>, the path relative to the repository when inside it.</summary>
    public string Format(string? repoRoot)
    {
        return DisplayPath(FilePath, repoRoot) + "(" + Line + "," + Column + "): error " + Code + ": " + Message;
    }

    public static string DisplayPath(string path, string? repoRoot)
    {
        string shown = path;
        if (repoRoot is not null)
        {
            string relative = Path.GetRelativePath(repoRoot, path);
            if (!relative.StartsWith("..", StringComparison.Ordinal) && !Path.IsPathRooted(relative))
            {
                shown = relative;
            }
        }

        return shown.Replace('\\', '/');
    }
}
