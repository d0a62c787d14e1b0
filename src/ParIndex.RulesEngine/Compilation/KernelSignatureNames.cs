using System.Collections.Immutable;
using System.Reflection.Metadata;

namespace ParIndex.RulesEngine.Compilation;

/// <summary>
/// Decodes the types of metadata signatures into reflection-style full names
/// (<c>System.Double[][]</c>, <c>System.Diagnostics.DebuggableAttribute+DebuggingModes</c>), so a
/// member reference can be compared with the real member. A generated kernel only ever uses
/// primitive types, strings, single-dimension arrays and named types: anything else (pointers,
/// by-reference and pinned types, function pointers, generics, modifiers) is reported as the
/// construct it is, for the verifier to refuse.
/// </summary>
internal sealed class KernelSignatureNames(MetadataReader reader) : ISignatureTypeProvider<string, object?>
{
    /// <summary>Thrown for a signature construct a generated kernel never has.</summary>
    public sealed class ForbiddenTypeException(string construct) : Exception(construct)
    {
        /// <summary>What was found, e.g. "a pointer type".</summary>
        public string Construct { get; } = construct;
    }

    public string GetPrimitiveType(PrimitiveTypeCode typeCode) => typeCode switch
    {
        PrimitiveTypeCode.Void => "System.Void",
        PrimitiveTypeCode.Boolean => "System.Boolean",
        PrimitiveTypeCode.Char => "System.Char",
        PrimitiveTypeCode.SByte => "System.SByte",
        PrimitiveTypeCode.Byte => "System.Byte",
        PrimitiveTypeCode.Int16 => "System.Int16",
        PrimitiveTypeCode.UInt16 => "System.UInt16",
        PrimitiveTypeCode.Int32 => "System.Int32",
        PrimitiveTypeCode.UInt32 => "System.UInt32",
        PrimitiveTypeCode.Int64 => "System.Int64",
        PrimitiveTypeCode.UInt64 => "System.UInt64",
        PrimitiveTypeCode.Single => "System.Single",
        PrimitiveTypeCode.Double => "System.Double",
        PrimitiveTypeCode.String => "System.String",
        PrimitiveTypeCode.Object => "System.Object",
        PrimitiveTypeCode.IntPtr => "System.IntPtr",
        PrimitiveTypeCode.UIntPtr => "System.UIntPtr",
        PrimitiveTypeCode.TypedReference => throw new ForbiddenTypeException("a TypedReference"),
        _ => throw new ForbiddenTypeException($"the primitive type {typeCode}"),
    };

    public string GetTypeFromReference(MetadataReader metadata, TypeReferenceHandle handle, byte rawTypeKind) => FullName(handle);

    public string GetTypeFromDefinition(MetadataReader metadata, TypeDefinitionHandle handle, byte rawTypeKind)
    {
        var type = metadata.GetTypeDefinition(handle);
        var ns = metadata.GetString(type.Namespace);
        return ns.Length == 0 ? metadata.GetString(type.Name) : ns + "." + metadata.GetString(type.Name);
    }

    public string GetSZArrayType(string elementType) => elementType + "[]";

    public string GetArrayType(string elementType, ArrayShape shape) => throw new ForbiddenTypeException("a multi-dimensional array");
    public string GetByReferenceType(string elementType) => throw new ForbiddenTypeException("a by-reference type");
    public string GetPointerType(string elementType) => throw new ForbiddenTypeException("a pointer type (unsafe code)");
    public string GetPinnedType(string elementType) => throw new ForbiddenTypeException("a pinned local (unsafe code)");
    public string GetFunctionPointerType(MethodSignature<string> signature) => throw new ForbiddenTypeException("a function pointer (unsafe code)");
    public string GetGenericInstantiation(string genericType, ImmutableArray<string> typeArguments) => throw new ForbiddenTypeException("a generic type");
    public string GetGenericMethodParameter(object? genericContext, int index) => throw new ForbiddenTypeException("a generic method parameter");
    public string GetGenericTypeParameter(object? genericContext, int index) => throw new ForbiddenTypeException("a generic type parameter");
    public string GetModifiedType(string modifier, string unmodifiedType, bool isRequired) => throw new ForbiddenTypeException("a modified type");
    public string GetTypeFromSpecification(MetadataReader metadata, object? genericContext, TypeSpecificationHandle handle, byte rawTypeKind) =>
        throw new ForbiddenTypeException("a type specification");

    /// <summary>Namespace.Name, with '+' before a nested type's name as reflection writes it.</summary>
    public string FullName(TypeReferenceHandle handle)
    {
        var type = reader.GetTypeReference(handle);
        var name = reader.GetString(type.Name);
        if (type.ResolutionScope.Kind == HandleKind.TypeReference)
            return FullName((TypeReferenceHandle)type.ResolutionScope) + "+" + name;
        var ns = reader.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }
}
