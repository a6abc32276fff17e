using System.Runtime.InteropServices;
using System.Threading;
using Dune.Cpu;
using Dune.Platform;

namespace Dune.Backends.Kmod
{
    /// <summary>
    /// One vCPU per thread on dune.ko (kmod/README.md, "The C# backend"). A thread started in Dune mode asks its
    /// host half (<see cref="PlainHypercalls.StartThread"/> through the hypercall block): the host takes a free slot
    /// of <see cref="BackendArea"/> (PerCpu, KmodVcpu, trap and host stacks), sets the slot's PerCpu to resume at
    /// <c>dune_guest_thread_entry</c> and clones a Linux thread onto the slot's host stack. A dune.ko vCPU belongs to
    /// the thread that created it, so that thread makes its own (DUNE_CREATE_VCPU, its run page, the first vCPU's
    /// system state with its own GDT, TSS and FS base) and then runs the host loop. The guest thread's exit hypercall
    /// frees the slot and parks the Linux thread with its vCPU until the next start on the slot hands it a new guest
    /// thread (as on KVM): a later start costs no clone and no vCPU. TLB shootdowns go through the module (DUNE_FLUSH_TLB: running vCPUs are
    /// interrupted by an IPI and flush as they re-enter, the others before their next entry), the collector's stop
    /// like any signal (its host half is interrupted, DUNE_RUN returns, the loop delivers the signal vector).
    /// </summary>
    internal static unsafe partial class KmodHost
    {
        private const long FutexWake = 129, ArchSetFs = 0x1002;

        /// <summary>Guards the slots' <see cref="KmodVcpu.Use"/>.</summary>
        private static HostLock s_slotLock;
        /// <summary>vCPUs running a thread; the guest reads it too (no shootdown while it is 1).</summary>
        private static int s_runningVcpus;
        private static byte* s_area;
        /// <summary>The first vCPU's configuration, which every later one repeats.</summary>
        private static bool s_xsave, s_fsgsbase;

        /// <summary>vCPUs running a thread (read by the guest: more than one means TLB shootdowns are needed).</summary>
        public static int RunningVcpus => Volatile.Read(ref s_runningVcpus);

        /// <summary>This process's guest (/dev/dune), for the guest's own DUNE_FLUSH_TLB (KmodBackend.ShootdownTlb).</summary>
        public static int Guest => s_dune;

        /// <summary>At entry: the backend area, the first vCPU's configuration and its thread.</summary>
        public static void RegisterFirstVcpu(byte* area, KmodVcpu* vcpu, bool xsave, bool fsgsbase)
        {
            s_area = area;
            s_xsave = xsave;
            s_fsgsbase = fsgsbase;
            vcpu->Tid = (int)HostSyscall.Invoke(SyscallNumber.Gettid, 0, 0, 0, 0, 0, 0);
            vcpu->Use = KmodVcpu.Running;
            s_runningVcpus = 1;
        }

        /// <summary>GuestMemory's shootdown after the host removed or reduced mappings: DUNE_FLUSH_TLB once other vCPUs run.</summary>
        internal static void Shootdown(PerCpu* cpu)
        {
            if (RunningVcpus > 1 && HostSyscall.Ioctl(s_dune, DuneAbi.FlushTlb, 0) < 0) FaultReport.Fatal("DUNE_FLUSH_TLB failed");
        }

