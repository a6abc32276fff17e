using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using Dune.Platform;

namespace Internal.Runtime
{
    /// <summary>
    /// Interface calls. ilc calls through a two-word dispatch cell (r11 = cell): [stub, cache]. Initially
    /// stub = RhpInitialDynamicInterfaceDispatch and cache = the interface's MethodTable as a 32-bit relative
    /// pointer tagged with 3 in its low bits; runs of cells for one slot end in a [0, slot number] pair.
    /// After the first call a cell is patched to the cached stub with the entries of a <see cref="DispatchCache"/>
    /// (low bits 0): the types seen there and their targets, up to <see cref="MaxCachedTypes"/>. A call whose type
    /// is not in its cell's cache comes here, finds the target in <see cref="DispatchTargetCache"/> (shared by
    /// every cell) or by walking dispatch maps, and adds it to the cell's cache.
    /// </summary>
    internal static unsafe class InterfaceDispatch
    {
        private const nuint TagMask = 3, TagAbsolute = 1, TagIndirectRelative = 2, TagRelative = 3;
        private const int MaxCachedTypes = 32;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneCachedInterfaceDispatch")]
        private static extern void CachedStub();

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "RhpInitialDynamicInterfaceDispatch")]
        private static extern void InitialStub();

        /// <summary>
        /// A dispatch cell for an interface call made by shared generic code (the interface comes from its generic
        /// dictionary): like ilc's cells, [initial stub, interface | absolute tag] then the [0, slot] terminator.
        /// </summary>
        public static DispatchCell* NewCell(MethodTable* interfaceType, int slot)
        {
            DispatchCell* cell = (DispatchCell*)GvmCache.Allocate((nuint)(2 * sizeof(DispatchCell)));
            cell[0].Stub = (delegate*<void>)&InitialStub;
            cell[0].Cache = (nuint)interfaceType | TagAbsolute;
            cell[1].Stub = null;
            cell[1].Cache = (nuint)slot;
            return cell;
        }

        /// <summary>Called by the dispatch stubs: the code to run for the cell's method on <paramref name="obj"/>.
        /// A null or missing target becomes a method that throws, entered as if it were the target.</summary>
        [RuntimeExport("DuneResolveInterfaceCall")]
        private static void* ResolveCall(object obj, DispatchCell* cell)
        {
            if (obj == null) return (delegate*<void>)&ThrowNullReference;
            MethodTable* type = obj.MethodTable;
            DispatchLock.Enter();
            Decode(cell, out MethodTable* interfaceType, out int slot, out DispatchCache* cache);
            void* target = DispatchTargetCache.Find(type, interfaceType, slot);
            if (target == null)
            {
                target = DispatchResolver.FindImplementation(type, interfaceType, slot);
                if (target != null) DispatchTargetCache.Add(type, interfaceType, slot, target);
            }
            if (target != null) Remember(cell, cache, interfaceType, slot, type, target);
            DispatchLock.Exit();
            return target != null ? target : (delegate*<void>)&ThrowEntryPointNotFound;
        }

        /// <summary>Adds (type, target) to the cell's cache, in a cache twice as large when it is full; a cell that has
        /// seen <see cref="MaxCachedTypes"/> types keeps its cache and leaves the rest to the shared one.</summary>
        private static void Remember(DispatchCell* cell, DispatchCache* cache, MethodTable* interfaceType, int slot, MethodTable* type, void* target)
        {
            if (cache == null)
            {
                cache = DispatchCache.Allocate(1, interfaceType, slot);
            }
            else if (cache->Count == cache->Capacity)
            {
                if (cache->Capacity >= MaxCachedTypes) return;
                DispatchCache* grown = DispatchCache.Allocate(2 * cache->Capacity, interfaceType, slot);
                for (int i = 0; i < cache->Count; i++) grown->Entries[i] = cache->Entries[i];
                grown->Count = cache->Count;
                cache = grown;
            }
            DispatchEntry* entry = cache->Entries + cache->Count;
            // The target goes in before the type that makes the stub use it, and the cache before the stub that reads it.
            entry->Target = target;
            entry->Type = type;
            cache->Count++;
            cell->Cache = (nuint)cache->Entries;
            cell->Stub = (delegate*<void>)&CachedStub;
        }

        /// <summary>RhpResolveInterfaceMethod: ilc's helper for taking the address of an interface method
        /// on an object (delegates to interface methods).</summary>
        [RuntimeExport("RhpResolveInterfaceMethod")]
        internal static void* ResolveMethod(object obj, DispatchCell* cell)
        {
            if (obj == null) ThrowHelpers.ThrowNullReferenceException();
            Decode(cell, out MethodTable* interfaceType, out int slot, out _);
            return DispatchResolver.FindImplementation(obj.MethodTable, interfaceType, slot);
        }

        private static void Decode(DispatchCell* cell, out MethodTable* interfaceType, out int slot, out DispatchCache* cache)
        {
            nuint value = cell->Cache;
            cache = null;
            switch (value & TagMask)
            {
                case TagRelative:
                    interfaceType = (MethodTable*)((byte*)&cell->Cache + (int)(value & ~TagMask));
                    break;
                case TagIndirectRelative:
                    interfaceType = *(MethodTable**)((byte*)&cell->Cache + (int)(value & ~TagMask));
                    break;
                case TagAbsolute:
                    interfaceType = (MethodTable*)(value & ~TagMask);
                    break;
                default:
                    cache = DispatchCache.OfEntries(value);
                    interfaceType = cache->InterfaceType;
                    slot = cache->Slot;
                    return;
            }
            DispatchCell* end = cell;
            while (end->Stub != null) end++;
            slot = (int)end->Cache;
        }

        private static void ThrowNullReference() => throw new NullReferenceException();

        private static void ThrowEntryPointNotFound() => throw new NotSupportedException("interface method has no implementation on this type");
    }

    internal unsafe struct DispatchCell
    {
        public void* Stub;
        public nuint Cache;
    }

    /// <summary>
    /// What a patched cell remembers: this header, then <see cref="Capacity"/> + 1 entries; the cell points at the
    /// entries. They fill in order and the one after the last used has a null type, where the stub stops. Entries
    /// are only ever added, target before type, and a full cache is replaced, never changed, so the stub can read
    /// a cache without locks. Never freed. Allocated and filled under <see cref="DispatchLock"/>.
    /// </summary>
    internal unsafe struct DispatchCache
    {
        public MethodTable* InterfaceType;
        public int Slot;
        public int Capacity;
        public int Count;

        private static byte* s_next, s_end;
        private const nuint ChunkSize = 64 * 1024;

        public DispatchEntry* Entries => (DispatchEntry*)((byte*)Unsafe.AsPointer(ref this) + sizeof(DispatchCache));

        public static DispatchCache* OfEntries(nuint entries) => (DispatchCache*)(entries - (nuint)sizeof(DispatchCache));

        /// <summary>An empty cache with room for <paramref name="capacity"/> types (the memory is zeroed).</summary>
        public static DispatchCache* Allocate(int capacity, MethodTable* interfaceType, int slot)
        {
            nuint size = (nuint)(sizeof(DispatchCache) + (capacity + 1) * sizeof(DispatchEntry));
            if (s_next + size > s_end)
            {
                s_next = (byte*)Linux.Mmap(null, ChunkSize, Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous);
                if (s_next == null) ThrowHelpers.FailFast("out of memory for interface dispatch caches");
                s_end = s_next + ChunkSize;
            }
            DispatchCache* cache = (DispatchCache*)s_next;
            s_next += size;
            cache->InterfaceType = interfaceType;
            cache->Slot = slot;
            cache->Capacity = capacity;
            return cache;
        }
    }

    /// <summary>One type seen at a call site and the code its call runs; the cached stub reads Type at offset 0 and
    /// Target at offset 8.</summary>
    internal unsafe struct DispatchEntry
    {
        public MethodTable* Type;
        public void* Target;
    }
}
