using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace MedCard.NanoCheck.Tests;

/// <summary>
/// The surface a C# consumer of an assembly can see, read from its metadata with System.Reflection.Metadata, one line
/// per type (kind, modifiers, base, interfaces), method (static/virtual/abstract, signature), field (type, constant
/// value), property and event: public members, plus protected ones of types that can be derived from.
/// </summary>
public static class PublicSurfaceReader
{
    public static SortedSet<string> Read(string assemblyPath)
    {
        using FileStream stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        MetadataReader md = pe.GetMetadataReader();
        var provider = new TypeNames(md);
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (TypeDefinitionHandle handle in md.TypeDefinitions)
        {
            TypeDefinition type = md.GetTypeDefinition(handle);
            if (!IsVisible(md, type))
            {
                continue;
            }

            string name = provider.Name(handle);
            bool derivable = (type.Attributes & TypeAttributes.Sealed) == 0;
            string kind = (type.Attributes & TypeAttributes.Interface) != 0 ? "interface" : "class";
            lines.Add("T " + name + " " + kind + Flag(type.Attributes, TypeAttributes.Abstract, " abstract") + Flag(type.Attributes, TypeAttributes.Sealed, " sealed"));
            if (!type.BaseType.IsNil)
            {
                lines.Add("B " + name + " " + provider.Name(type.BaseType));
            }

            foreach (InterfaceImplementationHandle i in type.GetInterfaceImplementations())
            {
                lines.Add("I " + name + " " + provider.Name(md.GetInterfaceImplementation(i).Interface));
            }

            foreach (MethodDefinitionHandle mh in type.GetMethods())
            {
                MethodDefinition method = md.GetMethodDefinition(mh);
                if (!IsVisible(method.Attributes & MethodAttributes.MemberAccessMask, derivable))
                {
                    continue;
                }

                MethodSignature<string> sig = method.DecodeSignature(provider, null);
                lines.Add("M " + name + "::" + md.GetString(method.Name) + "(" + string.Join(",", sig.ParameterTypes) + "):" + sig.ReturnType
                    + Flag(method.Attributes, MethodAttributes.Static, " static") + Flag(method.Attributes, MethodAttributes.Virtual, " virtual")
                    + Flag(method.Attributes, MethodAttributes.Abstract, " abstract") + Flag(method.Attributes, MethodAttributes.Final, " final")
                    + (method.GetGenericParameters().Count > 0 ? " generic" + method.GetGenericParameters().Count : ""));
            }

            foreach (FieldDefinitionHandle fh in type.GetFields())
            {
                FieldDefinition field = md.GetFieldDefinition(fh);
                if (!IsVisible((MethodAttributes)(int)(field.Attributes & FieldAttributes.FieldAccessMask), derivable))
                {
                    continue;
                }

                string constant = field.GetDefaultValue().IsNil ? "" : " = " + Constant(md, md.GetConstant(field.GetDefaultValue()));
                lines.Add("F " + name + "::" + md.GetString(field.Name) + ":" + field.DecodeSignature(provider, null)
                    + Flag(field.Attributes, FieldAttributes.Static, " static") + Flag(field.Attributes, FieldAttributes.InitOnly, " readonly") + constant);
            }

            foreach (PropertyDefinitionHandle ph in type.GetProperties())
            {
                PropertyDefinition property = md.GetPropertyDefinition(ph);
                PropertyAccessors accessors = property.GetAccessors();
                var visible = new[] { accessors.Getter, accessors.Setter }
                    .Where(a => !a.IsNil && IsVisible(md.GetMethodDefinition(a).Attributes & MethodAttributes.MemberAccessMask, derivable))
                    .Select(a => md.GetString(md.GetMethodDefinition(a).Name))
                    .ToList();
                if (visible.Count > 0)
                {
                    lines.Add("P " + name + "::" + md.GetString(property.Name) + ":" + property.DecodeSignature(provider, null).ReturnType + " {" + string.Join(" ", visible) + "}");
                }
            }

            foreach (EventDefinitionHandle eh in type.GetEvents())
            {
                EventDefinition ev = md.GetEventDefinition(eh);
                EventAccessors accessors = ev.GetAccessors();
                if (!accessors.Adder.IsNil && IsVisible(md.GetMethodDefinition(accessors.Adder).Attributes & MethodAttributes.MemberAccessMask, derivable))
                {
                    lines.Add("E " + name + "::" + md.GetString(ev.Name) + ":" + provider.Name(ev.Type));
                }
            }
        }

        return lines;
    }

    private static string Flag<T>(T value, T flag, string text)
        where T : Enum => value.HasFlag(flag) ? text : "";

