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
}
