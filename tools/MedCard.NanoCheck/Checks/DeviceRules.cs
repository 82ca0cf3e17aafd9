using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace MedCard.NanoCheck.Checks;

/// <summary>
/// Checks for code that compiles against the stubs but fails on the device. Runs only on a project
/// that compiled clean, over every syntax tree with its semantic model:
/// <list type="bullet">
/// <item>NANO001: a constructed generic type is named, created or converted to (the generic delegates
/// exist in 1.x mscorlib but the runtime cannot instantiate generics) — lambdas and method groups
/// converted to <c>Func&lt;int&gt;</c> included;</item>
/// <item>NANO002: a type from extras/nanoFramework.CoreLibrary.excludetype.txt is used anywhere but in an
/// attribute (the metadata processor leaves those types out of the deployed image);</item>
/// <item>NANO003: a generic type or method is declared;</item>
/// <item>NANO004: a System.Math call whose integer argument silently binds to a floating-point overload.</item>
/// </list>
/// Each rule reports once per line and type, at the first (outermost) node of that line.
/// </summary>
public static class DeviceRules
{
    public static List<Finding> Check(Compilation compilation, IReadOnlySet<string> excludedTypes)
    {
        var findings = new List<Finding>();
        foreach (SyntaxTree tree in compilation.SyntaxTrees)
        {
            SemanticModel model = compilation.GetSemanticModel(tree);
            var reported = new HashSet<string>(StringComparer.Ordinal);
            foreach (SyntaxNode node in tree.GetRoot().DescendantNodes())
            {
                if (node is TypeParameterListSyntax typeParameters)
                {
                    Report(findings, reported, typeParameters.Parent ?? typeParameters, RuleIds.GenericDeclaration, "decl",
                        "generic declaration '" + DeclarationName(typeParameters) + "': nanoFramework 1.x does not support generic types or methods; use object, arrays or a concrete type");
                    continue;
                }

                if (node is InvocationExpressionSyntax invocation)
                {
                    CheckMathOverload(model, invocation, findings, reported);
                }

                if (node is not (ExpressionSyntax or TypeSyntax))
                {
                    continue;
                }

                foreach (ITypeSymbol type in TypesOf(model, node))
                {
                    if (FindConstructedGeneric(type) is INamedTypeSymbol generic)
                    {
                        Report(findings, reported, node, RuleIds.GenericInstantiation, generic.ToDisplayString(),
                            "'" + generic.ToDisplayString() + "' is a constructed generic type: it is declared in nanoFramework 1.x mscorlib but cannot be instantiated at run time; declare a non-generic delegate or type instead");
                    }

                    if (!InAttribute(node) && ExcludedName(type, excludedTypes) is string excluded)
                    {
                        Report(findings, reported, node, RuleIds.ExcludedType, excluded,
                            "'" + excluded + "' is marked [ExcludeType]: it compiles against the reference assembly but is left out of the image deployed to the device; use it only as an attribute");
                    }
                }
            }
        }

        return findings;
    }

    /// <summary>
    /// NANO004: nanoFramework's System.Math has only Int32/Single/Double overloads (plus Int64/UInt64 Clamp),
    /// so an Int64 argument (or a UInt32/Int32 one headed for Single) silently binds to a floating-point
    /// overload and loses precision; desktop .NET would have picked an exact integer overload.
    /// </summary>
    private static void CheckMathOverload(SemanticModel model, InvocationExpressionSyntax invocation, List<Finding> findings, HashSet<string> reported)
    {
        if (model.GetSymbolInfo(invocation).Symbol is not IMethodSymbol method || method.ContainingType?.ToDisplayString() != "System.Math")
        {
            return;
        }

        for (int i = 0; i < invocation.ArgumentList.Arguments.Count && i < method.Parameters.Length; i++)
        {
            ExpressionSyntax argument = invocation.ArgumentList.Arguments[i].Expression;
            SpecialType from = model.GetTypeInfo(argument).Type?.SpecialType ?? SpecialType.None;
            SpecialType to = method.Parameters[i].Type.SpecialType;
            bool lossy = to switch
            {
                SpecialType.System_Double => from is SpecialType.System_Int64 or SpecialType.System_UInt64,
                SpecialType.System_Single => from is SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64,
                _ => false,
            };
            if (lossy)
            {
                Report(findings, reported, argument, RuleIds.LossyMathOverload, "math",
                    "'Math." + method.Name + "' has no " + model.GetTypeInfo(argument).Type!.ToDisplayString() + " overload on nanoFramework: the argument is converted to "
                    + method.Parameters[i].Type.ToDisplayString() + " and loses precision; compare or compute with integer code instead");
                return;
            }
        }
    }

    /// <summary>The types a node names or produces: its symbol (a type, or a member's containing type), its type and converted type.</summary>
    private static IEnumerable<ITypeSymbol> TypesOf(SemanticModel model, SyntaxNode node)
    {
        SymbolInfo symbolInfo = model.GetSymbolInfo(node);
        ISymbol? symbol = symbolInfo.Symbol;
        switch (symbol)
        {
            case ITypeSymbol t:
                yield return t;
                break;
            case IMethodSymbol or IFieldSymbol or IPropertySymbol or IEventSymbol when symbol.ContainingType is not null:
                yield return symbol.ContainingType;
                break;
        }

        TypeInfo info = model.GetTypeInfo(node);
        if (info.Type is not null)
        {
            yield return info.Type;
        }

        if (info.ConvertedType is not null)
        {
            yield return info.ConvertedType;
        }
    }

    private static INamedTypeSymbol? FindConstructedGeneric(ITypeSymbol type)
    {
        while (type is IArrayTypeSymbol array)
        {
            type = array.ElementType;
        }

        if (type is INamedTypeSymbol named && named.IsGenericType && !named.IsUnboundGenericType
            && named.TypeArguments.Any(a => a.TypeKind != TypeKind.TypeParameter))
        {
            return named;
        }

        return null;
    }

    private static string? ExcludedName(ITypeSymbol type, IReadOnlySet<string> excludedTypes)
    {
        while (type is IArrayTypeSymbol array)
        {
            type = array.ElementType;
        }

        if (type is not INamedTypeSymbol named)
        {
            return null;
        }

        string name = MetadataName(named);
        return excludedTypes.Contains(name) ? name : null;
    }

    /// <summary><c>Namespace.Outer+Inner</c>, the spelling of the data files.</summary>
    private static string MetadataName(INamedTypeSymbol type)
    {
        string name = type.MetadataName;
        for (INamedTypeSymbol? outer = type.ContainingType; outer is not null; outer = outer.ContainingType)
        {
            name = outer.MetadataName + "+" + name;
            type = outer;
        }

        string ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : "";
        return ns + name;
    }

    private static bool InAttribute(SyntaxNode node) => node.AncestorsAndSelf().Any(a => a is AttributeListSyntax);

    private static string DeclarationName(TypeParameterListSyntax list) => list.Parent switch
    {
        TypeDeclarationSyntax t => t.Identifier.Text + list,
        MethodDeclarationSyntax m => m.Identifier.Text + list,
        DelegateDeclarationSyntax d => d.Identifier.Text + list,
        LocalFunctionStatementSyntax f => f.Identifier.Text + list,
        _ => list.ToString(),
    };

    private static void Report(List<Finding> findings, HashSet<string> reported, SyntaxNode node, string code, string what, string message)
    {
        FileLinePositionSpan span = node.GetLocation().GetLineSpan();
        if (reported.Add(code + "|" + span.StartLinePosition.Line + "|" + what))
        {
            findings.Add(new Finding(span.Path, span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1, code, message));
        }
    }
}
