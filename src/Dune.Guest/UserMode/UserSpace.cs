using Dune.Memory;
using Dune.Platform;

namespace Dune.UserMode
{
    /// <summary>
    /// The address space a ring-3 program runs in: a copy of the runtime's page tables (so ring 0 keeps
    /// working after a SYSCALL or fault) in which the runtime's own pages stay supervisor-only, plus user
    /// pages. Every user page is host memory at the same virtual address as in the host process, mirrored
    /// into the guest: the host kernel sees the program's buffers at the addresses the program passes, so
    /// system calls can be passed through unchanged, and ring 0 reads them from the runtime's tables too.
    /// </summary>
    public sealed unsafe partial class UserSpace
    {
        private const int PoolPages = 4096;
        private const int MapFixedNoReplace = 0x100000;
        /// <summary>Software-available PTE bit 10: "the program's page" (user, or its PROT_NONE reservation); bit 9 is copy-on-write's.</summary>
        public const ulong ProgramPage = 1UL << 10;
        /// <summary>The end of the lower half: no user address is at or above it.</summary>
        private const ulong UserAddressLimit = 1UL << 47;

        private AddressSpace _space;

        /// <summary>The CR3 value of this space.</summary>
        public ulong Root => _space.Root;

        /// <summary>The emulated program break (<c>brk</c>): its lowest and current value; 0 when the program has none.</summary>
        public ulong BreakStart { get; private set; }
        /// <summary>The current program break.</summary>
        public ulong Break { get; private set; }

        /// <summary>
        /// The program's signal bookkeeping: it starts with the signals the process started with ignored ignored, as an
        /// exec'd program would (nohup's SIGHUP), and queues as many signals as the host's RLIMIT_SIGPENDING allows.
        /// </summary>
        public ProgramSignals Signals { get; } = NewSignals();

        /// <summary>Bytes of the program's pages (mapped or reserved), as Linux counts a process's address space for RLIMIT_AS.</summary>
        public ulong ProgramBytes { get; private set; }

        /// <summary>The most <see cref="ProgramBytes"/> may reach (0: no limit): beyond it mmap, mremap and brk fail with ENOMEM.</summary>
        public ulong MemoryLimit { get; set; }

        private static ProgramSignals NewSignals()
        {
            const long Prlimit64 = 302, RlimitSigpending = 11;
            ProgramSignals signals = ProgramSignals.IgnoringAtStart(HostSignalRelay.IgnoredAtStart());
            ulong* limit = stackalloc ulong[2];
            if (Syscall.Invoke(Prlimit64, 0, RlimitSigpending, 0, (long)limit) == 0) signals.QueueLimit = (int)System.Math.Min(limit[0], int.MaxValue);
            return signals;
        }

        /// <summary>Whether <paramref name="bytes"/> more of the program's pages stay within <see cref="MemoryLimit"/>.</summary>
        public bool WithinLimit(ulong bytes) => MemoryLimit == 0 || (PageRound(bytes) <= MemoryLimit && ProgramBytes <= MemoryLimit - PageRound(bytes));

        /// <summary>How far the break may grow above <see cref="BreakStart"/>.</summary>
        public const ulong MaxBreakBytes = 64UL << 20;

        private UserSpace(AddressSpace space) { _space = space; }

        /// <summary>A space with no user pages yet; needs Dune mode. Null on success, otherwise why not.</summary>
        public static string TryCreate(out UserSpace space)
        {
            space = null;
            if (!VirtualMemory.IsInitialized)
            {
                string error = VirtualMemory.Initialize(PoolPages);
                if (error != null) return error;
            }
            if (!VirtualMemory.TryCreateSharingRuntime(out AddressSpace a)) return "page-table pool exhausted";
            if (ProgramProcesses.Root == 0) ProgramProcesses.Root = Syscall.Invoke(SyscallNumber.Getpid);
            space = new UserSpace(a);
            return null;
        }

        /// <summary>
        /// Maps fresh zeroed host memory at exactly [va, va+length) (never over an existing host mapping) and
        /// makes it user pages with <paramref name="permissions"/>. The host mapping itself is read-write so
        /// ring 0 can fill it.
        /// </summary>
        public bool Allocate(ulong va, ulong length, Permissions permissions)
        {
            length = PageRound(length);
            long r = Syscall.Invoke(SyscallNumber.Mmap, (long)va, (long)length, Linux.ProtRead | Linux.ProtWrite,
                Linux.MapPrivate | Linux.MapAnonymous | MapFixedNoReplace, -1, 0);
            if ((ulong)r != va) return false;
            return Share(va, length, permissions);
        }

