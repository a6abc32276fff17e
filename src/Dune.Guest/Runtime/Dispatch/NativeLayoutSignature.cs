using Dune.Runtime.NativeFormat;
using Internal.Runtime;

namespace Dune.Runtime.Dispatch
{
    /// <summary>
    /// Compares a type signature of ilc's native layout blob with a runtime type, without building types. A
    /// signature is a NativeFormat unsigned whose low 4 bits give the kind and the rest its data: External (6, an
    /// index into the NativeReferences table), Instantiation (3, type-argument count; then the generic definition
    /// and the arguments), Variable (4, a type parameter of the context type: index in the bits above bit 0, bit 0
    /// set for a method parameter) and Lookback (1, the same signature written earlier, data bytes back). Other kinds
    /// never match. In canonical mode a type argument that is a reference type matches any reference type in the
    /// signature: canonical signatures write __Canon for every reference-type argument (and nothing else), also
    /// inside the instantiations of the canonical types they reference.
    /// </summary>
    internal static unsafe class NativeLayoutSignature
    {
        private const uint Lookback = 1, Instantiation = 3, Variable = 4, External = 6;

        public static bool Matches(ref byte* p, byte* references, MethodTable* type, MethodTable* context, bool canonical) =>
            Matches(ref p, references, type, context, canonical, isArgument: false);

        /// <summary>Matches a type argument (of a method or of a generic type).</summary>
        public static bool MatchesArgument(ref byte* p, byte* references, MethodTable* type, MethodTable* context, bool canonical) =>
            Matches(ref p, references, type, context, canonical, isArgument: true);

        private static bool Matches(ref byte* p, byte* references, MethodTable* type, MethodTable* context, bool canonical, bool isArgument)
        {
            byte* start = p;
            uint v = NativeReader.NativeUnsigned(ref p);
            uint data = v >> 4;
            switch (v & 0xF)
            {
                case Lookback:
                {
                    byte* earlier = start - data;
                    return Matches(ref earlier, references, type, context, canonical, isArgument);
                }
                case External:
                {
                    MethodTable* named = ExternalType(references, data);
                    return canonical ? SharesCode(named, type, isArgument) : named == type;
                }
                case Variable:
                {
                    int index = (int)(data >> 1);
                    if ((data & 1) != 0 || context == null || !context->IsGeneric || index >= TypeLayout.GenericArity(context)) return false;
                    return TypeLayout.GenericArgument(context, index) == type;
                }
                case Instantiation:
                {
                    uint definition = NativeReader.NativeUnsigned(ref p);
                    bool match = (definition & 0xF) == External && type->IsGeneric
                        && ExternalType(references, definition >> 4) == TypeLayout.GenericDefinition(type)
                        && TypeLayout.GenericArity(type) == (int)data;
                    for (int i = 0; i < (int)data; i++)
                    {
                        if (match) match = Matches(ref p, references, TypeLayout.GenericArgument(type, i), context, canonical, isArgument: true);
                        else Skip(ref p);
                    }
                    return match;
                }
                default:
                    return false;
            }
        }

        /// <summary>
        /// Whether code compiled for <paramref name="canonical"/> (a canonical form such as Box&lt;__Canon&gt;, which
        /// ilc also references as a type of its own) serves <paramref name="type"/>.
        /// </summary>
        private static bool SharesCode(MethodTable* canonical, MethodTable* type, bool isArgument)
        {
            if (canonical == type) return true;
            if (isArgument && !canonical->IsValueType && !type->IsValueType) return true;
            if (!canonical->IsGeneric || !type->IsGeneric || TypeLayout.GenericDefinition(canonical) != TypeLayout.GenericDefinition(type)) return false;
            for (int i = 0; i < TypeLayout.GenericArity(type); i++)
                if (!SharesCode(TypeLayout.GenericArgument(canonical, i), TypeLayout.GenericArgument(type, i), isArgument: true)) return false;
            return true;
        }

        /// <summary>Moves past one signature without comparing it.</summary>
        private static void Skip(ref byte* p)
        {
            uint v = NativeReader.NativeUnsigned(ref p);
            if ((v & 0xF) != Instantiation) return;
            Skip(ref p);
            for (uint i = 0; i < v >> 4; i++) Skip(ref p);
        }

        public static MethodTable* ExternalType(byte* references, uint index)
        {
            byte* cell = references + index * 4;
            return (MethodTable*)(cell + *(int*)cell);
        }
    }
}
