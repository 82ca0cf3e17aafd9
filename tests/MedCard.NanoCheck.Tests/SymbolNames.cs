using Microsoft.CodeAnalysis;

namespace MedCard.NanoCheck.Tests;

/// <summary>Roslyn symbols written in the notation of the API lists (<c>Ns.Outer+Inner</c>, <c>System.Byte[]</c>, <c>!0</c>).</summary>
internal static class SymbolNames
{
    public static string Name(INamedTypeSymbol type)
    {
        string name = type.MetadataName;
        INamedTypeSymbol outer = type;
        while (outer.ContainingType is not null)
        {
            outer = outer.ContainingType;
            name = outer.MetadataName + "+" + name;
        }

        return outer.ContainingNamespace.IsGlobalNamespace ? name : outer.ContainingNamespace.ToDisplayString() + "." + name;
    }

    public static string TypeName(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol a => TypeName(a.ElementType) + "[]",
        IPointerTypeSymbol p => TypeName(p.PointedAtType) + "*",
        ITypeParameterSymbol { TypeParameterKind: TypeParameterKind.Method } tp => "!!" + tp.Ordinal,
        ITypeParameterSymbol tp => "!" + tp.Ordinal,
        INamedTypeSymbol n => Name(n),
        _ => type.ToDisplayString(),
    };
}
