using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace ParIndex.RulesEngine.Compilation;

/// <summary>
/// The method bodies of a kernel image, instruction by instruction: only the instructions that
/// loops of arithmetic over the frame's arrays compile to (locals and arguments, constants,
/// arithmetic, comparisons, conversions, branches, array element loads and stores, <c>ldlen</c>,
/// <c>ldfld</c> of a frame column, <c>ldstr</c>, static calls, <c>ret</c>). So no indirect load
/// or store, <c>localloc</c>, <c>calli</c>, function pointer, allocation, static field, boxing,
/// exception handler or instance call; a public stage may call its private parts, which call no
/// method of the kernel (nothing recurses). Locals are numbers (double, short, int, long), bools, text, arrays of them or
/// the frame: no pointer, reference or pinned local.
/// </summary>
internal static class KernelIlScanner
{
    /// <summary>Operand size by one-byte opcode, -1 for an opcode not allowed (switch is handled apart). An array: the scan runs once per load, mostly before the JIT optimises it.</summary>
    private static readonly sbyte[] OneByte = Build(0x100, 
        (0, [ILOpCode.Nop, ILOpCode.Ldarg_0, ILOpCode.Ldarg_1, ILOpCode.Ldarg_2, ILOpCode.Ldarg_3,
            ILOpCode.Ldloc_0, ILOpCode.Ldloc_1, ILOpCode.Ldloc_2, ILOpCode.Ldloc_3, ILOpCode.Stloc_0, ILOpCode.Stloc_1, ILOpCode.Stloc_2, ILOpCode.Stloc_3,
            ILOpCode.Ldnull, ILOpCode.Ldc_i4_m1, ILOpCode.Ldc_i4_0, ILOpCode.Ldc_i4_1, ILOpCode.Ldc_i4_2, ILOpCode.Ldc_i4_3, ILOpCode.Ldc_i4_4,
            ILOpCode.Ldc_i4_5, ILOpCode.Ldc_i4_6, ILOpCode.Ldc_i4_7, ILOpCode.Ldc_i4_8, ILOpCode.Dup, ILOpCode.Pop, ILOpCode.Ret,
            ILOpCode.Add, ILOpCode.Sub, ILOpCode.Mul, ILOpCode.Div, ILOpCode.Div_un, ILOpCode.Rem, ILOpCode.Rem_un,
            ILOpCode.And, ILOpCode.Or, ILOpCode.Xor, ILOpCode.Shl, ILOpCode.Shr, ILOpCode.Shr_un, ILOpCode.Neg, ILOpCode.Not,
            ILOpCode.Conv_i1, ILOpCode.Conv_i2, ILOpCode.Conv_i4, ILOpCode.Conv_i8, ILOpCode.Conv_r4, ILOpCode.Conv_r8,
            ILOpCode.Conv_u1, ILOpCode.Conv_u2, ILOpCode.Conv_u4, ILOpCode.Conv_u8, ILOpCode.Conv_r_un, ILOpCode.Ckfinite,
            ILOpCode.Conv_ovf_i1, ILOpCode.Conv_ovf_i2, ILOpCode.Conv_ovf_i4, ILOpCode.Conv_ovf_i8,
            ILOpCode.Conv_ovf_u1, ILOpCode.Conv_ovf_u2, ILOpCode.Conv_ovf_u4, ILOpCode.Conv_ovf_u8, ILOpCode.Ldlen,
            ILOpCode.Ldelem_i1, ILOpCode.Ldelem_u1, ILOpCode.Ldelem_i2, ILOpCode.Ldelem_u2, ILOpCode.Ldelem_i4, ILOpCode.Ldelem_u4,
            ILOpCode.Ldelem_i8, ILOpCode.Ldelem_r4, ILOpCode.Ldelem_r8, ILOpCode.Ldelem_ref,
            ILOpCode.Stelem_i1, ILOpCode.Stelem_i2, ILOpCode.Stelem_i4, ILOpCode.Stelem_i8, ILOpCode.Stelem_r4, ILOpCode.Stelem_r8, ILOpCode.Stelem_ref]),
        (1, [ILOpCode.Ldarg_s, ILOpCode.Starg_s, ILOpCode.Ldloc_s, ILOpCode.Stloc_s, ILOpCode.Ldc_i4_s,
            ILOpCode.Br_s, ILOpCode.Brfalse_s, ILOpCode.Brtrue_s, ILOpCode.Beq_s, ILOpCode.Bge_s, ILOpCode.Bgt_s, ILOpCode.Ble_s, ILOpCode.Blt_s,
            ILOpCode.Bne_un_s, ILOpCode.Bge_un_s, ILOpCode.Bgt_un_s, ILOpCode.Ble_un_s, ILOpCode.Blt_un_s]),
        (4, [ILOpCode.Ldc_i4, ILOpCode.Ldc_r4, ILOpCode.Call, ILOpCode.Ldstr, ILOpCode.Ldfld,
            ILOpCode.Br, ILOpCode.Brfalse, ILOpCode.Brtrue, ILOpCode.Beq, ILOpCode.Bge, ILOpCode.Bgt, ILOpCode.Ble, ILOpCode.Blt,
            ILOpCode.Bne_un, ILOpCode.Bge_un, ILOpCode.Bgt_un, ILOpCode.Ble_un, ILOpCode.Blt_un]),
        (8, [ILOpCode.Ldc_i8, ILOpCode.Ldc_r8]));

