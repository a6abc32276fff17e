using System;
using System.Runtime;
using Dune.Runtime.NativeFormat;
using Internal.Runtime;

namespace Dune.Runtime.Dispatch
{
    /// <summary>
    /// Finds the code for a generic virtual call from ilc 10's tables (layouts checked against its output):
    /// <list type="bullet">
    /// <item>GenericVirtualMethodTable: entries (calling type, implementing type, method, method) naming types by
    /// index into the CommonFixups external references (32-bit self-relative pointers).</item>
    /// <item>InterfaceGenericVirtualMethodTable: (interface, method, count, then per implementation: method, target
    /// type, count, then per implementing type: type, count, self-relative offsets of indexes into that type's interface map).</item>
    /// <item>ExactMethodInstantiations: (declaring type, method, argument count, arguments, entry point) for
    /// unshared instantiations, by index into the NativeReferences external references.</item>
    /// <item>GenericMethodsTemplateMap: (method entry, dictionary layout) offsets into the native layout blob; a
    /// method entry is flags, entry point, declaring type signature, method, argument count, argument signatures.</item>
    /// </list>
    /// Without reflection metadata ilc writes 0 for every method, so a method is only identified by its declaring
    /// type: a type or interface declaring several generic virtual methods cannot be resolved and is reported.
    /// Shared (reference-type) instantiations work when their code needs no generic dictionary.
    /// </summary>
    internal static unsafe class GvmResolver
    {
        private const int GvmTable = 318, InterfaceGvmTable = 319, CommonFixups = 308, NativeReferences = 331,
            NativeLayout = 330, ExactInstantiations = 336, MethodTemplates = 322;

        /// <summary>Implementation "method" values ilc uses for a diamond or a reabstraction (no target type follows).</summary>
        private const uint FirstSpecialEntry = 0xFFFFFFFE;

        private const uint HasInstantiation = 1, HasEntryPoint = 4;
        private const uint ExternalTypeSignature = 6;

        public static IntPtr Resolve(MethodTable* receiver, GvmMethodHandle* method)
        {
            MethodTable* declaring = method->DeclaringType;
            MethodTable* implementation = declaring->IsInterface
                ? FindInterfaceImplementation(receiver, declaring)
                : FindClassImplementation(receiver, declaring);
            return FindCode(implementation, method, receiver);
        }

        private static MethodTable* FindClassImplementation(MethodTable* receiver, MethodTable* declaring)
        {
            byte* table = Section(GvmTable), fixups = Section(CommonFixups);
            if (table == null || fixups == null) throw Unsupported("the generic virtual method table is missing", declaring, receiver);

            int declared = 0;
            var all = new NativeHashtable(table);
            while (all.MoveNext(out byte* e))
            {
                MethodTable* calling = External(fixups, NativeHashtable.NativeUnsigned(ref e));
                if (calling == declaring && External(fixups, NativeHashtable.NativeUnsigned(ref e)) == declaring) declared++;
            }
            if (declared > 1) throw Ambiguous(declaring, receiver);

            for (MethodTable* t = receiver; t != null; t = t->BaseType)
            {
                MethodTable* definition = t->IsGeneric ? TypeLayout.GenericDefinition(t) : t;
                var entries = new NativeHashtable(table);
                while (entries.MoveNext(out byte* e))
                {
                    MethodTable* calling = External(fixups, NativeHashtable.NativeUnsigned(ref e));
                    MethodTable* implementing = External(fixups, NativeHashtable.NativeUnsigned(ref e));
                    if (calling == declaring && (implementing == t || implementing == definition)) return t;
                }
            }
            throw Unsupported("no implementation found", declaring, receiver);
        }

        private static MethodTable* FindInterfaceImplementation(MethodTable* receiver, MethodTable* declaring)
        {
            byte* table = Section(InterfaceGvmTable), fixups = Section(CommonFixups);
            if (table == null || fixups == null) throw Unsupported("the interface generic virtual method table is missing", declaring, receiver);
            MethodTable* declaringDefinition = declaring->IsGeneric ? TypeLayout.GenericDefinition(declaring) : declaring;

            int declared = 0;
            var all = new NativeHashtable(table);
            while (all.MoveNext(out byte* e))
            {
                MethodTable* iface = External(fixups, NativeHashtable.NativeUnsigned(ref e));
                if (iface == declaring || iface == declaringDefinition) declared++;
            }
            if (declared > 1) throw Ambiguous(declaring, receiver);

            // Class implementations anywhere in the hierarchy win over default interface methods.
            for (int pass = 0; pass < 2; pass++)
            {
                bool defaults = pass == 1;
                for (MethodTable* t = receiver; t != null; t = t->BaseType)
                {
                    MethodTable* target = FindInterfaceTarget(table, fixups, t, declaring, declaringDefinition, defaults, receiver);
                    if (target != null) return target;
                }
            }
            throw Unsupported("no implementation found", declaring, receiver);
        }

