using System;
using System.IO;
using System.Linq;
using System.Reflection;
using MedCard.NanoCheck.Projects;

namespace MedCard.NanoCheck.Stubs;

/// <summary>
/// The real nanoFramework <c>mscorlib.dll</c> (package nanoFramework.CoreLibrary at the pinned version), which the
/// build downloads into the NuGet global packages folder (PackageDownload in the .csproj: downloaded, referenced by
/// nothing). The reference compile uses it instead of the generated mscorlib stub wherever it is there.
/// </summary>
public static class RealCoreLibrary
{
    public const string PackageFolder = "nanoframework.corelibrary";

    /// <summary>Set to <c>stub</c> to compile against the generated mscorlib stub even when the real one is restored.</summary>
    public const string OverrideVariable = "NANOCHECK_CORELIBRARY";

    /// <summary>The path of the real mscorlib.dll, or null when the package has not been restored on this machine.</summary>
    public static string? Locate()
    {
        if (string.Equals(Environment.GetEnvironmentVariable(OverrideVariable), "stub", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string version = PinnedPackages.Versions[PinnedPackages.CoreLibrary];
        return PackageRoots()
            .Where(root => !string.IsNullOrEmpty(root))
            .Select(root => Path.Combine(root!, PackageFolder, version, "lib", "mscorlib.dll"))
            .FirstOrDefault(File.Exists);
    }

    /// <summary>$NUGET_PACKAGES, the folder the tool was restored with, then the default ~/.nuget/packages.</summary>
    private static string?[] PackageRoots() =>
    [
        Environment.GetEnvironmentVariable("NUGET_PACKAGES"),
        typeof(RealCoreLibrary).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "NuGetPackageRoot")?.Value,
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages"),
    ];
}