    /// <summary>Operand size by the second byte of the two-byte (0xFE-prefixed) opcodes, -1 for one not allowed.</summary>
    private static readonly sbyte[] TwoByte = Build(0x100, 
        (0, [ILOpCode.Ceq, ILOpCode.Cgt, ILOpCode.Cgt_un, ILOpCode.Clt, ILOpCode.Clt_un]),
        (2, [ILOpCode.Ldarg, ILOpCode.Starg, ILOpCode.Ldloc, ILOpCode.Stloc]));

    private static readonly HashSet<string> LocalElementTypes = new(StringComparer.Ordinal)
    {
        "System.Double", "System.Boolean", "System.Int16", "System.Int32", "System.Int64", "System.String",
    };

    /// <summary>The first instruction, call or local outside the kernel's repertoire, or null.</summary>
    public static string? Problem(PEReader pe, MetadataReader reader, KernelSignatureNames names)
    {
        foreach (var handle in reader.MethodDefinitions)
        {
            var method = reader.GetMethodDefinition(handle);
            var name = reader.GetString(method.Name);
            var body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (body.ExceptionRegions.Length > 0) return $"the method '{name}' has exception handlers";
            if (LocalsProblem(reader, names, body) is { } locals) return $"the method '{name}' declares {locals}";
            if (InstructionsProblem(reader, body.GetILReader(), KernelImageVerifier.IsStage(name)) is { } il)
                return $"the method '{name}' contains {il}";
        }
        return null;
    }

    private static string? LocalsProblem(MetadataReader reader, KernelSignatureNames names, MethodBodyBlock body)
    {
        if (body.LocalSignature.IsNil) return null;
        foreach (var type in reader.GetStandaloneSignature(body.LocalSignature).DecodeLocalSignature(names, null))
        {
            var element = type.Replace("[]", "", StringComparison.Ordinal);
            var allowed = LocalElementTypes.Contains(element) || type == typeof(KernelFrame).FullName;
            if (!allowed) return $"a local of type {type}";
        }
        return null;
    }

    private static string? InstructionsProblem(MetadataReader reader, BlobReader il, bool isStage)
    {
        while (il.RemainingBytes > 0)
        {
            int code = il.ReadByte();
            int operand;
            if (code == 0xFE)
            {
                if (il.RemainingBytes == 0) return "a truncated instruction";
                code = 0xFE00 | il.ReadByte();
                operand = TwoByte[code & 0xFF];
            }
            else if (code == (int)ILOpCode.Switch)
            {
                if (il.RemainingBytes < 4) return "a truncated switch";
                var targets = il.ReadUInt32();
                if (targets > (uint)il.RemainingBytes / 4) return "a truncated switch";
                il.Offset += (int)targets * 4;
                continue;
            }
            else operand = OneByte[code];
            var opcode = (ILOpCode)code;
            if (operand < 0) return $"the instruction {Name(opcode)}, which generated code never uses";
            if (operand == 4 && opcode is ILOpCode.Call or ILOpCode.Ldfld)
            {
                var token = MetadataTokens.EntityHandle(il.ReadInt32());
                if ((opcode == ILOpCode.Call ? CallProblem(reader, token, isStage) : FieldProblem(reader, token)) is { } problem) return problem;
                continue;
            }
            if (operand > il.RemainingBytes) return $"a truncated {Name(opcode)}";
            il.Offset += operand;
        }
        return null;
    }

    /// <summary>Calls go to static methods of the allow-list (checked as member references), or from a stage to a part.</summary>
    private static string? CallProblem(MetadataReader reader, EntityHandle token, bool isStage)
    {
        switch (token.Kind)
        {
            case HandleKind.MethodDefinition:
                var callee = reader.GetString(reader.GetMethodDefinition((MethodDefinitionHandle)token).Name);
                return isStage && !KernelImageVerifier.IsStage(callee) ? null : $"a call to '{callee}' (only a stage calls its parts)";
            case HandleKind.MemberReference:
                var member = reader.GetMemberReference((MemberReferenceHandle)token);
                // Only the header is needed: the whole signature was matched against the allow-list already.
                var header = reader.GetBlobReader(member.Signature).ReadSignatureHeader();
                if (header.Kind != SignatureKind.Method || header.IsInstance)
                    return $"a call to '{reader.GetString(member.Name)}', which is not a static method";
                return null;
            default:
                return $"a call through a {token.Kind}";
        }
    }

    private static string? FieldProblem(MetadataReader reader, EntityHandle token) =>
        token.Kind == HandleKind.MemberReference && reader.GetMemberReference((MemberReferenceHandle)token).GetKind() == MemberReferenceKind.Field
            ? null
            : $"a field load through a {token.Kind}";

    private static string Name(ILOpCode opcode) => opcode.ToString().ToLowerInvariant().Replace('_', '.');

    private static sbyte[] Build(int length, params (int Size, ILOpCode[] Codes)[] groups)
    {
        var sizes = new sbyte[length];
        Array.Fill(sizes, (sbyte)-1);
        foreach (var (size, codes) in groups)
            foreach (var code in codes)
                sizes[(int)code & 0xFF] = (sbyte)size;
        return sizes;
    }
}
