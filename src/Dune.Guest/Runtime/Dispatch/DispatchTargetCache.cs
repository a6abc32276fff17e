using System.Runtime;

namespace Internal.Runtime
{
    /// <summary>
    /// Resolved interface calls by (type, interface, slot), shared by all call sites: a call site that sees more
    /// types than its cell remembers finds its target here instead of walking dispatch maps again. Direct-mapped
    /// (a colliding entry replaces the old one), in memory that lives as long as the process; types never go away,
    /// so an entry never goes stale. Read and written under <see cref="DispatchLock"/>.
    /// </summary>
    internal static unsafe class DispatchTargetCache
    {
        private struct Entry
        {
            public MethodTable* Type;
            public MethodTable* InterfaceType;
            public nint Slot;
            public void* Target;
        }

        private const int Size = 4096;
        private static Entry* s_entries;

        public static void* Find(MethodTable* type, MethodTable* interfaceType, int slot)
        {
            if (s_entries == null) return null;
            Entry* e = s_entries + Index(type, interfaceType, slot);
            return e->Type == type && e->InterfaceType == interfaceType && e->Slot == slot ? e->Target : null;
        }

        public static void Add(MethodTable* type, MethodTable* interfaceType, int slot, void* target)
        {
            if (s_entries == null) s_entries = (Entry*)GvmCache.Allocate((nuint)(Size * sizeof(Entry)));
            Entry* e = s_entries + Index(type, interfaceType, slot);
            e->Type = type;
            e->InterfaceType = interfaceType;
            e->Slot = slot;
            e->Target = target;
        }

        private static int Index(MethodTable* type, MethodTable* interfaceType, int slot) =>
            (int)((((nuint)type >> 3) ^ ((nuint)interfaceType >> 5) ^ (nuint)(slot * 31)) & (Size - 1));
    }
}