    private static bool IsVisible(MetadataReader md, TypeDefinition type)
    {
        TypeAttributes visibility = type.Attributes & TypeAttributes.VisibilityMask;
        if (!type.GetDeclaringType().IsNil)
        {
            TypeDefinition outer = md.GetTypeDefinition(type.GetDeclaringType());
            bool outerDerivable = (outer.Attributes & TypeAttributes.Sealed) == 0;
            return IsVisible(md, outer) && (visibility == TypeAttributes.NestedPublic
                || (outerDerivable && visibility is TypeAttributes.NestedFamily or TypeAttributes.NestedFamORAssem));
        }

        return visibility == TypeAttributes.Public;
    }

    private static bool IsVisible(MethodAttributes access, bool derivable) =>
        access == MethodAttributes.Public || (derivable && access is MethodAttributes.Family or MethodAttributes.FamORAssem);

    private static string Constant(MetadataReader md, Constant constant)
    {
        BlobReader blob = md.GetBlobReader(constant.Value);
        return constant.TypeCode switch
        {
            ConstantTypeCode.String => "\"" + blob.ReadUTF16(blob.Length) + "\"",
            ConstantTypeCode.NullReference => "null",
            _ => Convert.ToString(blob.ReadConstant(constant.TypeCode), System.Globalization.CultureInfo.InvariantCulture) ?? "",
        };
    }

    /// <summary>Type names as the API data writes them: namespace-qualified, nested with '+', generic arity with '`'.</summary>
    private sealed class TypeNames : ISignatureTypeProvider<string, object?>
    {
        private readonly MetadataReader _md;

        public TypeNames(MetadataReader md)
        {
            _md = md;
        }

        public string Name(EntityHandle handle) => handle.Kind switch
        {
            HandleKind.TypeDefinition => GetTypeFromDefinition(_md, (TypeDefinitionHandle)handle, 0),
            HandleKind.TypeReference => GetTypeFromReference(_md, (TypeReferenceHandle)handle, 0),
            HandleKind.TypeSpecification => _md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(this, null),
            _ => handle.Kind.ToString(),
        };

        public string GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            TypeDefinition type = reader.GetTypeDefinition(handle);
            string name = reader.GetString(type.Name);
            if (!type.GetDeclaringType().IsNil)
            {
                return GetTypeFromDefinition(reader, type.GetDeclaringType(), 0) + "+" + name;
            }

            string ns = reader.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        public string GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind)
        {
            TypeReference type = reader.GetTypeReference(handle);
            string name = reader.GetString(type.Name);
            if (type.ResolutionScope.Kind == HandleKind.TypeReference)
            {
                return GetTypeFromReference(reader, (TypeReferenceHandle)type.ResolutionScope, 0) + "+" + name;
            }

            string ns = reader.GetString(type.Namespace);
            return ns.Length == 0 ? name : ns + "." + name;
        }

        public string GetTypeFromSpecification(MetadataReader reader, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, genericContext);

        public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
        {
            PrimitiveTypeCode.Boolean => "System.Boolean",
            PrimitiveTypeCode.Byte => "System.Byte",
            PrimitiveTypeCode.SByte => "System.SByte",
            PrimitiveTypeCode.Char => "System.Char",
            PrimitiveTypeCode.Int16 => "System.Int16",
            PrimitiveTypeCode.UInt16 => "System.UInt16",
            PrimitiveTypeCode.Int32 => "System.Int32",
            PrimitiveTypeCode.UInt32 => "System.UInt32",
            PrimitiveTypeCode.Int64 => "System.Int64",
            PrimitiveTypeCode.UInt64 => "System.UInt64",
            PrimitiveTypeCode.Single => "System.Single",
            PrimitiveTypeCode.Double => "System.Double",
            PrimitiveTypeCode.IntPtr => "System.IntPtr",
            PrimitiveTypeCode.UIntPtr => "System.UIntPtr",
            PrimitiveTypeCode.Object => "System.Object",
            PrimitiveTypeCode.String => "System.String",
            PrimitiveTypeCode.TypedReference => "System.TypedReference",
            PrimitiveTypeCode.Void => "System.Void",
            _ => typeCode.ToString(),
        };

        public string GetSZArrayType(string elementType) => elementType + "[]";

        public string GetArrayType(string elementType, ArrayShape shape) => elementType + "[" + new string(',', shape.Rank - 1) + "]";

        public string GetByReferenceType(string elementType) => elementType + "&";

        public string GetPointerType(string elementType) => elementType + "*";

        public string GetPinnedType(string elementType) => elementType + " pinned";

        public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => genericType + "<" + string.Join(",", typeArguments) + ">";

        public string GetGenericTypeParameter(object? genericContext, int index) => "!" + index;

        public string GetGenericMethodParameter(object? genericContext, int index) => "!!" + index;

        public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => unmodifiedType + (isRequired ? " modreq(" : " modopt(") + modifier + ")";

        public string GetFunctionPointerType(MethodSignature<string> signature) => "method " + signature.ReturnType + "(" + string.Join(",", signature.ParameterTypes) + ")";
    }
}
