using System.Runtime.CompilerServices;
using Dune.Cpu;
using Dune.Platform;

namespace Dune.Backends
{
    /// <summary>
    /// The guest's view of the process's memory, kept equal to the host's by the host halves of either backend:
    /// the <see cref="AddressSpaceMirror"/> (guest-physical windows and page tables), the break, and the main
    /// thread's stack, which the host grows on the guest's faults. One per process (every vCPU's host half
    /// changes it, under <see cref="s_lock"/>); it never allocates.
    /// </summary>
    internal static unsafe class GuestMemory
    {
        private const long Mremap = 25, Prlimit64 = 302, RlimitStack = 3;
        private const int MapFixedNoReplace = 0x100000, MapFixed = 0x10, MapHugetlb = 0x40000;
        /// <summary>PROT_GROWSDOWN | PROT_GROWSUP: mprotect reaches to the end of the mapping.</summary>
        private const long ProtGrows = 0x03000000;
        private const ulong StackChunk = 64UL << 10, MaxStack = 64UL << 20;

        private static AddressSpaceMirror s_mirror;
        private static ulong s_brk;
        private static ulong s_stackLow, s_stackFloor;
        /// <summary>Guards the mirror and the fields above that change (break, stack bounds).</summary>
        private static HostLock s_lock;
        /// <summary>The backend's TLB shootdown after mappings were removed or reduced (the caller's vCPU flushes on its own).</summary>
        private static delegate*<PerCpu*, void> s_shootdown;

        public static void Prepare(AddressSpaceMirror mirror, long brk, delegate*<PerCpu*, void> shootdown)
        {
            s_mirror = mirror;
            s_brk = (ulong)brk;
            s_shootdown = shootdown;
        }

        /// <summary>
        /// The mirror over the backend area's page-table pool (<see cref="BackendArea"/>): the pool is covered first,
        /// so it sits in one guest-physical window, contiguous as <see cref="Memory.PageTables"/> requires. False if
        /// the guest-physical space or the backend's windows (<paramref name="register"/>, at most
        /// <paramref name="maxWindows"/>) do not take it.
        /// </summary>
        public static bool CreateMirror(int vmFd, int maxWindows, delegate*<int, int, Memory.GpaWindow*, bool> register, byte* area,
            int physBits, out AddressSpaceMirror mirror)
        {
            var layout = new Memory.GuestPhysicalLayout((Memory.GpaWindow*)(area + BackendArea.WindowsOffset), BackendArea.WindowCapacity, physBits);
            mirror = new AddressSpaceMirror(vmFd, maxWindows, register, layout, area + BackendArea.MapsBufferOffset, (int)BackendArea.MapsBufferSize);
            if (!mirror.Cover((ulong)area, BackendArea.PoolSize)) return false;
            mirror.Layout.TryTranslate((ulong)area, out ulong poolGpa);
            mirror.Tables = new Memory.PageTables(area + BackendArea.PoolOffset, poolGpa, (int)(BackendArea.PoolSize / Memory.Pte.PageSize));
            return true;
        }

        /// <summary>
        /// Mirrors the whole address space, records the thread's stack mapping (the one containing
        /// <paramref name="sp"/>) so the guest's stack can grow down to the RLIMIT_STACK soft limit (capped at
        /// <see cref="MaxStack"/>) measured from its top, and maps <paramref name="reserve"/> bytes below
        /// <paramref name="sp"/> now. The reserve is mapped, not touched: its pages cost nothing until used,
        /// and the guest does not have to exit to grow its stack through them.
        /// </summary>
        public static bool MirrorAll(ulong sp, ulong reserve)
        {
            if (!s_mirror.Sync(0, Memory.GuestPhysicalLayout.UserSpaceEnd, sp, out s_stackLow, out ulong top) || top == 0) return false;
            ulong* rlimit = stackalloc ulong[2];
            ulong limit = HostSyscall.Invoke(Prlimit64, 0, RlimitStack, 0, (long)rlimit, 0, 0) == 0 ? rlimit[0] : 0;
            if (limit > MaxStack) limit = MaxStack;
            s_stackFloor = top - limit < s_stackLow ? top - limit : s_stackLow;
            return sp - reserve >= s_stackLow || GrowStack(sp - reserve);
        }

