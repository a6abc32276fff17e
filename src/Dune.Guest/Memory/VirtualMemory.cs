#if !DUNE_HOSTED_TESTS
using System.Runtime.CompilerServices;
using Dune.Platform;

namespace Dune.Memory
{
    /// <summary>
    /// Ring-0 entry to Dune.Memory: after <see cref="DuneMode.Enter"/>, <see cref="Initialize"/> maps a pool of
    /// pages whose guest-physical addresses are contiguous and known, and from then on address spaces can be
    /// made (<see cref="TryCreateSharingRuntime"/>), the runtime's own (<see cref="Runtime"/>) and the
    /// current one (<see cref="Current"/>) inspected and changed, and CR3 switched (<see cref="Tlb"/>).
    /// State is in non-GC statics; nothing here allocates managed memory after initialization.
    /// </summary>
    public static unsafe class VirtualMemory
    {
        private static PhysicalMemory s_physical;
        private static PageAllocator s_pages;
        private static ulong s_runtimeRoot;
        private static bool s_ready;

        /// <summary>Whether <see cref="Initialize"/> has succeeded.</summary>
        public static bool IsInitialized => s_ready;

        /// <summary>Guest-physical memory as this process sees it: virtual to guest-physical translation of the mirror.</summary>
        public static PhysicalMemory* Physical => (PhysicalMemory*)Unsafe.AsPointer(ref s_physical);

        /// <summary>The pool of pages for page tables and frames (after <see cref="Initialize"/>).</summary>
        public static PageAllocator* Pages => (PageAllocator*)Unsafe.AsPointer(ref s_pages);

        /// <summary>The runtime's root table (CR3 at initialization), which the backend keeps in sync with the host.</summary>
        public static ulong RuntimeRoot => s_runtimeRoot;

        /// <summary>
        /// Maps a pool of <paramref name="poolPages"/> pages for tables and frames. Must run in Dune mode, before
        /// any CR3 switch. Null on success, otherwise why not.
        /// </summary>
        public static string Initialize(int poolPages)
        {
            if (s_ready) return null;
            if (Backends.Backend.Current == null) return "needs Dune mode";
            s_physical = new PhysicalMemory(Backends.Backend.Current.PhysicalLayout);
            ulong bookkeeping = (PageAllocator.BookkeepingBytes(poolPages) + Pte.PageSize - 1) & ~(Pte.PageSize - 1);
            byte* books = (byte*)Linux.Mmap(null, (nuint)bookkeeping, Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous);
            if (books == null) return "cannot map the pool's bookkeeping";
            if (!TryMapContiguous((ulong)poolPages * Pte.PageSize, out byte* pool, out ulong gpa))
                return "cannot map a pool with contiguous guest-physical addresses";
            // Tables and frames are taken a page at a time: as transparent huge pages each first touch would clear
            // 2 MiB (0.5 M instructions), for one 4 KiB table.
            const int MadvNoHugepage = 15;
            Syscall.Invoke(SyscallNumber.Madvise, (long)pool, (long)poolPages * (long)Pte.PageSize, MadvNoHugepage);
            s_pages = new PageAllocator(books, pool, gpa, poolPages);
            s_runtimeRoot = Instructions.ReadCr3() & Pte.AddressMask;
            s_ready = true;
            return null;
        }

        /// <summary>
        /// Maps <paramref name="bytes"/> of zeroed memory, 2 MiB-aligned, whose guest-physical addresses follow
        /// its virtual ones (one mirror window), e.g. to back 2 MiB pages. Retries a few times when the range
        /// straddles windows left by earlier mappings (a failed attempt stays mapped, so the next one lands elsewhere).
        /// </summary>
        public static bool TryMapContiguous(ulong bytes, out byte* va, out ulong gpa)
        {
            const int Attempts = 4;
            for (int i = 0; i < Attempts; i++)
            {
                byte* raw = (byte*)Linux.Mmap(null, (nuint)(bytes + GuestPhysicalLayout.Granule), Linux.ProtRead | Linux.ProtWrite,
                    Linux.MapPrivate | Linux.MapAnonymous | Linux.MapNoReserve);
                if (raw == null) break;
                va = (byte*)(((ulong)raw + GuestPhysicalLayout.Granule - 1) & ~(GuestPhysicalLayout.Granule - 1));
                if (s_physical.TryToPhysical((ulong)va, out gpa) && WindowEnd((ulong)va) >= (ulong)va + bytes) return true;
            }
            va = null;
            gpa = 0;
            return false;
        }

        /// <summary>The address space CR3 names now.</summary>
        public static AddressSpace Current => AddressSpace.Attach(Instructions.ReadCr3() & Pte.AddressMask, Physical, Pages);

        /// <summary>The runtime's own tables: changed in place, never grown (see <see cref="AddressSpace"/>).</summary>
        public static AddressSpace Runtime => AddressSpace.Attach(s_runtimeRoot, Physical, Pages);

        /// <summary>A new space that starts with every runtime mapping, so code, stack and heap keep working after a switch.</summary>
        public static bool TryCreateSharingRuntime(out AddressSpace space) =>
            AddressSpace.TryCreateSharing(s_runtimeRoot, Physical, Pages, out space);

        /// <summary>A new empty space (nothing mapped: not for the running code).</summary>
        public static bool TryCreateEmpty(out AddressSpace space) => AddressSpace.TryCreate(Physical, Pages, out space);

        private static ulong WindowEnd(ulong va)
        {
            return Backends.Backend.Current.PhysicalLayout->TryTranslate(va, out _, out ulong end) ? end : 0;
        }
    }
}
#endif