        /// <summary>The type whose method implements the interface method for implementing type t, or null.</summary>
        private static MethodTable* FindInterfaceTarget(byte* table, byte* fixups, MethodTable* t, MethodTable* declaring,
            MethodTable* declaringDefinition, bool defaults, MethodTable* receiver)
        {
            MethodTable* definition = t->IsGeneric ? TypeLayout.GenericDefinition(t) : t;
            var entries = new NativeHashtable(table);
            while (entries.MoveNext(out byte* p))
            {
                MethodTable* iface = External(fixups, NativeHashtable.NativeUnsigned(ref p));
                if (iface != declaring && iface != declaringDefinition) continue;
                NativeHashtable.NativeUnsigned(ref p);
                uint implementations = NativeHashtable.NativeUnsigned(ref p);
                for (uint j = 0; j < implementations; j++)
                {
                    uint implementationMethod = NativeHashtable.NativeUnsigned(ref p);
                    MethodTable* target = implementationMethod < FirstSpecialEntry ? External(fixups, NativeHashtable.NativeUnsigned(ref p)) : null;
                    bool isDefault = target == null || target->IsInterface;
                    uint implementingTypes = NativeHashtable.NativeUnsigned(ref p);
                    for (uint k = 0; k < implementingTypes; k++)
                    {
                        MethodTable* implementing = External(fixups, NativeHashtable.NativeUnsigned(ref p));
                        uint indexes = NativeHashtable.NativeUnsigned(ref p);
                        for (uint l = 0; l < indexes; l++)
                        {
                            byte* at = p;
                            byte* indexAt = at + NativeHashtable.NativeSigned(ref p);
                            uint index = NativeHashtable.NativeUnsigned(ref indexAt);
                            if (isDefault != defaults || (implementing != t && implementing != definition)) continue;
                            if (index >= t->NumInterfaces || t->InterfaceMap[index] != declaring) continue;
                            if (target == null) throw Unsupported("the implementation is ambiguous or reabstracted", declaring, receiver);
                            return Instantiated(target, receiver, declaring);
                        }
                    }
                }
            }
            return null;
        }

        /// <summary>Maps a (possibly open generic) target type from the tables to the receiver's own instantiation of it.</summary>
        private static MethodTable* Instantiated(MethodTable* target, MethodTable* receiver, MethodTable* declaring)
        {
            for (MethodTable* t = receiver; t != null; t = t->BaseType)
                if (t == target || (t->IsGeneric && TypeLayout.GenericDefinition(t) == target)) return t;
            if (target->IsInterface && !target->IsGeneric && !IsGenericDefinition(target)) return target;
            throw Unsupported("default implementations in generic interfaces are not supported", declaring, receiver);
        }

        private static bool IsGenericDefinition(MethodTable* t) => t->Kind == MethodTableKind.GenericTypeDefinition;

        private static IntPtr FindCode(MethodTable* type, GvmMethodHandle* method, MethodTable* receiver)
        {
            byte* references = Section(NativeReferences);
            if (references == null) throw Unsupported("the native references table is missing", method->DeclaringType, receiver);
            int argc = method->ArgumentCount;

            IntPtr exact = IntPtr.Zero;
            int exactMatches = 0;
            byte* exactTable = Section(ExactInstantiations);
            if (exactTable != null)
            {
                var entries = new NativeHashtable(exactTable);
                while (entries.MoveNext(out byte* p))
                {
                    MethodTable* declaring = External(references, NativeHashtable.NativeUnsigned(ref p));
                    NativeHashtable.NativeUnsigned(ref p);
                    uint count = NativeHashtable.NativeUnsigned(ref p);
                    bool match = declaring == type && count == (uint)argc;
                    for (int i = 0; i < (int)count; i++)
                    {
                        MethodTable* argument = External(references, NativeHashtable.NativeUnsigned(ref p));
                        if (match && argument != method->Argument(i)) match = false;
                    }
                    byte* code = (byte*)External(references, NativeHashtable.NativeUnsigned(ref p));
                    if (match) { exactMatches++; exact = (IntPtr)code; }
                }
            }
            if (exactMatches > 1) throw Ambiguous(method->DeclaringType, receiver);
            if (exactMatches == 1) return exact;
            return FindSharedCode(type, method, receiver, references);
        }

