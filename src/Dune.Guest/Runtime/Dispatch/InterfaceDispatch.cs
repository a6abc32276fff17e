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
    /// After the first call a cell is patched to the monomorphic stub with a <see cref="DispatchCache"/>
    /// (low bits 0): one type, one target. A cell that keeps missing stops being re-patched.
    /// </summary>
    internal static unsafe class InterfaceDispatch
    {
        private const nuint TagMask = 3, TagAbsolute = 1, TagIndirectRelative = 2, TagRelative = 3;
        private const int MaxRepatches = 8;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneMonomorphicInterfaceDispatch")]
        private static extern void MonomorphicStub();

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
            Decode(cell, out MethodTable* interfaceType, out int slot, out DispatchCache* cache);
            void* target = DispatchTargetCache.Find(type, interfaceType, slot);
            if (target == null)
            {
                target = DispatchResolver.FindImplementation(type, interfaceType, slot);
                if (target == null) return (delegate*<void>)&ThrowEntryPointNotFound;
                DispatchTargetCache.Add(type, interfaceType, slot, target);
            }
            int repatches = cache == null ? 0 : cache->Repatches + 1;
            if (repatches <= MaxRepatches)
            {
                DispatchCache* fresh = DispatchCache.Allocate();
                fresh->InterfaceType = interfaceType;
                fresh->Slot = slot;
                fresh->Repatches = repatches;
                fresh->Type = type;
                fresh->Target = target;
                // The cache goes in before the stub that reads it.
                cell->Cache = (nuint)fresh;
                cell->Stub = (delegate*<void>)&MonomorphicStub;
            }
            return target;
        }

        /// <summary>RhpResolveInterfaceMethod: ilc's helper for taking the address of an interface method
        /// on an object (delegates to interface methods).</summary>
        [RuntimeExport("RhpResolveInterfaceMethod")]
        private static void* ResolveMethod(object obj, DispatchCell* cell)
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
                    cache = (DispatchCache*)value;
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

    /// <summary>What a patched cell remembers. Never freed or changed once published, so the monomorphic stub can
    /// read it without locks; the monomorphic stub reads Type at offset 0 and Target at offset 8. Allocation is
    /// not thread-safe: the runtime runs one thread.</summary>
    internal unsafe struct DispatchCache
    {
        public MethodTable* Type;
        public void* Target;
        public MethodTable* InterfaceType;
        public int Slot;
        public int Repatches;

        private static byte* s_next, s_end;
        private const nuint ChunkSize = 64 * 1024;

        public static DispatchCache* Allocate()
        {
            if (s_next + sizeof(DispatchCache) > s_end)
            {
                s_next = (byte*)Linux.Mmap(null, ChunkSize, Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous);
                if (s_next == null) ThrowHelpers.FailFast("out of memory for interface dispatch caches");
                s_end = s_next + ChunkSize;
            }
            DispatchCache* c = (DispatchCache*)s_next;
            s_next += sizeof(DispatchCache);
            return c;
        }
    }
}