        /// <summary>
        /// Makes host memory already mapped at [va, va+length) the program's pages with <paramref name="permissions"/>.
        /// Without Read they stay the program's but not present (a PROT_NONE reservation): a later mprotect, a fixed
        /// mmap or munmap inside it is the program's to make.
        /// </summary>
        public bool Share(ulong va, ulong length, Permissions permissions)
        {
            if ((va & (Pte.PageSize - 1)) != 0) return false;
            length = PageRound(length);
            ulong before = ProgramBytesIn(va, length);
            // A reservation has no host memory to mirror (PROT_NONE): its entries only need to be non-zero and
            // not present, so they name placeholder frames that are never reached.
            if ((permissions & Permissions.Read) == 0)
                return _space.Map(va, Pte.PageSize, length, Permissions.None) && MarkProgramPages(va, length, before);
            permissions |= Permissions.User;
            PhysicalMemory* physical = VirtualMemory.Physical;
            ulong offset = 0;
            while (offset < length)
            {
                if (!physical->TryToPhysical(va + offset, out ulong gpa)) return false;
                // One Map per run of pages that are contiguous in guest-physical memory too.
                ulong run = Pte.PageSize;
                while (offset + run < length && physical->TryToPhysical(va + offset + run, out ulong next) && next == gpa + run) run += Pte.PageSize;
                if (!_space.Map(va + offset, gpa, run, permissions)) return false;
                offset += run;
            }
            return MarkProgramPages(va, length, before);
        }

        /// <summary>Marks [va, va+length) the program's; <paramref name="before"/> of it already was (mapping again cleared the mark).</summary>
        private bool MarkProgramPages(ulong va, ulong length, ulong before)
        {
            var mark = new MarkVisitor();
            bool done = _space.Modify(va, length, ref mark);
            ProgramBytes = ProgramBytes - (before < ProgramBytes ? before : ProgramBytes) + mark.Bytes;
            return done;
        }

        private ulong ProgramBytesIn(ulong va, ulong length)
        {
            var count = new CountVisitor();
            _space.Modify(va, length, ref count);
            return count.Bytes;
        }

        /// <summary>What ring 3 may do with the page at <paramref name="va"/> (None for a reservation or no page).</summary>
        public Permissions PermissionsAt(ulong va)
        {
            if (!_space.Lookup(va & ~(Pte.PageSize - 1), out ulong entry, out _)) return Permissions.None;
            return PageFlags.PermissionsOf(entry) & ~Permissions.User;
        }

        /// <summary>Removes [va, va+length) from this space (the host memory stays).</summary>
        public bool Unmap(ulong va, ulong length)
        {
            ulong bytes = ProgramBytesIn(va, PageRound(length));
            ProgramBytes -= bytes < ProgramBytes ? bytes : ProgramBytes;
            return _space.Unmap(va, PageRound(length));
        }

        /// <summary>Whether every page of [va, va+length) is the program's (present or a PROT_NONE reservation): ring 3 may only change its own memory.</summary>
        public bool IsUserRange(ulong va, ulong length)
        {
            if (length == 0 || va + length < va) return false;
            for (ulong page = va & ~(Pte.PageSize - 1); page < va + length; page += Pte.PageSize)
                if (!_space.Lookup(page, out ulong entry, out _) || (entry & ProgramPage) == 0) return false;
            return true;
        }

        /// <summary>
        /// Whether the program may map over or unmap [va, va+length): each page is the program's or mapped by no one
        /// (not the runtime's, not in the Dune region, below the end of user space).
        /// </summary>
        public bool IsProgramOrFree(ulong va, ulong length)
        {
            ulong end = va + PageRound(length);
            if (length == 0 || end < va || end > UserAddressLimit || DuneLayout.Overlaps(va, end - va)) return false;
            for (ulong page = va & ~(Pte.PageSize - 1); page < end; page += Pte.PageSize)
                if (_space.Lookup(page, out ulong entry, out _) && entry != 0 && (entry & ProgramPage) == 0) return false;
            return true;
        }

