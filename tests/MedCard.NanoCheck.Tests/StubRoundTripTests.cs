using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MedCard.NanoCheck.Tests;

/// <summary>
/// Reads the public surface back out of the generated stub assemblies, in the notation of the data's
/// main lists, and compares it with those lists line by line: the stubs must declare exactly the listed
/// API (nothing missing, nothing invented that a consumer could call).
/// </summary>
[Collection(StubCollection.Name)]
public sealed class StubRoundTripTests
{
    private readonly StubFixture _fixture;

    public StubRoundTripTests(StubFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void StubSurfaceMatchesTheMainListsExactly()
    {
        var expected = new HashSet<string>(StringComparer.Ordinal);
        foreach (string file in Directory.GetFiles(_fixture.ApiDirectory, "*.txt"))
        {
            expected.UnionWith(File.ReadLines(file).Where(l => l.Length > 2 && !l.StartsWith('#')));
        }

        var references = _fixture.Stubs.References();
        var compilation = CSharpCompilation.Create("probe", references: references);
        var actual = new HashSet<string>(StringComparer.Ordinal);
        foreach (IAssemblySymbol assembly in compilation.References.Select(compilation.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>())
        {
            foreach (INamedTypeSymbol type in AllTypes(assembly.GlobalNamespace))
            {
                if (type.DeclaredAccessibility != Accessibility.Public || (type.ContainingType is not null && !Visible(type.ContainingType)))
                {
                    continue;
                }

                actual.Add("T " + SymbolNames.Name(type));
                foreach (ISymbol member in type.GetMembers())
                {
                    if (!Visible(member) || member.IsImplicitlyDeclared && member is IMethodSymbol { MethodKind: MethodKind.Constructor } && type.TypeKind is TypeKind.Struct or TypeKind.Enum)
                    {
                        continue;
                    }

                    switch (member)
                    {
                        case IMethodSymbol m when m.MethodKind != MethodKind.StaticConstructor:
                            string parameters = string.Join(",", m.Parameters.Select(p => SymbolNames.TypeName(p.Type) + (p.RefKind == RefKind.None ? "" : "&")));
                            string ret = m.MethodKind == MethodKind.Constructor ? "" : ":" + SymbolNames.TypeName(m.ReturnType);
                            actual.Add("M " + SymbolNames.Name(type) + "::" + m.MetadataName + "(" + parameters + ")" + ret);
                            break;
                        case IFieldSymbol f when !f.IsImplicitlyDeclared:
                            actual.Add("F " + SymbolNames.Name(type) + "::" + f.MetadataName + ":" + SymbolNames.TypeName(f.Type));
                            break;
                        case IEventSymbol e:
                            actual.Add("E " + SymbolNames.Name(type) + "::" + e.MetadataName + ":" + SymbolNames.TypeName(e.Type));
                            break;
                    }
                }
            }
        }

        var missing = expected.Except(actual).OrderBy(l => l, StringComparer.Ordinal).ToList();
        var extra = actual.Except(expected).OrderBy(l => l, StringComparer.Ordinal).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            "missing from stubs (" + missing.Count + "):\n" + string.Join("\n", missing.Take(40))
            + "\nnot in the lists (" + extra.Count + "):\n" + string.Join("\n", extra.Take(40)));
    }

    private static bool Visible(ISymbol symbol)
    {
        if (symbol.DeclaredAccessibility == Accessibility.Public)
        {
            return true;
        }

        // protected members count only on public types a consumer can derive from
        return symbol.DeclaredAccessibility is Accessibility.Protected or Accessibility.ProtectedOrInternal
            && symbol.ContainingType is { IsSealed: false, TypeKind: TypeKind.Class };
    }

    private static IEnumerable<INamedTypeSymbol> AllTypes(INamespaceSymbol ns)
    {
        foreach (INamespaceOrTypeSymbol member in ns.GetMembers())
        {
            if (member is INamespaceSymbol child)
            {
                foreach (INamedTypeSymbol t in AllTypes(child))
                {
                    yield return t;
                }
            }
            else if (member is INamedTypeSymbol type)
            {
                foreach (INamedTypeSymbol t in WithNested(type))
                {
                    yield return t;
                }
            }
        }
    }

    private static IEnumerable<INamedTypeSymbol> WithNested(INamedTypeSymbol type)
    {
        yield return type;
        foreach (INamedTypeSymbol nested in type.GetTypeMembers().SelectMany(WithNested))
        {
            yield return nested;
        }
    }
}