        /// <summary>A forked child's guest: the same windows registered on its own VM (<paramref name="vmFd"/>).</summary>
        public static bool AttachVm(int vmFd) => s_mirror.AttachVm(vmFd);

        /// <summary>In a forked child: another of the parent's threads may have held the lock at the fork.</summary>
        public static void ForgetLockInChild() => s_lock = default;

        /// <summary>The mirror's guest-physical layout, for Dune.Memory in the guest (the host changes it only while the vCPU is stopped).</summary>
        public static Memory.GuestPhysicalLayout* Layout => (Memory.GuestPhysicalLayout*)Unsafe.AsPointer(ref s_mirror.Layout);

        /// <summary>The guest-physical address of the top-level page table (CR3 of every vCPU).</summary>
        public static ulong PageTableRoot => s_mirror.Tables.Root;

        /// <summary>
        /// After the host performed call <paramref name="nr"/> of block <paramref name="b"/> with result
        /// <paramref name="r"/>: mirrors what it changed in the address space (mmap, munmap, mprotect, mremap,
        /// brk), and shoots down the other vCPUs' TLBs where translations may have gone. False if the mirror ran
        /// out of room.
        /// </summary>
        public static bool MirrorChanges(PerCpu* cpu, long nr, HypercallBlock* b, long r)
        {
            // mmap, munmap and mprotect leave exactly their range with one protection, so their arguments say what to
            // mirror; only huge pages and the grow flags reach beyond the range (/proc/self/maps tells).
            if (nr == SyscallNumber.Mmap && !IsError(r))
                return (b->A3 & MapHugetlb) != 0 ? Sync(cpu, (ulong)r, (ulong)b->A1, removes: (b->A3 & MapFixed) != 0)
                    : SetProtection(cpu, (ulong)r, (ulong)b->A1, b->A2, removes: (b->A3 & MapFixed) != 0);
            if (nr == SyscallNumber.Munmap && r == 0) return SetProtection(cpu, (ulong)b->A0, (ulong)b->A1, Linux.ProtNone, removes: true);
            if (nr == SyscallNumber.Mprotect && r == 0)
                return (b->A2 & ProtGrows) != 0 ? Sync(cpu, (ulong)b->A0, (ulong)b->A1, removes: true)
                    : SetProtection(cpu, (ulong)b->A0, (ulong)b->A1, b->A2, removes: true);
            if (nr == Mremap && !IsError(r)) return Sync(cpu, (ulong)b->A0, (ulong)b->A1, removes: true) && Sync(cpu, (ulong)r, (ulong)b->A2, removes: true);
            if (nr == SyscallNumber.Brk && !IsError(r)) return SyncBrk(cpu, (ulong)r);
            return true;
        }

        /// <summary>
        /// A not-present page fault on memory the guest may have: the stack growing below what existed at
        /// entry (the kernel grows stacks only on the host's own faults, and no longer through GUP, so the
        /// host maps the next stack chunk itself, never over an existing mapping), or a host mapping made
        /// behind the hypercalls' back. Mirrors the page and lets the guest retry; the same fault twice in
        /// a row (the vCPU's last resolved one, <paramref name="lastAddress"/> and <paramref name="lastRip"/>)
        /// is reported instead.
        /// </summary>
        public static bool TryResolvePageFault(PerCpu* cpu, Traps.TrapFrame* f, ref ulong lastAddress, ref ulong lastRip)
        {
            if (f->Vector != ExceptionVectors.PageFault || (f->ErrorCode & 1) != 0) return false;
            if (f->Cr2 == lastAddress && f->Rip == lastRip) return false;
            ulong page = f->Cr2 & ~(Memory.Pte.PageSize - 1);
            cpu->Hypercall.Flags |= HypercallBlock.FlushTlbFlag;
            s_lock.Enter();
            bool resolved = (f->Cr2 < s_stackLow && f->Cr2 >= s_stackFloor ? GrowStack(page) : s_mirror.Sync(page, page + Memory.Pte.PageSize))
                && Memory.Pte.IsPresent(s_mirror.Tables.Lookup(page));
            s_lock.Exit();
            if (!resolved) return false;
            lastAddress = f->Cr2;
            lastRip = f->Rip;
            return true;
        }