        /// <summary>
        /// <see cref="PlainHypercalls.StartThread"/>: block arguments stackTop, int* tid, int* exitTid, threadPointer,
        /// state (IBackend.StartThread). The tid, or -errno. A slot whose Linux thread is parked gets the new thread
        /// handed over (its vCPU stays); a slot without one clones it.
        /// </summary>
        private static long StartThread(HypercallBlock* b)
        {
            int index = ClaimSlot();
            if (index < 0) return -EAGAIN;
            KmodVcpu* vcpu = KmodVcpu.At(s_area, index);
            byte* hostStackTop = BackendArea.HostStackTop(s_area, index) - KmodVcpu.FpuAreaSize;
            for (ulong i = 0; i < KmodVcpu.FpuAreaSize; i++) hostStackTop[i] = 0;
            vcpu->FpuArea = hostStackTop;
            vcpu->FsBase = (ulong)b->A3;
            vcpu->ExitWord = (int*)b->A2;
            vcpu->LastResolvedAddress = vcpu->LastResolvedRip = 0;
            // A parked thread's run page is the exit request word; a new thread's comes with its vCPU.
            PerCpu* cpu = BackendArea.InitializeCpu(s_area, index, vcpu, vcpu->Run != null ? (byte*)&vcpu->Run->ImmediateExit : null);
            cpu->Resume.Rbx = (ulong)b->A4;
            cpu->Resume.Rsp = (ulong)b->A0;
            cpu->Resume.Rip = VcpuThreads.GuestEntry();
            Interlocked.Increment(ref s_runningVcpus);
            long tid = vcpu->Tid;
            if (tid > 0)
            {
                // The parked thread takes this thread's signal mask, as a cloned one inherits it.
                VcpuThreads.HandOff(&vcpu->SignalMask, &vcpu->Handoff);
                *(int*)b->A1 = (int)tid;
                return tid;
            }
            vcpu->Fd = -1;
            tid = VcpuThreads.Clone(cpu, hostStackTop, &vcpu->Tid, (void*)b->A3, &vcpu->SignalMask, &VcpuThread);
            if (tid < 0)
            {
                Interlocked.Decrement(ref s_runningVcpus);
                vcpu->Tid = 0;
                ReleaseSlot(vcpu);
                return tid;
            }
            *(int*)b->A1 = (int)tid;
            return tid;
        }

        /// <summary>A free slot, marked starting: one with a parked thread first; -1 if all are taken.</summary>
        private static int ClaimSlot()
        {
            int found = -1;
            s_slotLock.Enter();
            for (int i = 0; i < BackendArea.CpuCapacity; i++)
            {
                KmodVcpu* v = KmodVcpu.At(s_area, i);
                if (v->Use != KmodVcpu.Free) continue;
                if (found < 0 || v->Tid > 0) found = i;
                if (v->Tid > 0) break;
            }
            if (found >= 0) KmodVcpu.At(s_area, found)->Use = KmodVcpu.Starting;
            s_slotLock.Exit();
            return found;
        }

        private static void ReleaseSlot(KmodVcpu* vcpu)
        {
            s_slotLock.Enter();
            vcpu->Use = KmodVcpu.Free;
            s_slotLock.Exit();
        }

        /// <summary>
        /// The slot's Linux thread, on its host stack: first after its clone (VcpuThreads.Clone), which makes
        /// its vCPU, then each time it is handed a new guest thread (VcpuThreads.Restart), which sets the vCPU
        /// up for it. Then the loop.
        /// </summary>
        [UnmanagedCallersOnly]
        private static void VcpuThread(PerCpu* cpu)
        {
            HostSyscall.SetGsBase(cpu);
            KmodVcpu* vcpu = (KmodVcpu*)cpu->Backend;
            string error = vcpu->Fd < 0 ? CreateVcpu(cpu, vcpu) : SetUpVcpu(cpu, vcpu);
            if (error != null) FaultReport.Fatal(error);
            HostSyscall.Invoke(SyscallNumber.ArchPrctl, ArchSetFs, (long)vcpu->FsBase, 0, 0, 0, 0);
            Volatile.Write(ref vcpu->Use, KmodVcpu.Running);
            VcpuThreads.RestoreSignalMask(&vcpu->SignalMask);
            Loop(cpu);
        }

        /// <summary>On the slot's thread: its vCPU and run page, with the first vCPU's system state but its own GDT, TSS, GS and FS base.</summary>
        private static string CreateVcpu(PerCpu* cpu, KmodVcpu* vcpu)
        {
            const int MapShared = 0x01;
            int fd = HostSyscall.Hide((int)HostSyscall.Ioctl(s_dune, DuneAbi.CreateVcpu, 0));
            if (fd < 0) return "a new thread's vCPU: DUNE_CREATE_VCPU failed";
            vcpu->Fd = fd;
            DuneRun* run = (DuneRun*)HostSyscall.Mmap(DuneAbi.RunSize, Linux.ProtRead | Linux.ProtWrite, MapShared, fd);
            if (run == null) return "a new thread's vCPU: cannot map its struct dune_run";
            vcpu->Run = run;
            cpu->Signals.ExitRequest = (byte*)&run->ImmediateExit;
            return SetUpVcpu(cpu, vcpu);
        }

