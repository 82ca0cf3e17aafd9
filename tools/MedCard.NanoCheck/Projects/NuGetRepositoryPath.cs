using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;

namespace MedCard.NanoCheck.Projects;

/// <summary>
/// Where NuGet restores packages.config packages for a project: the <c>repositoryPath</c> of the nearest
/// nuget.config at or above the project folder (NuGet reads the configs from the project folder up to the root;
/// the closest one that sets a key wins; a relative value is relative to that config's folder).
/// </summary>
public sealed record NuGetRepositoryPath(string Directory, string ConfigFile)
{
    /// <summary>Null when no nuget.config above <paramref name="projectDirectory"/> sets repositoryPath.</summary>
    public static NuGetRepositoryPath? Find(string projectDirectory)
    {
        for (DirectoryInfo? dir = new(projectDirectory); dir is not null; dir = dir.Parent)
        {
            string? config = dir.Exists
                ? dir.EnumerateFiles().FirstOrDefault(f => string.Equals(f.Name, "nuget.config", StringComparison.OrdinalIgnoreCase))?.FullName
                : null;
            if (config is null)
            {
                continue;
            }

            XElement? add = XDocument.Load(config).Descendants()
                .Where(e => e.Name.LocalName == "config")
                .SelectMany(e => e.Elements().Where(a => a.Name.LocalName == "add"))
                .LastOrDefault(a => string.Equals((string?)a.Attribute("key"), "repositoryPath", StringComparison.OrdinalIgnoreCase));
            string? value = (string?)add?.Attribute("value");
            if (!string.IsNullOrWhiteSpace(value))
            {
                string path = Path.GetFullPath(Path.Combine(dir.FullName, value.Trim().Replace('\\', Path.DirectorySeparatorChar)));
                return new NuGetRepositoryPath(path.TrimEnd(Path.DirectorySeparatorChar), config);
            }
        }

        return null;
    }
}
