using System.Collections.Generic;
using System.Linq;

namespace MedCard.NanoCheck.Api;

/// <summary>What kind of type a <c>K</c> line of a hierarchy file declares.</summary>
public enum ApiTypeKind
{
    Class,
    Struct,
    Interface,
    Enum,
    Delegate,
}

/// <summary>
/// One public nanoFramework type, assembled from the T line of the main list, its decl line, its
/// hierarchy lines (K/B/I), its attribute lines and, for the generic delegates, its G line.
/// </summary>
public sealed class ApiType
{
    public ApiType(string metadataName, string package)
    {
        MetadataName = metadataName;
        Package = package;
    }

    /// <summary>Full metadata name, nested types as <c>Outer+Inner</c>, generics with arity (<c>System.Func`2</c>).</summary>
    public string MetadataName { get; }

    /// <summary>NuGet id of the package whose list declares the type.</summary>
    public string Package { get; }

    /// <summary>Assembly that declares the type (<c>assembly=</c> on the decl T line).</summary>
    public string Assembly { get; set; } = "";

    public ApiTypeKind Kind { get; set; } = ApiTypeKind.Class;

    /// <summary>Type-level modifiers from the decl T line (accessibility, static, abstract, sealed, readonly, ref, new).</summary>
    public IReadOnlyList<string> Modifiers { get; set; } = [];

    /// <summary>Underlying type of an enum (metadata name), e.g. <c>System.Int32</c>.</summary>
    public string? EnumUnderlyingType { get; set; }

    /// <summary>Base type from the B line; null for System.Object and interfaces.</summary>
    public string? BaseType { get; set; }

    /// <summary>Interfaces named in the type's own declaration (I lines).</summary>
    public List<string> Interfaces { get; } = [];

    /// <summary>Type parameters of a generic type, with variance prefix kept (<c>in:T</c>), from G lines.</summary>
    public List<string> TypeParameters { get; } = [];

    /// <summary>Attributes applied to the type, as C# text (<c>[global::System.Flags]</c>, Obsolete, AttributeUsage).</summary>
    public List<string> Attributes { get; } = [];

    public List<ApiMember> Members { get; } = [];

    public List<ApiType> NestedTypes { get; } = [];

    public ApiType? DeclaringType { get; set; }

    public bool Has(string modifier) => Modifiers.Contains(modifier);

    /// <summary>Namespace part of the outermost type's name ("" for the global namespace).</summary>
    public string Namespace
    {
        get
        {
            string outer = MetadataName.Split('+')[0];
            int dot = outer.LastIndexOf('.');
            return dot < 0 ? "" : outer[..dot];
        }
    }

    /// <summary>The type's own simple name without arity, e.g. <c>Func</c> or <c>Enumerator</c>.</summary>
    public string SimpleName
    {
        get
        {
            string last = MetadataName[(MetadataName.LastIndexOf('+') + 1)..];
            int dot = last.LastIndexOf('.');
            if (dot >= 0)
            {
                last = last[(dot + 1)..];
            }

            int tick = last.IndexOf('`');
            return tick < 0 ? last : last[..tick];
        }
    }

    public override string ToString() => MetadataName;
}
