namespace Internal.Runtime
{
    /// <summary>
    /// The optional fields ilc 10 (x64) appends to a MethodTable after the interface map. Each is a 32-bit
    /// pointer relative to its own address, present in this order: type manager, writable data, dispatch map
    /// (if HasDispatchMap), finalizer (if HasFinalizer), sealed vtable (if HasSealedVTableEntries), generic
    /// definition and generic composition (if IsGeneric).
    /// </summary>
    internal static unsafe class TypeLayout
    {
        private static int* FirstOptionalField(MethodTable* mt) => (int*)(mt->InterfaceMap + mt->NumInterfaces);

        private static void* Follow(int* field) => (byte*)field + *field;

        private static int* DispatchMapField(MethodTable* mt) => FirstOptionalField(mt) + 2;

        private static int* SealedVTableField(MethodTable* mt)
        {
            int* f = DispatchMapField(mt);
            if (mt->HasDispatchMap) f++;
            if ((mt->Flags & Internal.Runtime.MethodTable.HasFinalizerFlag) != 0) f++;
            return f;
        }

        private static int* GenericDefinitionField(MethodTable* mt)
        {
            int* f = SealedVTableField(mt);
            if (mt->HasSealedVTableEntries) f++;
            return f;
        }

        public static DispatchMap* DispatchMapOf(MethodTable* mt) => mt->HasDispatchMap ? (DispatchMap*)Follow(DispatchMapField(mt)) : null;

        /// <summary>Code address of a virtual that lives past the vtable (final methods, default interface methods).</summary>
        public static void* SealedSlot(MethodTable* mt, int index) => Follow((int*)Follow(SealedVTableField(mt)) + index);

        /// <summary>The open generic type of an instantiated generic type.</summary>
        public static MethodTable* GenericDefinition(MethodTable* mt) => mt->IsGeneric ? (MethodTable*)Follow(GenericDefinitionField(mt)) : null;

        public static GenericComposition* GenericCompositionOf(MethodTable* mt) =>
            mt->IsGeneric ? (GenericComposition*)Follow(GenericDefinitionField(mt) + 1) : null;
    }

    /// <summary>Which interface slots a class implements with which of its own slots.</summary>
    internal unsafe struct DispatchMap
    {
        public ushort StandardEntries;
        public ushort DefaultEntries;
        public ushort StandardStaticEntries;
        public ushort DefaultStaticEntries;

        public DispatchMapEntry* Entries => (DispatchMapEntry*)((byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref this) + 8);
    }

    internal struct DispatchMapEntry
    {
        public ushort InterfaceIndex;
        public ushort InterfaceSlot;
        public ushort ImplementationSlot;
    }

    /// <summary>Type arguments of a generic instantiation: arity, a has-variance byte, padding, absolute
    /// MethodTable pointers, then (when variant) one variance byte per argument.</summary>
    internal unsafe struct GenericComposition
    {
        public ushort Arity;
        public byte HasVariance;

        public MethodTable** Arguments => (MethodTable**)((byte*)System.Runtime.CompilerServices.Unsafe.AsPointer(ref this) + 8);

        public GenericVariance VarianceOf(int i) => HasVariance != 0 ? (GenericVariance)((byte*)(Arguments + Arity))[i] : GenericVariance.NonVariant;
    }

    internal enum GenericVariance : byte
    {
        NonVariant = 0,
        Covariant = 1,
        Contravariant = 2,
        ArrayCovariant = 0x20,
    }
}