        /// <summary>
        /// Whether ring 3 may read (or, with <paramref name="write"/>, write) every byte of [va, va+length): each
        /// page present and user here (and writable). An empty range is. Walks this space's tables once per page
        /// table (the 4 KiB entries after the first are read in place: every pass-through checks its buffers), no allocation.
        /// </summary>
        public bool IsUserAccessible(ulong va, ulong length, bool write)
        {
            if (length == 0) return true;
            ulong end = va + length;
            if (end < va || end > UserAddressLimit) return false;
            ulong required = Pte.Present | Pte.User | (write ? Pte.Writable : 0);
            ulong page = va & ~(Pte.PageSize - 1);
            while (true)
            {
                ulong* leaf = _space.LeafPointer(page, out PageSize size);
                if (leaf == null || (*leaf & required) != required) return false;
                ulong bytes = PageFlags.Bytes(size);
                page = (page & ~(bytes - 1)) + bytes;
                if (page >= end) return true;
                if (size != PageSize.Size4K) continue;
                // The rest of this page table maps the pages that follow, up to its 2 MiB boundary.
                for (ulong tableEnd = (page - 1 & ~(PageTableSpan - 1)) + PageTableSpan; page < tableEnd; page += Pte.PageSize)
                {
                    if ((*++leaf & required) != required) return false;
                    if (page + Pte.PageSize >= end) return true;
                }
            }
        }

        /// <summary>The addresses one page table's 512 entries of 4 KiB map.</summary>
        private const ulong PageTableSpan = 512 * Pte.PageSize;

        /// <summary>The stack's lowest mapped address and how far down it may grow (0 when the space has none).</summary>
        public ulong StackLow { get; private set; }
        /// <summary>The lowest address the stack may grow to.</summary>
        public ulong StackFloor { get; private set; }

        /// <summary>How much the stack grows at a time: a fault below it maps this much at once (aligned down).</summary>
        private const ulong StackChunk = 64 * 1024;

        /// <summary>
        /// The program's stack: [top - maxBytes, top), of which the top <paramref name="mappedBytes"/> are mapped now
        /// and the rest as the program first touches it (<see cref="TryGrowStack"/>), as Linux grows a stack, so
        /// start-up does not map 8 MiB the program may never use.
        /// </summary>
        public bool SetStack(ulong top, ulong maxBytes, ulong mappedBytes)
        {
            if (!Allocate(top - mappedBytes, mappedBytes, Permissions.ReadWrite)) return false;
            StackLow = top - mappedBytes;
            StackFloor = top - maxBytes;
            return true;
        }

        /// <summary>
        /// A not-present fault at <paramref name="address"/> between the stack's floor and its lowest page: maps the
        /// stack down to it (whole chunks, never over another mapping) and says whether ring 3 may retry.
        /// </summary>
        public bool TryGrowStack(ulong address)
        {
            if (address >= StackLow || address < StackFloor) return false;
            ulong low = address & ~(StackChunk - 1);
            if (low < StackFloor) low = StackFloor;
            if (!WithinLimit(StackLow - low) || !Allocate(low, StackLow - low, Permissions.ReadWrite)) return false;
            StackLow = low;
            return true;
        }

        /// <summary>Starts the program break at <paramref name="start"/> (page aligned), e.g. after an ELF's last segment.</summary>
        public void SetBreakStart(ulong start)
        {
            BreakStart = PageRound(start);
            Break = BreakStart;
        }

        /// <summary>brk(2) for the program: grows or shrinks the break within its limit, returns the new (or unchanged) break.</summary>
        public ulong MoveBreak(ulong requested)
        {
            if (BreakStart == 0 || requested < BreakStart || requested - BreakStart > MaxBreakBytes) return Break;
            ulong mapped = PageRound(Break), wanted = PageRound(requested);
            if (wanted > mapped && (!WithinLimit(wanted - mapped) || !Allocate(mapped, wanted - mapped, Permissions.ReadWrite))) return Break;
            if (wanted < mapped)
            {
                Unmap(wanted, mapped - wanted);
                Syscall.Invoke(SyscallNumber.Munmap, (long)wanted, (long)(mapped - wanted));
            }
            Break = requested;
            return Break;
        }

        /// <summary>Returns this space's own page tables to the pool (host memory is the caller's to unmap).</summary>
        public void Destroy() => _space.Destroy();

        /// <summary><paramref name="bytes"/> rounded up to a whole number of 4 KiB pages.</summary>
        public static ulong PageRound(ulong bytes) => (bytes + Pte.PageSize - 1) & ~(Pte.PageSize - 1);

        /// <summary>Marks pages the program's and counts their bytes.</summary>
        private struct MarkVisitor : IPageVisitor
        {
            public ulong Bytes;

            public bool Visit(ulong va, ulong* entry, PageSize size)
            {
                Bytes += PageFlags.Bytes(size);
                *entry |= ProgramPage;
                return true;
            }
        }

        /// <summary>Counts the program's bytes in a range (before it is unmapped).</summary>
        private struct CountVisitor : IPageVisitor
        {
            public ulong Bytes;

            public bool Visit(ulong va, ulong* entry, PageSize size)
            {
                if ((*entry & ProgramPage) != 0) Bytes += PageFlags.Bytes(size);
                return true;
            }
        }
    }
}
