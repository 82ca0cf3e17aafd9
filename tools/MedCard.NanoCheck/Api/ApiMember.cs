using System.Collections.Generic;
using System.Linq;

namespace MedCard.NanoCheck.Api;

/// <summary>Member kinds as written in the first column of a decl line.</summary>
public enum ApiMemberKind
{
    Method,
    Field,
    Property,
    Event,
}

/// <summary>One parameter from the decl parameters column: <c>&lt;refkind&gt; &lt;name&gt;[=&lt;C# literal&gt;]</c>.</summary>
public sealed record ApiParameter(string RefKind, string Name, string Type, string? DefaultValue);

/// <summary>
/// One member from a decl line. Names and types are metadata names (<c>.ctor</c>, <c>op_Implicit</c>,
/// <c>System.Byte[]</c>, <c>System.Int32&amp;</c>, <c>!0</c>).
/// </summary>
public sealed class ApiMember
{
    public ApiMember(ApiMemberKind kind, string declaringType, string name)
    {
        Kind = kind;
        DeclaringType = declaringType;
        Name = name;
    }

    public ApiMemberKind Kind { get; }

    public string DeclaringType { get; }

    public string Name { get; }

    /// <summary>Return type (methods), field/property/event type; null for constructors.</summary>
    public string? Type { get; set; }

    public List<ApiParameter> Parameters { get; } = [];

    public IReadOnlyList<string> Modifiers { get; set; } = [];

    /// <summary>The last column: <c>value=…</c>, accessors (<c>get set:protected</c>), <c>destructor</c>, …</summary>
    public string Extra { get; set; } = "";

    /// <summary>For property/event accessors: the property or event they belong to.</summary>
    public string? AccessorOf { get; set; }

    /// <summary>Attributes (only [Obsolete] is recorded) as C# text.</summary>
    public List<string> Attributes { get; } = [];

    /// <summary>The member line as in the main list, without its kind letter; used to join attrs lines.</summary>
    public string Line { get; set; } = "";

    public bool Has(string modifier) => Modifiers.Contains(modifier);

    public bool IsConstructor => Kind == ApiMemberKind.Method && Name == ".ctor";

    public bool IsStatic => Has("static") || Has("const");

    public bool IsAbstract => Has("abstract") || Has("interface");

    /// <summary>Accessibility as C#: <c>public</c>, <c>protected</c>, or "" for interface members.</summary>
    public string Accessibility => Has("public") ? "public" : Has("protected") ? "protected" : "";

    /// <summary>Signature key used to match implementations: name and parameter types.</summary>
    public string SignatureKey => Name + "(" + string.Join(",", Parameters.ConvertAll(p => p.Type)) + ")";

    public override string ToString() => DeclaringType + "::" + Name;
}