        /// <summary>
        /// Under the lock once threads may run: maps the stack down to <paramref name="address"/> (rounded down to a
        /// <see cref="StackChunk"/>, not below the floor) right under its lowest mapping, never over another mapping,
        /// and mirrors it.
        /// </summary>
        private static bool GrowStack(ulong address)
        {
            ulong low = address & ~(StackChunk - 1);
            if (low < s_stackFloor) low = s_stackFloor;
            if (low >= s_stackLow) return true;
            long r = HostSyscall.Invoke(SyscallNumber.Mmap, (long)low, (long)(s_stackLow - low), Linux.ProtRead | Linux.ProtWrite,
                Linux.MapPrivate | Linux.MapAnonymous | MapFixedNoReplace, -1, 0);
            if (r != (long)low) return false;
            ulong high = s_stackLow;
            s_stackLow = low;
            return s_mirror.MapReadWrite(low, high);
        }

        private static bool IsError(long r) => r < 0 && r > -4096;

        /// <summary>
        /// Re-mirrors a range the host changed and flushes this vCPU's TLB on the way back; when the change may
        /// have removed or reduced mappings (<paramref name="removes"/>), the other vCPUs' TLBs too.
        /// </summary>
        private static bool Sync(PerCpu* cpu, ulong start, ulong length, bool removes)
        {
            ulong end = (start + length + Memory.Pte.PageSize - 1) & ~(Memory.Pte.PageSize - 1);
            cpu->Hypercall.Flags |= HypercallBlock.FlushTlbFlag;
            s_lock.Enter();
            bool ok = s_mirror.Sync(start, end);
            s_lock.Exit();
            if (removes) s_shootdown(cpu);
            return ok;
        }

        /// <summary><see cref="Sync"/> for a range whose new protection the call said (<see cref="AddressSpaceMirror.SetProtection"/>).</summary>
        private static bool SetProtection(PerCpu* cpu, ulong start, ulong length, long prot, bool removes)
        {
            ulong end = (start + length + Memory.Pte.PageSize - 1) & ~(Memory.Pte.PageSize - 1);
            cpu->Hypercall.Flags |= HypercallBlock.FlushTlbFlag;
            s_lock.Enter();
            bool ok = s_mirror.SetProtection(start, end, prot);
            s_lock.Exit();
            if (removes) s_shootdown(cpu);
            return ok;
        }

        private static bool SyncBrk(PerCpu* cpu, ulong newBrk)
        {
            s_lock.Enter();
            ulong old = s_brk;
            s_brk = newBrk;
            s_lock.Exit();
            ulong lo = newBrk < old ? newBrk : old, hi = newBrk < old ? old : newBrk;
            if (lo == hi) return true;
            // The break's pages are read-write and anonymous: growing maps from lo's page on, shrinking removes the
            // pages above lo's (which stays).
            const ulong PageMask = Memory.Pte.PageSize - 1;
            return newBrk < old
                ? SetProtection(cpu, (lo + PageMask) & ~PageMask, ((hi + PageMask) & ~PageMask) - ((lo + PageMask) & ~PageMask), Linux.ProtNone, removes: true)
                : SetProtection(cpu, lo & ~PageMask, hi - (lo & ~PageMask), Linux.ProtRead | Linux.ProtWrite, removes: false);
        }
    }
}
