using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace MedCard.NanoCheck.Stubs;

/// <summary>
/// The generated stub assemblies on disk (one per real nanoFramework assembly), with their metadata
/// references loaded once so that many checks can share them.
/// </summary>
public sealed class StubSet
{
    private readonly Dictionary<string, MetadataReference> _references = new(StringComparer.Ordinal);

    public StubSet(string directory, IReadOnlyDictionary<string, string> assemblyPaths, bool regenerated, string? realCoreLibrary = null)
    {
        Directory = directory;
        AssemblyPaths = assemblyPaths;
        Regenerated = regenerated;
        RealCoreLibraryPath = realCoreLibrary;
    }

    /// <summary>
    /// The real nanoFramework mscorlib.dll the other stubs were compiled against, and which firmware code is compiled
    /// against; null when the generated mscorlib stub stands in for it.
    /// </summary>
    public string? RealCoreLibraryPath { get; }

    /// <summary>One consistent reference set: every stub assembly, with <see cref="CoreLibrary"/> as mscorlib.</summary>
    public List<MetadataReference> References()
    {
        var all = new List<MetadataReference> { CoreLibrary() };
        foreach (string assembly in AssemblyPaths.Keys)
        {
            if (assembly != "mscorlib")
            {
                all.Add(Reference(assembly));
            }
        }

        return all;
    }

    /// <summary>The mscorlib to compile firmware against: the real one when there is one, else the stub.</summary>
    public MetadataReference CoreLibrary()
    {
        if (RealCoreLibraryPath is null)
        {
            return Reference("mscorlib");
        }

        lock (_references)
        {
            if (!_references.TryGetValue("real:mscorlib", out MetadataReference? reference))
            {
                reference = MetadataReference.CreateFromFile(RealCoreLibraryPath);
                _references["real:mscorlib"] = reference;
            }

            return reference;
        }
    }

    /// <summary>The folder holding the .dll files (artifacts/nanostubs/&lt;data hash&gt;).</summary>
    public string Directory { get; }

    /// <summary>Assembly name → stub .dll path.</summary>
    public IReadOnlyDictionary<string, string> AssemblyPaths { get; }

    /// <summary>True when this run generated the stubs, false when they came from the cache.</summary>
    public bool Regenerated { get; }

    public MetadataReference Reference(string assembly)
    {
        lock (_references)
        {
            if (!_references.TryGetValue(assembly, out MetadataReference? reference))
            {
                reference = MetadataReference.CreateFromFile(AssemblyPaths[assembly]);
                _references[assembly] = reference;
            }

            return reference;
        }
    }
}
