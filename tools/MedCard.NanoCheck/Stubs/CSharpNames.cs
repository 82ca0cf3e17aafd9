using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis.CSharp;

namespace MedCard.NanoCheck.Stubs;

/// <summary>Turns metadata names of the API lists into C# source text for the stubs.</summary>
public static class CSharpNames
{
    private static readonly Dictionary<string, string> Keywords = new(StringComparer.Ordinal)
    {
        ["System.Boolean"] = "bool",
        ["System.Byte"] = "byte",
        ["System.SByte"] = "sbyte",
        ["System.Int16"] = "short",
        ["System.UInt16"] = "ushort",
        ["System.Int32"] = "int",
        ["System.UInt32"] = "uint",
        ["System.Int64"] = "long",
        ["System.UInt64"] = "ulong",
        ["System.Char"] = "char",
    };

    /// <summary>
    /// C# text for a signature type: <c>global::</c>-qualified (namespaces such as
    /// <c>nanoFramework.System.IO</c> would otherwise shadow <c>System</c>), <c>+</c> nesting as dots,
    /// <c>!n</c> as the declaring type's n-th type parameter, <c>&amp;</c> dropped (the ref kind says it).
    /// </summary>
    public static string Type(string metadata, IReadOnlyList<string> typeParameters)
    {
        string t = metadata.EndsWith('&') ? metadata[..^1] : metadata;
        if (t.EndsWith("[]", StringComparison.Ordinal))
        {
            return Type(t[..^2], typeParameters) + "[]";
        }

        if (t.StartsWith('!'))
        {
            return TypeParameterName(typeParameters[int.Parse(t[1..], System.Globalization.CultureInfo.InvariantCulture)]);
        }

        if (t == "System.Void")
        {
            return "void";
        }

        if (t.Contains('`', StringComparison.Ordinal))
        {
            throw new NotSupportedException("constructed generic type in a signature: " + metadata);
        }

        return "global::" + t.Replace('+', '.');
    }

    /// <summary>Enum underlying types must be written as keywords.</summary>
    public static string EnumUnderlying(string metadata) =>
        Keywords.TryGetValue(metadata, out string? keyword) ? keyword : throw new NotSupportedException("enum underlying type " + metadata);

    /// <summary><c>in:T</c> → <c>T</c>.</summary>
    public static string TypeParameterName(string declared)
    {
        int colon = declared.IndexOf(':');
        return colon < 0 ? declared : declared[(colon + 1)..];
    }

    /// <summary><c>in:T</c> → <c>in T</c>.</summary>
    public static string TypeParameterDeclaration(string declared)
    {
        int colon = declared.IndexOf(':');
        return colon < 0 ? declared : declared[..colon] + " " + declared[(colon + 1)..];
    }

    /// <summary>Parameter names are raw in the data and may be keywords (<c>object</c>): escape them.</summary>
    public static string Identifier(string name) =>
        SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None || SyntaxFacts.GetContextualKeywordKind(name) == SyntaxKind.UnderscoreToken
            ? "@" + name
            : name;

    /// <summary>C# operator token for an operator method name, or null when the name is not an operator.</summary>
    public static string? OperatorToken(string metadataName) => metadataName switch
    {
        "op_Addition" => "+",
        "op_Subtraction" => "-",
        "op_Multiply" => "*",
        "op_Division" => "/",
        "op_Modulus" => "%",
        "op_BitwiseAnd" => "&",
        "op_BitwiseOr" => "|",
        "op_ExclusiveOr" => "^",
        "op_LeftShift" => "<<",
        "op_RightShift" => ">>",
        "op_Equality" => "==",
        "op_Inequality" => "!=",
        "op_GreaterThan" => ">",
        "op_LessThan" => "<",
        "op_GreaterThanOrEqual" => ">=",
        "op_LessThanOrEqual" => "<=",
        "op_UnaryNegation" => "-",
        "op_UnaryPlus" => "+",
        "op_LogicalNot" => "!",
        "op_OnesComplement" => "~",
        "op_Increment" => "++",
        "op_Decrement" => "--",
        "op_True" => "true",
        "op_False" => "false",
        _ => null,
    };
}
