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

        /// <summary>Exact size of a value type's instance data: ilc rounds BaseSize up to pointers and records the
        /// padding it added in bits 5-7 of the flags.</summary>
        public static uint ValueSize(MethodTable* valueType) => valueType->BaseSize - 16 - ((valueType->Flags >> 5) & 7);

        /// <summary>The T of a Nullable&lt;T&gt; (its RelatedType is the base type, System.ValueType).</summary>
        public static MethodTable* NullableUnderlying(MethodTable* nullable) => GenericArgument(nullable, 0);

        /// <summary>Where a Nullable&lt;T&gt; keeps its T: ilc stores log2 of the offset in bits 8-10 of the flags.</summary>
        public static int NullableValueOffset(MethodTable* nullable) => 1 << (int)((nullable->Flags >> 8) & 7);

        public static DispatchMap* DispatchMapOf(MethodTable* mt) => mt->HasDispatchMap ? (DispatchMap*)Follow(DispatchMapField(mt)) : null;

        /// <summary>Code address of a virtual that lives past the vtable (final methods, default interface methods).</summary>
        public static void* SealedSlot(MethodTable* mt, int index) => Follow((int*)Follow(SealedVTableField(mt)) + index);

        /// <summary>The open generic type of an instantiated generic type.</summary>
        public static MethodTable* GenericDefinition(MethodTable* mt) => mt->IsGeneric ? (MethodTable*)Follow(GenericDefinitionField(mt)) : null;

        /// <summary>Number of type parameters of an instantiated generic type (its definition keeps it in BaseSize).</summary>
        public static int GenericArity(MethodTable* mt) => (int)GenericDefinition(mt)->BaseSize;

        /// <summary>Type argument <paramref name="index"/>: the composition field points straight at it when there is
        /// one argument, else at a list of relative pointers.</summary>
        public static MethodTable* GenericArgument(MethodTable* mt, int index)
        {
            int* composition = GenericDefinitionField(mt) + 1;
            if (GenericArity(mt) == 1) return (MethodTable*)Follow(composition);
            return (MethodTable*)Follow((int*)Follow(composition) + index);
        }

        /// <summary>Declared variance of type parameter <paramref name="index"/>, kept (one byte per parameter) by the
        /// generic definition in its composition field.</summary>
        public static GenericVariance VarianceOf(MethodTable* mt, int index)
        {
            MethodTable* definition = GenericDefinition(mt);
            if (!definition->HasGenericVariance) return GenericVariance.NonVariant;
            // A definition has no generic-definition field, so its composition sits where that field would be.
            return (GenericVariance)((byte*)Follow(GenericDefinitionField(definition)))[index];
        }
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

    internal enum GenericVariance : byte
    {
        NonVariant = 0,
        Covariant = 1,
        Contravariant = 2,
        ArrayCovariant = 0x20,
    }
}
