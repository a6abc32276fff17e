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
    /// type, count, then per implementing type: type, count, native-layout offsets of the interface's signature in
    /// terms of that type).</item>
    /// <item>ExactMethodInstantiations: (declaring type, method, argument count, arguments, entry point) for
    /// unshared instantiations, by index into the NativeReferences external references.</item>
    /// <item>GenericMethodsTemplateMap: (method entry, dictionary layout) offsets into the native layout blob; a
    /// method entry is flags, entry point, declaring type signature, method, argument count, argument signatures.</item>
    /// </list>
    /// Without reflection metadata ilc writes 0 for every method, so the tables name a method only by its types.
    /// When the declaring type has one generic virtual method, the most derived implementation wins. When it has
    /// several, every implementation in the receiver's hierarchy with compiled code for the instantiation is a
    /// candidate, most derived first; when they are not all the same code, the symbol names tell which one
    /// implements the called method (<see cref="GvmMethodNames"/>). Shared (reference-type) instantiations get the
    /// generic dictionary their code needs (<see cref="GenericDictionaries"/>). Everything else throws
    /// NotSupportedException naming the types.
    /// </summary>
    internal static unsafe class GvmResolver
    {
        private const int GvmTable = 318, InterfaceGvmTable = 319, CommonFixups = 308, NativeReferences = 331,
            NativeLayout = 330, ExactInstantiations = 336, MethodTemplates = 322;

        /// <summary>Implementation "method" values ilc uses for a diamond or a reabstraction (no target type follows).</summary>
        private const uint FirstSpecialEntry = 0xFFFFFFFE;

        private const uint HasInstantiation = 1, HasEntryPoint = 4;

        /// <summary>The sections resolution reads; a missing one reads as an empty table.</summary>
        private struct Tables
        {
            public byte* Gvm, InterfaceGvm, Fixups, References, Layout, Exact, Templates;
        }

        /// <summary>The distinct compiled methods found for the call so far (a few at most: one per same-shaped method).</summary>
        private struct Candidates
        {
            public const int Capacity = 8;
            public int Count;
            public fixed long Code[Capacity];
            /// <summary>The type whose method the code is; for shared code the template's dictionary layout (else 0).</summary>
            public fixed long Owner[Capacity];
            public fixed long Layout[Capacity];

            public void Add(IntPtr code, MethodTable* owner, byte* layout)
            {
                for (int i = 0; i < Count; i++)
                    if (Code[i] == (long)code) return;
                if (Count == Capacity) return;
                Code[Count] = (long)code;
                Owner[Count] = (long)owner;
                Layout[Count] = (long)layout;
                Count++;
            }
        }

        public static IntPtr Resolve(MethodTable* receiver, GvmMethodHandle* method)
        {
            Tables tables;
            tables.Gvm = Section(GvmTable);
            tables.InterfaceGvm = Section(InterfaceGvmTable);
            tables.Fixups = Section(CommonFixups);
            tables.References = Section(NativeReferences);
            tables.Layout = Section(NativeLayout);
            tables.Exact = Section(ExactInstantiations);
            tables.Templates = Section(MethodTemplates);

            MethodTable* declaring = method->DeclaringType;
            var found = new Candidates();
            bool several = declaring->IsInterface
                ? CollectInterfaceImplementations(in tables, receiver, method, ref found)
                : CollectClassImplementations(in tables, receiver, method, ref found);

            if (found.Count == 0) throw Unsupported("no compiled implementation for this instantiation", declaring, receiver);
            // The symbol names say which candidate is the called method; without them only a lone candidate on a type
            // with a single generic virtual method is certain.
            int chosen = GvmMethodNames.Choose(method, (IntPtr*)found.Code, found.Count, out bool named);
            if (!named && found.Count == 1 && ImplementsOneGvm(in tables, (MethodTable*)found.Owner[0])) chosen = 0;
            if (chosen < 0)
                throw Unsupported(named
                    ? "ilc compiled no code for this method with these type arguments (it is reached only through shared generic code)"
                    : several || found.Count > 1
                        ? "'" + Type.NameOf(declaring) + "' or its implementations have several generic virtual methods that fit this call, and no symbol names the called one"
                        : "the implementing type has several generic virtual methods and no symbol names the called one", declaring, receiver);
            IntPtr code = (IntPtr)found.Code[chosen];
            if (found.Layout[chosen] == 0) return code;

            // Shared code: a fat pointer to {code, the generic dictionary for this call's type arguments}.
            MethodTable** arguments = stackalloc MethodTable*[method->ArgumentCount];
            for (int i = 0; i < method->ArgumentCount; i++) arguments[i] = method->Argument(i);
            GenericDictionaries.Call call;
            call.Declaring = declaring;
            call.Receiver = receiver;
            IntPtr* dictionary = GenericDictionaries.ForMethod(code, (byte*)found.Layout[chosen], (MethodTable*)found.Owner[chosen],
                arguments, method->ArgumentCount, call);
            return GenericDictionaries.FatPointer(code, (IntPtr)dictionary);
        }

        /// <summary>Adds the code of the implementations of a class's generic virtual method; true if the class declares several.</summary>
        private static bool CollectClassImplementations(in Tables tables, MethodTable* receiver, GvmMethodHandle* method, ref Candidates found)
        {
            // The table names a generic declaring type by its definition.
            MethodTable* declaring = method->DeclaringType->IsGeneric ? TypeLayout.GenericDefinition(method->DeclaringType) : method->DeclaringType;
            if (tables.Gvm == null || tables.Fixups == null) return false;

            int declared = 0;
            var all = new NativeHashtable(tables.Gvm);
            while (all.MoveNext(out byte* e))
            {
                MethodTable* calling = External(tables.Fixups, NativeReader.NativeUnsigned(ref e));
                if (calling == declaring && External(tables.Fixups, NativeReader.NativeUnsigned(ref e)) == declaring) declared++;
            }

            for (MethodTable* t = receiver; t != null; t = t->BaseType)
            {
                if (!HasClassImplementation(in tables, t, declaring)) continue;
                AddCode(in tables, t, method, ref found);
                if (declared <= 1) return false;
            }
            return declared > 1;
        }

        private static bool HasClassImplementation(in Tables tables, MethodTable* t, MethodTable* declaring)
        {
            MethodTable* definition = t->IsGeneric ? TypeLayout.GenericDefinition(t) : t;
            var entries = new NativeHashtable(tables.Gvm);
            while (entries.MoveNext(out byte* e))
            {
                MethodTable* calling = External(tables.Fixups, NativeReader.NativeUnsigned(ref e));
                MethodTable* implementing = External(tables.Fixups, NativeReader.NativeUnsigned(ref e));
                if (calling == declaring && (implementing == t || implementing == definition)) return true;
            }
            return false;
        }

        /// <summary>Adds the code of the implementations of an interface's generic method; true if the interface declares several.</summary>
        private static bool CollectInterfaceImplementations(in Tables tables, MethodTable* receiver, GvmMethodHandle* method, ref Candidates found)
        {
            MethodTable* declaring = method->DeclaringType;
            if (tables.InterfaceGvm == null || tables.Fixups == null || tables.Layout == null || tables.References == null) return false;
            MethodTable* declaringDefinition = declaring->IsGeneric ? TypeLayout.GenericDefinition(declaring) : declaring;

            int declared = 0;
            var all = new NativeHashtable(tables.InterfaceGvm);
            while (all.MoveNext(out byte* e))
            {
                MethodTable* iface = External(tables.Fixups, NativeReader.NativeUnsigned(ref e));
                if (iface == declaring || iface == declaringDefinition) declared++;
            }
            bool several = declared > 1;

            // Class implementations anywhere in the hierarchy win over default interface methods; an interface the
            // receiver implements exactly wins over one it implements through variance.
            int variantPasses = declaring->HasGenericVariance ? 2 : 1;
            for (int pass = 0; pass < 2; pass++)
            {
                for (int variance = 0; variance < variantPasses; variance++)
                    for (MethodTable* t = receiver; t != null; t = t->BaseType)
                        if (AddInterfaceTargets(in tables, t, receiver, method, defaults: pass == 1, variant: variance == 1, several, ref found) && !several)
                            return false;
            }
            return several;
        }

        /// <summary>Adds the code of every implementation the table lists for implementing type t; false if none.</summary>
        private static bool AddInterfaceTargets(in Tables tables, MethodTable* t, MethodTable* receiver, GvmMethodHandle* method,
            bool defaults, bool variant, bool several, ref Candidates found)
        {
            MethodTable* declaring = method->DeclaringType;
            MethodTable* declaringDefinition = declaring->IsGeneric ? TypeLayout.GenericDefinition(declaring) : declaring;
            MethodTable* definition = t->IsGeneric ? TypeLayout.GenericDefinition(t) : t;
            bool any = false;
            var entries = new NativeHashtable(tables.InterfaceGvm);
            while (entries.MoveNext(out byte* p))
            {
                MethodTable* iface = External(tables.Fixups, NativeReader.NativeUnsigned(ref p));
                if (iface != declaring && iface != declaringDefinition) continue;
                NativeReader.NativeUnsigned(ref p);
                uint implementations = NativeReader.NativeUnsigned(ref p);
                for (uint j = 0; j < implementations; j++)
                {
                    uint implementationMethod = NativeReader.NativeUnsigned(ref p);
                    MethodTable* target = implementationMethod < FirstSpecialEntry ? External(tables.Fixups, NativeReader.NativeUnsigned(ref p)) : null;
                    bool isDefault = target == null || target->IsInterface;
                    uint implementingTypes = NativeReader.NativeUnsigned(ref p);
                    for (uint k = 0; k < implementingTypes; k++)
                    {
                        MethodTable* implementing = External(tables.Fixups, NativeReader.NativeUnsigned(ref p));
                        uint signatures = NativeReader.NativeUnsigned(ref p);
                        for (uint l = 0; l < signatures; l++)
                        {
                            byte* signature = tables.Layout + NativeReader.NativeUnsigned(ref p);
                            if (isDefault != defaults || (implementing != t && implementing != definition)) continue;
                            if (!ImplementsDeclaring(signature, tables.References, declaring, t, variant)) continue;
                            MethodTable* owner = target == null ? null : Instantiated(target, receiver);
                            if (owner == null)
                            {
                                if (several) continue;
                                throw Unsupported(target == null ? "the implementation is ambiguous or reabstracted"
                                    : "default implementations in generic interfaces are not supported", declaring, receiver);
                            }
                            AddCode(in tables, owner, method, ref found);
                            any = true;
                        }
                    }
                }
            }
            return any;
        }

        /// <summary>Whether the GVM tables list a single generic virtual method implementation for <paramref name="type"/>.</summary>
        private static bool ImplementsOneGvm(in Tables tables, MethodTable* type)
        {
            MethodTable* definition = type->IsGeneric ? TypeLayout.GenericDefinition(type) : type;
            int implementations = 0;
            if (tables.Gvm != null && tables.Fixups != null)
            {
                var entries = new NativeHashtable(tables.Gvm);
                while (entries.MoveNext(out byte* e))
                {
                    NativeReader.NativeUnsigned(ref e);
                    MethodTable* implementing = External(tables.Fixups, NativeReader.NativeUnsigned(ref e));
                    if (implementing == type || implementing == definition) implementations++;
                }
            }
            if (tables.InterfaceGvm != null && tables.Fixups != null)
            {
                var entries = new NativeHashtable(tables.InterfaceGvm);
                while (entries.MoveNext(out byte* p))
                {
                    NativeReader.NativeUnsigned(ref p);
                    NativeReader.NativeUnsigned(ref p);
                    uint count = NativeReader.NativeUnsigned(ref p);
                    for (uint j = 0; j < count; j++)
                    {
                        if (NativeReader.NativeUnsigned(ref p) < FirstSpecialEntry) NativeReader.NativeUnsigned(ref p);
                        uint types = NativeReader.NativeUnsigned(ref p);
                        for (uint k = 0; k < types; k++)
                        {
                            MethodTable* implementing = External(tables.Fixups, NativeReader.NativeUnsigned(ref p));
                            if (implementing == type || implementing == definition) implementations++;
                            uint signatures = NativeReader.NativeUnsigned(ref p);
                            for (uint l = 0; l < signatures; l++) NativeReader.NativeUnsigned(ref p);
                        }
                    }
                }
            }
            return implementations <= 1;
        }

        /// <summary>
        /// Whether the interface an implementation entry is for (a signature in terms of the implementing type) is the
        /// called interface: exactly, or in the variant pass, through variance.
        /// </summary>
        private static bool ImplementsDeclaring(byte* signature, byte* references, MethodTable* declaring, MethodTable* implementing, bool variant)
        {
            if (!variant) return NativeLayoutSignature.Matches(ref signature, references, declaring, implementing, canonical: false);
            GenericContext context = default;
            context.Owner = implementing;
            string missing = null;
            MethodTable* implemented = TypeSignatures.Resolve(ref signature, references, context, ref missing);
            return implemented != null && implemented != declaring && TypeCast.IsVariantlyCompatible(implemented, declaring, arrayCovariance: false);
        }

        /// <summary>The receiver's own instantiation of a (possibly open generic) type from the tables, or null.</summary>
        private static MethodTable* Instantiated(MethodTable* target, MethodTable* receiver)
        {
            for (MethodTable* t = receiver; t != null; t = t->BaseType)
                if (t == target || (t->IsGeneric && TypeLayout.GenericDefinition(t) == target)) return t;
            return target->IsInterface && target->Kind != MethodTableKind.GenericTypeDefinition ? target : null;
        }

        /// <summary>Adds the compiled methods of <paramref name="type"/> for the call's instantiation: exact code, else shared code.</summary>
        private static void AddCode(in Tables tables, MethodTable* type, GvmMethodHandle* method, ref Candidates found)
        {
            if (tables.References == null) return;
            int before = found.Count;
            if (tables.Exact != null)
            {
                var entries = new NativeHashtable(tables.Exact);
                while (entries.MoveNext(out byte* p))
                {
                    MethodTable* declaring = External(tables.References, NativeReader.NativeUnsigned(ref p));
                    NativeReader.NativeUnsigned(ref p);
                    uint count = NativeReader.NativeUnsigned(ref p);
                    bool match = declaring == type && count == (uint)method->ArgumentCount;
                    for (int i = 0; i < (int)count; i++)
                    {
                        MethodTable* argument = External(tables.References, NativeReader.NativeUnsigned(ref p));
                        if (match && argument != method->Argument(i)) match = false;
                    }
                    IntPtr code = (IntPtr)External(tables.References, NativeReader.NativeUnsigned(ref p));
                    if (match) found.Add(code, type, null);
                }
            }
            if (found.Count == before) AddSharedCode(in tables, type, method, ref found);
        }

        private static void AddSharedCode(in Tables tables, MethodTable* type, GvmMethodHandle* method, ref Candidates found)
        {
            if (tables.Templates == null || tables.Layout == null) return;
            var entries = new NativeHashtable(tables.Templates);
            while (entries.MoveNext(out byte* e))
            {
                byte* p = tables.Layout + NativeReader.NativeUnsigned(ref e);
                byte* dictionaryLayout = tables.Layout + NativeReader.NativeUnsigned(ref e);
                uint flags = NativeReader.NativeUnsigned(ref p);
                if ((flags & HasEntryPoint) == 0 || (flags & HasInstantiation) == 0) continue;
                IntPtr code = (IntPtr)External(tables.References, NativeReader.NativeUnsigned(ref p));
                if (!NativeLayoutSignature.Matches(ref p, tables.References, type, null, canonical: true)) continue;
                NativeReader.NativeUnsigned(ref p);
                if (NativeReader.NativeUnsigned(ref p) != (uint)method->ArgumentCount) continue;
                bool match = true;
                for (int i = 0; i < method->ArgumentCount && match; i++)
                    match = NativeLayoutSignature.MatchesArgument(ref p, tables.References, method->Argument(i), null, canonical: true);
                if (match) found.Add(code, type, dictionaryLayout);
            }
        }

        private static MethodTable* External(byte* table, uint index) => NativeLayoutSignature.ExternalType(table, index);

        private static byte* Section(int id) =>
            Modules.TryGetSection((ModuleSection)id, out byte* start, out byte* end) && end > start ? start : null;

        internal static NotSupportedException Unsupported(string reason, MethodTable* declaring, MethodTable* receiver) =>
            new NotSupportedException("Generic virtual method call not supported: " + reason + " (a generic method of '" +
                Type.NameOf(declaring) + "' called on '" + Type.NameOf(receiver) + "').");
    }
}
