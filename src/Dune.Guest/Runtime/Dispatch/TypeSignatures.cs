using System;
using Dune.Runtime.NativeFormat;
using Internal.Runtime;

namespace Dune.Runtime.Dispatch
{
    /// <summary>The types a generic dictionary is built for: the owning type's arguments and the method's.</summary>
    internal unsafe struct GenericContext
    {
        public MethodTable* Owner;
        public MethodTable** MethodArguments;
        public int MethodArgumentCount;
    }

    /// <summary>
    /// Turns a type signature of ilc's native layout blob into the MethodTable it names for a given generic context
    /// (the encoding is described on <see cref="NativeLayoutSignature"/>; Modifier (2) with data 1 is a
    /// single-dimensional array of the signature that follows). Only types ilc compiled can be named: the result is
    /// null, and <c>missing</c> says which type, when the executable does not contain it.
    /// </summary>
    internal static unsafe class TypeSignatures
    {
        private const uint Lookback = 1, Modifier = 2, Instantiation = 3, Variable = 4, External = 6;
        private const uint ArrayModifier = 1;
        private const int MaxArity = 8;

        public static MethodTable* Resolve(ref byte* p, byte* references, in GenericContext context, ref string missing)
        {
            byte* start = p;
            uint v = NativeReader.NativeUnsigned(ref p);
            uint data = v >> 4;
            switch (v & 0xF)
            {
                case Lookback:
                {
                    byte* earlier = start - data;
                    return Resolve(ref earlier, references, context, ref missing);
                }
                case External:
                    return NativeLayoutSignature.ExternalType(references, data);
                case Variable:
                {
                    int index = (int)(data >> 1);
                    if ((data & 1) != 0)
                        return index < context.MethodArgumentCount ? context.MethodArguments[index] : Fail("a method type parameter", ref missing);
                    MethodTable* owner = context.Owner;
                    return owner != null && owner->IsGeneric && index < TypeLayout.GenericArity(owner)
                        ? TypeLayout.GenericArgument(owner, index)
                        : Fail("a type parameter", ref missing);
                }
                case Modifier:
                {
                    MethodTable* element = Resolve(ref p, references, context, ref missing);
                    if (element == null) return null;
                    if (data != ArrayModifier) return Fail("a pointer or by-ref type", ref missing);
                    MethodTable* array = CompiledTypes.FindSzArray(element);
                    return array != null ? array : Fail(Type.NameOf(element) + "[]", ref missing);
                }
                case Instantiation:
                {
                    MethodTable* definition = Resolve(ref p, references, context, ref missing);
                    MethodTable** arguments = stackalloc MethodTable*[MaxArity];
                    bool resolved = definition != null && data <= MaxArity;
                    for (int i = 0; i < (int)data; i++)
                    {
                        MethodTable* argument = Resolve(ref p, references, context, ref missing);
                        if (i < MaxArity) arguments[i] = argument;
                        resolved &= argument != null;
                    }
                    if (!resolved) return null;
                    MethodTable* type = CompiledTypes.FindInstantiation(definition, arguments, (int)data);
                    return type != null ? type : Fail(InstantiationName(definition, arguments, (int)data), ref missing);
                }
                default:
                    return Fail("a type of signature kind " + (v & 0xF).ToString(), ref missing);
            }
        }

        /// <summary>The name .NET's Type.ToString() gives the instantiation: "System.Collections.Generic.List`1[System.String]".</summary>
        private static string InstantiationName(MethodTable* definition, MethodTable** arguments, int count)
        {
            string name = Type.NameOf(definition) + "[";
            for (int i = 0; i < count; i++) name += (i > 0 ? "," : "") + Type.NameOf(arguments[i]);
            return name + "]";
        }

        private static MethodTable* Fail(string what, ref string missing)
        {
            missing ??= what;
            return null;
        }
    }
}
