using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MedCard.NanoCheck.Api;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace MedCard.NanoCheck.Tests;

/// <summary>
/// Checks the declaration details of the stubs against extras/*.decl.txt: type and member modifiers,
/// parameter names, ref kinds, params/this, optional parameters, constant and enum values, property accessors.
/// </summary>
[Collection(StubCollection.Name)]
public sealed class StubDeclarationTests
{
    private readonly StubFixture _fixture;

    public StubDeclarationTests(StubFixture fixture)
    {
        _fixture = fixture;
    }

    [Fact]
    public void StubDeclarationsFollowTheDeclFiles()
    {
        var references = _fixture.Stubs.References();
        var compilation = CSharpCompilation.Create("probe", references: references);
        var assemblies = compilation.References.Select(compilation.GetAssemblyOrModuleSymbol).OfType<IAssemblySymbol>().ToDictionary(a => a.Name);
        var problems = new List<string>();
        int checkedMembers = 0;

        foreach (ApiType type in _fixture.Data.Types.Values)
        {
            INamedTypeSymbol symbol = assemblies[type.Assembly].GetTypeByMetadataName(type.MetadataName)!;
            if (type.Kind == ApiTypeKind.Class)
            {
                Expect(symbol.IsStatic == type.Has("static"), type + " static");
                if (!type.Has("static"))
                {
                    // Roslyn reports a static class read from metadata as static only, not abstract/sealed.
                    Expect(symbol.IsAbstract == type.Has("abstract"), type + " abstract");
                    Expect(symbol.IsSealed == type.Has("sealed"), type + " sealed");
                }
            }

            if (type.Kind == ApiTypeKind.Struct)
            {
                Expect(symbol.IsReadOnly == type.Has("readonly"), type + " readonly");
                Expect(symbol.IsRefLikeType == type.Has("ref"), type + " ref");
            }

            foreach (ApiMember member in type.Members)
            {
                checkedMembers++;
                switch (member.Kind)
                {
                    case ApiMemberKind.Field:
                        CheckField(symbol, member);
                        break;
                    case ApiMemberKind.Method when member.AccessorOf is null && !member.Extra.Contains("destructor", StringComparison.Ordinal) && type.Kind != ApiTypeKind.Delegate:
                        CheckMethod(symbol, member);
                        break;
                    case ApiMemberKind.Property:
                        CheckProperty(symbol, member);
                        break;
                }
            }
        }

        Assert.True(checkedMembers > 2000, "checked only " + checkedMembers + " members");
        Assert.True(problems.Count == 0, problems.Count + " declaration differences:\n" + string.Join("\n", problems.Take(50)));

        void Expect(bool ok, string what)
        {
            if (!ok)
            {
                problems.Add(what);
            }
        }

        void CheckField(INamedTypeSymbol type, ApiMember member)
        {
            IFieldSymbol? f = type.GetMembers(member.Name).OfType<IFieldSymbol>().SingleOrDefault();
            if (f is null)
            {
                problems.Add(member + " missing");
                return;
            }

            Expect(f.IsConst == member.Has("const"), member + " const");
            Expect(f.IsStatic == member.IsStatic, member + " static");
            Expect(f.IsReadOnly == member.Has("readonly"), member + " readonly");
            string? value = member.Extra.StartsWith("value=", StringComparison.Ordinal) ? member.Extra["value=".Length..] : null;
            if (value is not null && decimal.TryParse(value.TrimEnd('L', 'U', 'u', 'l'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out decimal number))
            {
                Expect(Convert.ToDecimal(f.ConstantValue, CultureInfo.InvariantCulture) == number, member + " value " + value + " vs " + f.ConstantValue);
            }
        }

        void CheckMethod(INamedTypeSymbol type, ApiMember member)
        {
            IMethodSymbol? m = type.GetMembers(member.Name).OfType<IMethodSymbol>()
                .SingleOrDefault(c => (member.Type is null || SymbolNames.TypeName(c.ReturnType) == member.Type) && c.Parameters.Length == member.Parameters.Count
                    && c.Parameters.Select((p, i) => p.Name == member.Parameters[i].Name && SymbolNames.TypeName(p.Type) == member.Parameters[i].Type.TrimEnd('&')).All(x => x));
            if (m is null)
            {
                problems.Add(member + " missing");
                return;
            }

            Expect(m.IsStatic == member.IsStatic, member + " static");
            Expect(m.IsAbstract == member.IsAbstract, member + " abstract");
            Expect(m.IsVirtual == member.Has("virtual"), member + " virtual");
            Expect(m.IsOverride == member.Has("override"), member + " override");
            Expect(m.IsSealed == member.Has("sealed"), member + " sealed");
            Expect((m.DeclaredAccessibility == Accessibility.Public) == (member.Has("public") || member.Has("interface")), member + " accessibility");
            for (int i = 0; i < member.Parameters.Count; i++)
            {
                ApiParameter expected = member.Parameters[i];
                IParameterSymbol actual = m.Parameters[i];
                RefKind refKind = expected.RefKind switch { "ref" => RefKind.Ref, "out" => RefKind.Out, "in" => RefKind.In, _ => RefKind.None };
                Expect(actual.RefKind == refKind, member + " parameter " + expected.Name + " ref kind");
                Expect(actual.IsParams == (expected.RefKind == "params"), member + " parameter " + expected.Name + " params");
                Expect((m.IsExtensionMethod && i == 0) == (expected.RefKind == "this"), member + " parameter " + expected.Name + " this");
                Expect(actual.HasExplicitDefaultValue == (expected.DefaultValue is not null), member + " parameter " + expected.Name + " default");
            }
        }

        void CheckProperty(INamedTypeSymbol type, ApiMember member)
        {
            IPropertySymbol? p = type.GetMembers(member.Parameters.Count > 0 ? "this[]" : member.Name).OfType<IPropertySymbol>()
                .FirstOrDefault(c => c.Parameters.Length == member.Parameters.Count);
            if (p is null)
            {
                problems.Add(member + " missing");
                return;
            }

            Expect(p.IsStatic == member.IsStatic, member + " static");
            Expect(p.IsAbstract == member.IsAbstract, member + " abstract");
            Expect(p.IsVirtual == member.Has("virtual"), member + " virtual");
            Expect(p.IsOverride == member.Has("override"), member + " override");
            string[] accessors = member.Extra.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            Expect((p.GetMethod is not null) == accessors.Any(a => a.StartsWith("get", StringComparison.Ordinal)), member + " get");
            Expect((p.SetMethod is not null) == accessors.Any(a => a.StartsWith("set", StringComparison.Ordinal) || a.StartsWith("init", StringComparison.Ordinal)), member + " set");
        }
    }
}
