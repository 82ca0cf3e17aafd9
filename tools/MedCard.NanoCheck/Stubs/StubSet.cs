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

    public StubSet(string directory, IReadOnlyDictionary<string, string> assemblyPaths, bool regenerated)
    {
        Directory = directory;
        AssemblyPaths = assemblyPaths;
        Regenerated = regenerated;
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