        /// <summary>On the slot's thread, for each guest thread: the first vCPU's system state with the slot's own GDT, TSS, GS and the thread's FS base.</summary>
        private static string SetUpVcpu(PerCpu* cpu, KmodVcpu* vcpu)
        {
            DuneSregs sregs;
            KmodVcpuState.Set(&sregs, cpu, (ulong)(s_area + BackendArea.IdtOffset), vcpu->FsBase, GuestMemory.PageTableRoot, s_xsave, s_fsgsbase);
            return HostSyscall.Ioctl(vcpu->Fd, DuneAbi.SetSregs, &sregs) < 0 ? "a thread's vCPU: DUNE_SET_SREGS failed" : null;
        }

        /// <summary>
        /// The guest thread's exit(2): its exit word is cleared and woken (its stack may go now: this thread runs on the
        /// slot's host stack), the slot is given up, and the Linux thread parks with its vCPU, every signal blocked,
        /// until <see cref="StartThread"/> hands it the next guest thread; then it starts over at the top of its host
        /// stack. The vCPU stays open: the next thread on the slot needs no DUNE_CREATE_VCPU, run page or clone.
        /// </summary>
        private static void ExitThread(PerCpu* cpu)
        {
            KmodVcpu* vcpu = (KmodVcpu*)cpu->Backend;
            // Read before the slot is free: the next start rebuilds the PerCpu.
            void* hostStackTop = BackendArea.HostStackTop(s_area, (int)cpu->Index) - KmodVcpu.FpuAreaSize;
            VcpuThreads.BlockSignals();
            if (vcpu->ExitWord != null)
            {
                Volatile.Write(ref *vcpu->ExitWord, 0);
                HostSyscall.Invoke(SyscallNumber.Futex, (long)vcpu->ExitWord, FutexWake, int.MaxValue, 0, 0, 0);
            }
            s_slotLock.Enter();
            vcpu->Use = KmodVcpu.Free;
            Interlocked.Decrement(ref s_runningVcpus);
            s_slotLock.Exit();
            VcpuThreads.AwaitHandOff(&vcpu->Handoff);
            VcpuThreads.Restart(cpu, hostStackTop, &VcpuThread);
        }

        private static void ReleaseVcpu(KmodVcpu* vcpu)
        {
            if (vcpu->Run != null) HostSyscall.Invoke(SyscallNumber.Munmap, (long)vcpu->Run, DuneAbi.RunSize, 0, 0, 0, 0);
            if (vcpu->Fd >= 0) HostSyscall.Invoke(SyscallNumber.Close, vcpu->Fd, 0, 0, 0, 0, 0);
            vcpu->Run = null;
            vcpu->Fd = -1;
        }

        /// <summary>
        /// A forked child has only the thread that forked: the other slots' vCPUs (the parent's threads', inherited
        /// descriptors and run pages) are let go, and the slots are free.
        /// </summary>
        private static void ForgetOtherVcpus(PerCpu* cpu)
        {
            for (int i = 0; i < BackendArea.CpuCapacity; i++)
            {
                KmodVcpu* v = KmodVcpu.At(s_area, i);
                if (i == cpu->Index || v->Tid == 0) continue;
                ReleaseVcpu(v);
                *v = default;
                v->Fd = -1;
            }
            KmodVcpu* self = (KmodVcpu*)cpu->Backend;
            self->Tid = (int)HostSyscall.Invoke(SyscallNumber.Gettid, 0, 0, 0, 0, 0, 0);
            self->Use = KmodVcpu.Running;
            s_runningVcpus = 1;
            // Another of the parent's threads may have held them at the fork.
            s_slotLock = default;
            GuestMemory.ForgetLockInChild();
        }
    }
}
