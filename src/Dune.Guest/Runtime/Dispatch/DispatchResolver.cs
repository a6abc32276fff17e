namespace Internal.Runtime
{
    /// <summary>
    /// Finds the code an interface method runs on a given type: walks the type and its bases looking in each
    /// dispatch map for the (interface, slot) pair, exact matches before variant ones, class implementations
    /// before default interface methods.
    /// </summary>
    internal static unsafe class DispatchResolver
    {
        /// <summary>Code address of <paramref name="interfaceType"/>'s slot <paramref name="slot"/> on
        /// <paramref name="type"/>, or null if the type has no implementation.</summary>
        public static void* FindImplementation(MethodTable* type, MethodTable* interfaceType, int slot)
        {
            for (int pass = 0; pass < 2; pass++)
            {
                bool defaults = pass == 1;
                for (MethodTable* current = type; current != null; current = current->IsArray ? Internal.Runtime.MethodTable.Of<System.Array>() : current->BaseType)
                {
                    int implSlot = FindInMap(current, interfaceType, slot, defaults, variant: false);
                    if (implSlot < 0) implSlot = FindInMap(current, interfaceType, slot, defaults, variant: true);
                    if (implSlot < 0) continue;
                    // A slot inside the vtable may have been overridden further down: read it from the object's type.
                    return implSlot < current->NumVtableSlots
                        ? (void*)type->VTable[implSlot]
                        : TypeLayout.SealedSlot(current, implSlot - current->NumVtableSlots);
                }
            }
            return null;
        }

        private static int FindInMap(MethodTable* type, MethodTable* interfaceType, int slot, bool defaults, bool variant)
        {
            DispatchMap* map = TypeLayout.DispatchMapOf(type);
            if (map == null) return -1;
            if (variant && !interfaceType->HasGenericVariance && !type->IsArray) return -1;
            DispatchMapEntry* entry = map->Entries + (defaults ? map->StandardEntries : 0);
            int count = defaults ? map->DefaultEntries : map->StandardEntries;
            for (int i = 0; i < count; i++, entry++)
            {
                if (entry->InterfaceSlot != slot) continue;
                MethodTable* candidate = type->InterfaceMap[entry->InterfaceIndex];
                bool match = variant
                    ? System.Runtime.TypeCast.IsVariantlyCompatible(candidate, interfaceType, type->IsArray)
                    : candidate == interfaceType;
                if (match) return entry->ImplementationSlot;
            }
            return -1;
        }
    }
}
