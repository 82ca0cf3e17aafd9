using System;
using System.IO;

namespace MedCard.NanoCheck;

/// <summary>
/// Where things are: the repository root (the folder holding MedCard.Device.sln), the API data
/// (<c>&lt;repo&gt;/../shared/nanoframework-api</c>, or <c>--api</c>, or the <c>NANOCHECK_API_DIR</c>
/// environment variable) and the stub output (<c>&lt;repo&gt;/artifacts/nanostubs</c>).
/// </summary>
public static class RepoPaths
{
    public const string SolutionFile = "MedCard.Device.sln";
    public const string ApiDirectoryVariable = "NANOCHECK_API_DIR";

    /// <summary>Walks up from the working directory, then from the tool's own folder; null when neither is inside the repo.</summary>
    public static string? FindRepoRoot()
    {
        return FindUpwards(Directory.GetCurrentDirectory()) ?? FindUpwards(AppContext.BaseDirectory);
    }

    public static string? FindUpwards(string start)
    {
        for (DirectoryInfo? dir = new(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }

    public static string ApiDirectory(string repoRoot, string? overridePath)
    {
        if (!string.IsNullOrEmpty(overridePath))
        {
            return Path.GetFullPath(overridePath);
        }

        string? fromEnvironment = Environment.GetEnvironmentVariable(ApiDirectoryVariable);
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        return Path.GetFullPath(Path.Combine(repoRoot, "..", "shared", "nanoframework-api"));
    }

    public static string StubOutput(string repoRoot) => Path.Combine(repoRoot, "artifacts", "nanostubs");
}
