using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;

namespace MedCard.NanoCheck.Api;

/// <summary>
/// The whole nanoFramework API data set read from a <c>shared/nanoframework-api</c> folder: packages
/// (main lists), types with their declarations (extras/*.decl, hierarchy, attrs, generics) and the
/// ExcludeType list. Nothing here is hand-written API: every type and member comes from the files.
/// </summary>
public sealed class ApiDataSet
{
    private ApiDataSet(string directory)
    {
        Directory = directory;
    }

    public string Directory { get; }

    /// <summary>Packages by NuGet id (case-insensitive, as NuGet ids are).</summary>
    public Dictionary<string, ApiPackage> Packages { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>All types by metadata name.</summary>
    public Dictionary<string, ApiType> Types { get; } = new(StringComparer.Ordinal);

    /// <summary>Types marked [ExcludeType]: compile, but are not deployed to the device.</summary>
    public HashSet<string> ExcludedTypes { get; } = new(StringComparer.Ordinal);

    /// <summary>SHA-256 over every data file (name and bytes): the stub cache key.</summary>
    public string ContentHash { get; private set; } = "";

    /// <summary>Every assembly name across all packages.</summary>
    public IEnumerable<string> AssemblyNames => Packages.Values.SelectMany(p => p.Assemblies).Distinct(StringComparer.Ordinal);

    /// <summary>Hashes the data files without parsing them (cheap cache check).</summary>
    public static string ComputeHash(string directory)
    {
        using var sha = SHA256.Create();
        foreach (string file in DataFiles(directory))
        {
            byte[] name = Encoding.UTF8.GetBytes(Path.GetRelativePath(directory, file).Replace('\\', '/') + "\n");
            sha.TransformBlock(name, 0, name.Length, null, 0);
            byte[] bytes = File.ReadAllBytes(file);
            sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
        }

        sha.TransformFinalBlock([], 0, 0);
        return Convert.ToHexString(sha.Hash!).ToLowerInvariant();
    }

    public static ApiDataSet Load(string directory)
    {
        if (!System.IO.Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException("nanoFramework API data folder not found: " + directory);
        }

        var data = new ApiDataSet(directory) { ContentHash = ComputeHash(directory) };
        string extras = Path.Combine(directory, "extras");
        foreach (string main in System.IO.Directory.GetFiles(directory, "*.txt").OrderBy(f => f, StringComparer.Ordinal))
        {
            data.LoadPackage(main, extras);
        }

        string exclude = Path.Combine(extras, "nanoFramework.CoreLibrary.excludetype.txt");
        if (File.Exists(exclude))
        {
            foreach (string line in DataLines(exclude))
            {
                if (line.StartsWith("X ", StringComparison.Ordinal))
                {
                    data.ExcludedTypes.Add(line[2..].Trim());
                }
            }
        }

        if (!data.Packages.ContainsKey("nanoFramework.CoreLibrary"))
        {
            throw new FormatException("no nanoFramework.CoreLibrary list in " + directory + ": not a nanoFramework API data folder");
        }

        data.LinkNestedTypes();
        return data;
    }

    /// <summary>Finds the assembly that declares a type, or null when the data has no such type.</summary>
    public string? AssemblyOf(string metadataName) => Types.TryGetValue(metadataName, out ApiType? t) ? t.Assembly : null;

    /// <summary>Package ids of the packages that declare a type with the given simple name (for hints).</summary>
    public IEnumerable<string> PackagesDeclaring(string simpleName) =>
        Types.Values.Where(t => t.DeclaringType is null && t.SimpleName == simpleName).Select(t => t.Package).Distinct(StringComparer.Ordinal);

    /// <summary>Package ids of the packages that declare types in the namespace (or below it).</summary>
    public IEnumerable<string> PackagesWithNamespace(string ns) =>
        Types.Values.Where(t => t.Namespace == ns || t.Namespace.StartsWith(ns + ".", StringComparison.Ordinal)).Select(t => t.Package).Distinct(StringComparer.Ordinal);

    private static IEnumerable<string> DataFiles(string directory)
    {
        IEnumerable<string> files = System.IO.Directory.GetFiles(directory, "*.txt");
        string extras = Path.Combine(directory, "extras");
        if (System.IO.Directory.Exists(extras))
        {
            files = files.Concat(System.IO.Directory.GetFiles(extras, "*.txt"));
        }

        return files.OrderBy(f => f, StringComparer.Ordinal);
    }

    private static IEnumerable<string> DataLines(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#'));

    private void LoadPackage(string mainFile, string extras)
    {
        string? packageId = null;
        var assemblies = new List<string>();
        foreach (string line in File.ReadLines(mainFile).TakeWhile(l => l.StartsWith('#')))
        {
            if (line.StartsWith("# package:", StringComparison.Ordinal))
            {
                packageId = line["# package:".Length..].Trim();
            }
            else if (line.StartsWith("# assemblies:", StringComparison.Ordinal))
            {
                assemblies.AddRange(line["# assemblies:".Length..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
        }

        if (packageId is null)
        {
            return; // not an API list (e.g. a stray text file)
        }

        Packages[packageId] = new ApiPackage(packageId, assemblies);
        string stem = Path.GetFileNameWithoutExtension(mainFile);
        var packageTypes = new Dictionary<string, ApiType>(StringComparer.Ordinal);
        foreach (string line in DataLines(mainFile))
        {
            if (line.StartsWith("T ", StringComparison.Ordinal))
            {
                var type = new ApiType(line[2..], packageId) { Assembly = assemblies.Count == 1 ? assemblies[0] : "" };
                packageTypes[type.MetadataName] = type;
                Types[type.MetadataName] = type;
            }
        }

        LoadHierarchy(Path.Combine(extras, stem + ".hierarchy.txt"), packageTypes);
        LoadGenerics(Path.Combine(extras, stem + ".generics.txt"), packageTypes);
        LoadDecl(Path.Combine(extras, stem + ".decl.txt"), packageTypes);
        LoadAttrs(Path.Combine(extras, stem + ".attrs.txt"), packageTypes);
    }

    private static void LoadHierarchy(string path, Dictionary<string, ApiType> types)
    {
        foreach (string line in DataLines(path))
        {
            string[] f = line.Split(' ');
            if (!types.TryGetValue(f[1], out ApiType? type))
            {
                continue;
            }

            switch (f[0])
            {
                case "K":
                    string kind = f[2];
                    if (kind.StartsWith("enum:", StringComparison.Ordinal))
                    {
                        type.Kind = ApiTypeKind.Enum;
                        type.EnumUnderlyingType = kind["enum:".Length..];
                    }
                    else
                    {
                        type.Kind = kind switch
                        {
                            "class" => ApiTypeKind.Class,
                            "struct" => ApiTypeKind.Struct,
                            "interface" => ApiTypeKind.Interface,
                            "delegate" => ApiTypeKind.Delegate,
                            _ => throw new FormatException("unknown type kind in " + path + ": " + line),
                        };
                    }

                    break;
                case "B":
                    type.BaseType = f[2];
                    break;
                case "I":
                    type.Interfaces.Add(f[2]);
                    break;
            }
        }
    }

    private static void LoadGenerics(string path, Dictionary<string, ApiType> types)
    {
        if (!File.Exists(path))
        {
            return;
        }

        foreach (string line in DataLines(path))
        {
            string[] f = line.Split(' ');
            if (f[0] == "G" && types.TryGetValue(f[1], out ApiType? type))
            {
                type.TypeParameters.AddRange(f[2].Split(','));
                if (f.Length > 3 && f[3] != "-")
                {
                    throw new NotSupportedException("generic constraints are not supported by the stub generator: " + line);
                }
            }
            else if (f[0] == "GM")
            {
                throw new NotSupportedException("generic methods are not supported by the stub generator: " + line);
            }
        }
    }

    private static void LoadDecl(string path, Dictionary<string, ApiType> types)
    {
        foreach (string line in DataLines(path))
        {
            string[] f = line.Split('\t');
            if (f.Length < 5)
            {
                throw new FormatException("decl line with fewer than 5 fields in " + path + ": " + line);
            }

            string[] modifiers = f[2].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (f[0] == "T")
            {
                ApiType type = types[f[1]];
                type.Modifiers = modifiers;
                if (f[4].StartsWith("assembly=", StringComparison.Ordinal))
                {
                    type.Assembly = f[4]["assembly=".Length..];
                }

                continue;
            }

            MemberLine parsed = MemberLine.Parse(f[1]);
            ApiMemberKind kind = f[0] switch
            {
                "M" => ApiMemberKind.Method,
                "F" => ApiMemberKind.Field,
                "P" => ApiMemberKind.Property,
                "E" => ApiMemberKind.Event,
                _ => throw new FormatException("unknown decl kind in " + path + ": " + line),
            };
            var member = new ApiMember(kind, parsed.DeclaringType, parsed.Name)
            {
                Type = parsed.Type,
                Modifiers = modifiers.Where(m => !m.StartsWith("accessor-of=", StringComparison.Ordinal)).ToArray(),
                AccessorOf = modifiers.FirstOrDefault(m => m.StartsWith("accessor-of=", StringComparison.Ordinal))?["accessor-of=".Length..],
                Extra = f[4],
                Line = f[1],
            };
            var declared = DeclParameters.Parse(f[3]);
            if (declared.Count != parsed.ParameterTypes.Count)
            {
                throw new FormatException("parameter count differs from the signature in " + path + ": " + line);
            }

            for (int i = 0; i < declared.Count; i++)
            {
                member.Parameters.Add(new ApiParameter(declared[i].RefKind, declared[i].Name, parsed.ParameterTypes[i], declared[i].Default));
            }

            types[parsed.DeclaringType].Members.Add(member);
        }
    }

    private static void LoadAttrs(string path, Dictionary<string, ApiType> types)
    {
        foreach (string line in DataLines(path))
        {
            string[] f = line.Split('\t');
            string head = f[0];
            int space = head.IndexOf(' ');
            string tag = head[..space];
            string target = head[(space + 1)..];
            switch (tag)
            {
                case "U":
                    // AttributeUsage(ValidOn, AllowMultiple=…, Inherited=…): the effective usage of an attribute type.
                    string allowMultiple = f[2]["AllowMultiple=".Length..];
                    string inherited = f[3]["Inherited=".Length..];
                    types[target].Attributes.Add("[global::System.AttributeUsage(" + f[1] + ", AllowMultiple = " + allowMultiple + ", Inherited = " + inherited + ")]");
                    break;
                case "A":
                    types[target].Attributes.Add(f[1]);
                    break;
                case "AM":
                case "AF":
                case "AP":
                case "AE":
                    string declaring = MemberLine.Parse(target).DeclaringType;
                    ApiMemberKind kind = tag switch
                    {
                        "AM" => ApiMemberKind.Method,
                        "AF" => ApiMemberKind.Field,
                        "AP" => ApiMemberKind.Property,
                        _ => ApiMemberKind.Event,
                    };
                    ApiMember? member = types[declaring].Members.FirstOrDefault(m => m.Kind == kind && m.Line == target);
                    member?.Attributes.Add(f[1]);
                    break;
            }
        }
    }

    private void LinkNestedTypes()
    {
        foreach (ApiType type in Types.Values)
        {
            int plus = type.MetadataName.LastIndexOf('+');
            if (plus < 0)
            {
                continue;
            }

            ApiType outer = Types[type.MetadataName[..plus]];
            type.DeclaringType = outer;
            outer.NestedTypes.Add(type);
        }
    }
}