        private static IntPtr FindSharedCode(MethodTable* type, GvmMethodHandle* method, MethodTable* receiver, byte* references)
        {
            byte* templates = Section(MethodTemplates), layout = Section(NativeLayout);
            if (templates == null || layout == null) throw Unsupported("no compiled code for this instantiation", method->DeclaringType, receiver);

            IntPtr code = IntPtr.Zero;
            byte* dictionaryLayout = null;
            int matches = 0;
            var entries = new NativeHashtable(templates);
            while (entries.MoveNext(out byte* e))
            {
                byte* p = layout + NativeHashtable.NativeUnsigned(ref e);
                uint layoutOffset = NativeHashtable.NativeUnsigned(ref e);
                uint flags = NativeHashtable.NativeUnsigned(ref p);
                if ((flags & HasEntryPoint) == 0 || (flags & HasInstantiation) == 0) continue;
                IntPtr entryPoint = (IntPtr)External(references, NativeHashtable.NativeUnsigned(ref p));
                if (!ReadType(ref p, references, out MethodTable* declaring) || declaring != type) continue;
                NativeHashtable.NativeUnsigned(ref p);
                if (NativeHashtable.NativeUnsigned(ref p) != (uint)method->ArgumentCount) continue;
                bool match = true;
                for (int i = 0; i < method->ArgumentCount && match; i++)
                    match = ReadType(ref p, references, out MethodTable* shared) && SharesCode(shared, method->Argument(i));
                if (!match) continue;
                matches++;
                code = entryPoint;
                dictionaryLayout = layout + layoutOffset;
            }
            if (matches > 1) throw Ambiguous(method->DeclaringType, receiver);
            if (matches == 0) throw Unsupported("no compiled code for this instantiation", method->DeclaringType, receiver);
            if (NativeHashtable.NativeUnsigned(ref dictionaryLayout) != 0)
                throw Unsupported("the shared code needs a generic dictionary", method->DeclaringType, receiver);

            // Fat pointer cell {code, dictionary}; the code reads nothing from its (empty) dictionary.
            IntPtr* cell = (IntPtr*)GvmCache.Allocate((nuint)(3 * sizeof(IntPtr)));
            cell[0] = code;
            cell[1] = (IntPtr)(cell + 2);
            return (IntPtr)((byte*)cell + 2);
        }

        /// <summary>Canonical code is compiled for __Canon in place of every reference type; value types stay exact.</summary>
        private static bool SharesCode(MethodTable* shared, MethodTable* argument) =>
            shared == argument || (!shared->IsValueType && !argument->IsValueType);

        /// <summary>Native-layout type signature (kind in the low 4 bits); only external type references are handled.</summary>
        private static bool ReadType(ref byte* p, byte* references, out MethodTable* type)
        {
            uint v = NativeHashtable.NativeUnsigned(ref p);
            type = (v & 0xF) == ExternalTypeSignature ? External(references, v >> 4) : null;
            return type != null;
        }

        private static MethodTable* External(byte* table, uint index)
        {
            byte* cell = table + index * 4;
            return (MethodTable*)(cell + *(int*)cell);
        }

        private static byte* Section(int id) =>
            Modules.TryGetSection((ModuleSection)id, out byte* start, out byte* end) && end > start ? start : null;

        private static NotSupportedException Ambiguous(MethodTable* declaring, MethodTable* receiver) =>
            Unsupported("'" + Type.NameOf(declaring) + "' declares several generic virtual methods, which ilc's tables do not tell apart without reflection metadata", declaring, receiver);

        private static NotSupportedException Unsupported(string reason, MethodTable* declaring, MethodTable* receiver) =>
            new NotSupportedException("Generic virtual method call not supported: " + reason + " (a generic method of '" +
                Type.NameOf(declaring) + "' called on '" + Type.NameOf(receiver) + "').");
    }
}
