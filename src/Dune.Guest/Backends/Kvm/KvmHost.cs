using System.Runtime;
using System.Runtime.CompilerServices;
using Dune.Cpu;
using Dune.Platform;

namespace Dune.Backends.Kvm
{
    /// <summary>
    /// The host half: runs on its own stack (the guest owns the thread's stack) in the same thread, looping
    /// in KVM_RUN and performing the guest's system calls. It only uses <see cref="HostSyscall"/> and never
    /// allocates managed memory. What belongs to a vCPU is in its <see cref="PerCpu"/> and <see cref="KvmVcpu"/>;
    /// the statics here are the VM's (the process's address space).
    /// </summary>
    internal static unsafe partial class KvmHost
    {
        private const long ENOSYS = 38, EINTR = 4, EAGAIN = 11;
        private const long Mremap = 25, Vfork = 58, Clone3 = 435, Prlimit64 = 302, RlimitStack = 3;
        private const int MapFixedNoReplace = 0x100000, MapFixed = 0x10, MapHugetlb = 0x40000;
        /// <summary>PROT_GROWSDOWN | PROT_GROWSUP: mprotect reaches to the end of the mapping.</summary>
        private const long ProtGrows = 0x03000000;
        private const ulong StackChunk = 64UL << 10, MaxStack = 64UL << 20;
        private const long ArchSetFs = 0x1002;

        private static int s_kvm, s_vm;
        private static byte* s_area;
        private static AddressSpaceMirror s_mirror;
        private static ulong s_brk;
        private static ulong s_stackLow, s_stackFloor;
        /// <summary>Guards the mirror and the fields above that change (break, stack bounds): every vCPU's host half changes them.</summary>
        private static HostLock s_mirrorLock;

