namespace MedCard.NanoCheck.Checks;

/// <summary>Stable ids of the checks that are not C# compiler errors. Documented in README.md.</summary>
public static class RuleIds
{
    /// <summary>Construction of, or conversion to, a constructed generic type (Action&lt;T&gt;, Func&lt;…&gt;, EventHandler&lt;T&gt;).</summary>
    public const string GenericInstantiation = "NANO001";

    /// <summary>Use of an [ExcludeType] type outside attribute position.</summary>
    public const string ExcludedType = "NANO002";

    /// <summary>Declaration of a generic type or method.</summary>
    public const string GenericDeclaration = "NANO003";

    /// <summary>An integer argument to System.Math silently converted to Single/Double (no Int64 overloads on nanoFramework).</summary>
    public const string LossyMathOverload = "NANO004";

    /// <summary>packages.config names a package that is not in the pinned set.</summary>
    public const string UnknownPackage = "NANO010";

    /// <summary>packages.config pins a version other than the pinned set's.</summary>
    public const string PackageVersion = "NANO011";

    /// <summary>A .cs file in the project's folder tree is not in its Compile list.</summary>
    public const string UnlistedSource = "NANO012";

    /// <summary>A Compile item names a file that does not exist.</summary>
    public const string MissingSource = "NANO013";

    /// <summary>packages.config is missing, or does not reference nanoFramework.CoreLibrary.</summary>
    public const string PackagesConfig = "NANO014";

    /// <summary>A ProjectReference is missing, not an .nfproj, or part of a cycle.</summary>
    public const string ProjectReference = "NANO015";

    /// <summary>A Compile item uses a wildcard, which nfproj files do not support here.</summary>
    public const string WildcardCompile = "NANO016";

    /// <summary>A Reference's HintPath names a file its package does not ship, another version, a folder other than nuget.config's repositoryPath, or a package assembly has no Reference.</summary>
    public const string HintPath = "NANO017";

    /// <summary>A test project lacks the TestContainer project capability (Test Explorer would not discover it).</summary>
    public const string TestCapability = "NANO018";

    /// <summary>An .nfproj would import the repository's Directory.Build.props/.targets or Directory.Packages.props.</summary>
    public const string DirectoryPropsLeak = "NANO019";

    /// <summary>A package in packages.config is below, or missing for, another listed package's declared dependency minimum.</summary>
    public const string DependencyMinimum = "NANO020";

    /// <summary>The project does not compile Properties\AssemblyInfo.cs.</summary>
    public const string AssemblyInfo = "NANO021";

    /// <summary>An .nfproj is not in the firmware solution with the nanoFramework project type (check --all).</summary>
    public const string FirmwareSolution = "NANO022";
}