        public static void Prepare(int kvm, int vm, byte* area, AddressSpaceMirror mirror, long brk)
        {
            s_kvm = kvm;
            s_vm = vm;
            s_area = area;
            s_mirror = mirror;
            s_brk = (ulong)brk;
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

        /// <summary>A forked child's guest (the dune.ko backend's): the same windows registered on <paramref name="fd"/>.</summary>
        internal static bool AttachMirror(int fd) => s_mirror.AttachVm(fd);

        /// <summary>The mirror's guest-physical layout, for Dune.Memory in the guest (the host changes it only while the vCPU is stopped).</summary>
        public static Memory.GuestPhysicalLayout* Layout => (Memory.GuestPhysicalLayout*)Unsafe.AsPointer(ref s_mirror.Layout);

        [RuntimeExport("DuneKvmHostLoop")]
        private static void Loop(PerCpu* cpu)
        {
            KvmVcpu* vcpu = (KvmVcpu*)cpu->Backend;
            ResumeState* state = &cpu->Resume;
            KvmRegs regs = new KvmRegs
            {
                Rax = 1,
                Rbx = state->Rbx,
                Rbp = state->Rbp,
                R12 = state->R12,
                R13 = state->R13,
                R14 = state->R14,
                R15 = state->R15,
                Rsp = state->Rsp,
                Rip = state->Rip,
                Rflags = Rflags.Reserved1,
            };
            if (HostSyscall.Ioctl(vcpu->Fd, KvmApi.SetRegs, &regs) < 0)
                FaultReport.VmFailure(vcpu->Fd, "KVM_SET_REGS failed", 0);
            bool deferSignals = false;
            while (true)
            {
                // Read again each time: a forked child continues here with its own vCPU.
                int fd = vcpu->Fd;
                byte* run = vcpu->Run;
                // Cleared before looking at Pending: a signal after the look sets it again and KVM_RUN returns at once.
                *cpu->Signals.ExitRequest = 0;
                // A handler already running in the guest gets no nested delivery, except to stop for a collection.
                if (cpu->Signals.Pending != 0 && !deferSignals
                    && (cpu->Signals.Delivering == 0 || (cpu->Signals.Pending & Traps.SignalDelivery.StopPending) != 0))
                    InjectSignalDelivery(fd);
                deferSignals = false;
                long r = HostSyscall.Ioctl(fd, KvmApi.Run, 0);
                if (r < 0)
                {
                    if (r == -EINTR || r == -EAGAIN) continue;
                    FaultReport.VmFailure(fd, "KVM_RUN failed, errno", (ulong)(-r));
                }
                uint reason = *(uint*)(run + KvmApi.RunExitReason);
                if (reason == KvmApi.ExitIo)
                {
                    ushort port = *(ushort*)(run + KvmApi.RunIoPort);
                    if (port == HypercallPorts.Hypercall) { Hypercall(cpu); continue; }
                    if (port == HypercallPorts.Probe) continue;
                    if (port == HypercallPorts.StartThread) { cpu->Hypercall.Result = StartThread(&cpu->Hypercall); continue; }
                    if (port == HypercallPorts.Shootdown) { Shootdown(cpu); continue; }
                    if (port == HypercallPorts.Fault)
                    {
                        Traps.TrapFrame* frame = (Traps.TrapFrame*)cpu->Hypercall.FaultFrame;
                        if (frame->Vector == (ulong)Traps.SignalDelivery.Vector)
                        {
                            // Injected while the trap entry was moving another frame: it cannot run handlers now. The
                            // signals stay pending; resume, and inject again after the next exit, not into this one.
                            deferSignals = true;
                            continue;
                        }
                        if (TryResolvePageFault(cpu, frame, ref vcpu->LastResolvedAddress, ref vcpu->LastResolvedRip)) continue;
                        FaultReport.GuestException(frame);
                    }
                    FaultReport.VmFailure(fd, "unexpected port I/O exit, port", port);
                }
                if (reason == KvmApi.ExitShutdown) FaultReport.TripleFault();
                if (reason == KvmApi.ExitInternalError)
                    FaultReport.VmFailure(fd, "KVM internal error, suberror", *(uint*)(run + KvmApi.RunInternalSuberror));
                if (reason == KvmApi.ExitFailEntry)
                    FaultReport.VmFailure(fd, "VM entry failed, hardware reason", *(ulong*)(run + KvmApi.RunFailEntryReason));
                if (reason == KvmApi.ExitMmio)
                    FaultReport.VmFailure(fd, "guest touched unbacked physical address", *(ulong*)(run + KvmApi.RunMmioPhysAddr));
                if (reason == KvmApi.ExitHlt) FaultReport.VmFailure(fd, "guest halted", 0);
                FaultReport.VmFailure(fd, "unexpected KVM exit reason", reason);
            }
        }

        /// <summary>Makes the call in the calling vCPU's hypercall block and returns its result (shared with the dune.ko backend).</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_kvm_forward_hypercall")]
        internal static extern long Forward();

        /// <summary>Performs the guest's system call here; a call that changes the VM is followed up (<see cref="ChangeVm"/>).</summary>
        private static void Hypercall(PerCpu* cpu)
        {
            HypercallBlock* b = &cpu->Hypercall;
            long nr = b->Nr;
            long r = PlainHypercalls.Contains(nr) ? Forward() : ChangeVm(cpu, nr, b);
            if (r == -EINTR && cpu->Signals.Pending != 0 && PosixSignals.Restarts(cpu->Signals.Pending, nr))
            {
                // The guest's handlers run first (injected before the stub continues), then the stub repeats the call.
                b->Flags |= HypercallBlock.RestartFlag;
                return;
            }
            b->Result = r;
        }

        /// <summary>
        /// fork, threads, and the calls after which the mirror or the vCPU must follow the host. exit ends this
        /// vCPU's thread; clone with CLONE_VM and clone3 get ENOSYS, as threads start through IBackend.StartThread
        /// (a new thread needs a vCPU and the runtime's entry).
        /// </summary>
        private static long ChangeVm(PerCpu* cpu, long nr, HypercallBlock* b)
        {
            if (nr == SyscallNumber.Fork || nr == Vfork || (nr == SyscallNumber.Clone && ForksProcess(b->A0, b->A1)))
                return Fork(cpu, nr == Vfork ? SyscallNumber.Fork : nr, b);
            if (nr == SyscallNumber.Clone || nr == Clone3) return -ENOSYS;
            if (nr == SyscallNumber.Exit) ExitThread(cpu);
            long r = HostSyscall.Invoke(nr, b->A0, b->A1, b->A2, b->A3, b->A4, b->A5);
            bool ok = MirrorChanges(cpu, nr, b, r);
            if (nr == SyscallNumber.ArchPrctl && b->A0 == ArchSetFs && r == 0) ok = SetGuestFsBase(((KvmVcpu*)cpu->Backend)->Fd, (ulong)b->A1);
            if (!ok)
                FaultReport.Fatal("cannot mirror a new mapping into the guest (guest-physical space, memslots or page-table pool exhausted)");
            return r;
        }

        /// <summary>
        /// After the host performed call <paramref name="nr"/> of block <paramref name="b"/> with result
        /// <paramref name="r"/>: mirrors what it changed in the address space (mmap, munmap, mprotect, mremap,
        /// brk), and shoots down the other vCPUs' TLBs where translations may have gone. False if the mirror ran
        /// out of room. Shared with the dune.ko backend (Backends/Kmod).
        /// </summary>
        internal static bool MirrorChanges(PerCpu* cpu, long nr, HypercallBlock* b, long r)
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
        /// is reported instead. Shared with the dune.ko backend.
        /// </summary>
        internal static bool TryResolvePageFault(PerCpu* cpu, Traps.TrapFrame* f, ref ulong lastAddress, ref ulong lastRip)
        {
            if (f->Vector != ExceptionVectors.PageFault || (f->ErrorCode & 1) != 0) return false;
            if (f->Cr2 == lastAddress && f->Rip == lastRip) return false;
            ulong page = f->Cr2 & ~(Memory.Pte.PageSize - 1);
            cpu->Hypercall.Flags |= HypercallBlock.FlushTlbFlag;
            s_mirrorLock.Enter();
            bool resolved = (f->Cr2 < s_stackLow && f->Cr2 >= s_stackFloor ? GrowStack(page) : s_mirror.Sync(page, page + Memory.Pte.PageSize))
                && Memory.Pte.IsPresent(s_mirror.Tables.Lookup(page));
            s_mirrorLock.Exit();
            if (!resolved) return false;
            lastAddress = f->Cr2;
            lastRip = f->Rip;
            return true;
        }

        /// <summary>
        /// Under the mirror lock once threads may run: maps the stack down to <paramref name="address"/> (rounded down to a <see cref="StackChunk"/>, not
        /// below the floor) right under its lowest mapping, never over another mapping, and mirrors it.
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
        /// Makes the vCPU take <see cref="Traps.SignalDelivery.Vector"/> before its next instruction, whatever
        /// RFLAGS.IF says (an injected event is not gated by it): the guest's handler then runs the pending
        /// signals' handlers in ring 0 and resumes the interrupted code. Not while another event is being
        /// delivered: the next exit tries again.
        /// </summary>
        private static void InjectSignalDelivery(int fd)
        {
            KvmVcpuEvents events;
            if (HostSyscall.Ioctl(fd, KvmApi.GetVcpuEvents, &events) < 0)
                FaultReport.VmFailure(fd, "KVM_GET_VCPU_EVENTS failed", 0);
            if (events.ExceptionInjected != 0 || events.InterruptInjected != 0 || events.NmiInjected != 0) return;
            // Leaves the pending NMI alone: a shootdown's kick may queue one between the two ioctls.
            events.Flags &= ~KvmApi.VcpuEventValidNmiPending;
            events.InterruptInjected = 1;
            events.InterruptNr = (byte)Traps.SignalDelivery.Vector;
            events.InterruptSoft = 0;
            if (HostSyscall.Ioctl(fd, KvmApi.SetVcpuEvents, &events) < 0)
                FaultReport.VmFailure(fd, "KVM_SET_VCPU_EVENTS failed", 0);
        }

        /// <summary>
        /// Re-mirrors a range the host changed and flushes this vCPU's TLB on the way back; when the change may
        /// have removed or reduced mappings (<paramref name="removes"/>), the other vCPUs' TLBs too.
        /// </summary>
        private static bool Sync(PerCpu* cpu, ulong start, ulong length, bool removes)
        {
            ulong end = (start + length + Memory.Pte.PageSize - 1) & ~(Memory.Pte.PageSize - 1);
            cpu->Hypercall.Flags |= HypercallBlock.FlushTlbFlag;
            s_mirrorLock.Enter();
            bool ok = s_mirror.Sync(start, end);
            s_mirrorLock.Exit();
            if (removes) Shootdown(cpu);
            return ok;
        }

        /// <summary><see cref="Sync"/> for a range whose new protection the call said (<see cref="AddressSpaceMirror.SetProtection"/>).</summary>
        private static bool SetProtection(PerCpu* cpu, ulong start, ulong length, long prot, bool removes)
        {
            ulong end = (start + length + Memory.Pte.PageSize - 1) & ~(Memory.Pte.PageSize - 1);
            cpu->Hypercall.Flags |= HypercallBlock.FlushTlbFlag;
            s_mirrorLock.Enter();
            bool ok = s_mirror.SetProtection(start, end, prot);
            s_mirrorLock.Exit();
            if (removes) Shootdown(cpu);
            return ok;
        }

        private static bool SyncBrk(PerCpu* cpu, ulong newBrk)
        {
            s_mirrorLock.Enter();
            ulong old = s_brk;
            s_brk = newBrk;
            s_mirrorLock.Exit();
            ulong lo = newBrk < old ? newBrk : old, hi = newBrk < old ? old : newBrk;
            if (lo == hi) return true;
            // The break's pages are read-write and anonymous: growing maps from lo's page on, shrinking removes the
            // pages above lo's (which stays).
            const ulong PageMask = Memory.Pte.PageSize - 1;
            return newBrk < old
                ? SetProtection(cpu, (lo + PageMask) & ~PageMask, ((hi + PageMask) & ~PageMask) - ((lo + PageMask) & ~PageMask), Linux.ProtNone, removes: true)
                : SetProtection(cpu, lo & ~PageMask, hi - (lo & ~PageMask), Linux.ProtRead | Linux.ProtWrite, removes: false);
        }

        private static bool SetGuestFsBase(int vcpu, ulong fsBase)
        {
            KvmSregs sregs;
            if (HostSyscall.Ioctl(vcpu, KvmApi.GetSregs, &sregs) < 0) return false;
            sregs.Fs.Base = fsBase;
            return HostSyscall.Ioctl(vcpu, KvmApi.SetSregs, &sregs) >= 0;
        }
    }
}
