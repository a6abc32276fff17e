using System.Runtime;
using System.Runtime.CompilerServices;
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
    /// system state with its own GDT, TSS and FS base) and then runs the host loop; the thread's exit hypercall
    /// closes the vCPU and frees the slot. TLB shootdowns go through the module (DUNE_FLUSH_TLB: running vCPUs are
    /// interrupted by an IPI and flush as they re-enter, the others before their next entry), the collector's stop
    /// like any signal (its host half is interrupted, DUNE_RUN returns, the loop delivers the signal vector).
    /// </summary>
    internal static unsafe partial class KmodHost
    {
        /// <summary>Guards the slots' <see cref="KmodVcpu.Tid"/>.</summary>
        private static HostLock s_slotLock;
        /// <summary>vCPUs running a thread; the guest reads it too (no shootdown while it is 1).</summary>
        private static int s_runningVcpus;
        private static byte* s_area;
        /// <summary>The first vCPU's configuration, which every later one repeats.</summary>
        private static bool s_xsave, s_fsgsbase;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_kmod_clone_vcpu_thread")]
        private static extern long CloneVcpuThread(ulong flags, void* hostStackTop, int* tid, int* exitTid, void* tls, PerCpu* cpu);

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
            s_runningVcpus = 1;
        }

        /// <summary>GuestMemory's shootdown after the host removed or reduced mappings: DUNE_FLUSH_TLB once other vCPUs run.</summary>
        internal static void Shootdown(PerCpu* cpu)
        {
            if (RunningVcpus > 1 && HostSyscall.Ioctl(s_dune, DuneAbi.FlushTlb, 0) < 0) FaultReport.Fatal("DUNE_FLUSH_TLB failed");
        }

        /// <summary>
        /// <see cref="PlainHypercalls.StartThread"/>: block arguments stackTop, int* tid, int* exitTid, threadPointer,
        /// state (IBackend.StartThread). The tid, or -errno.
        /// </summary>
        private static long StartThread(HypercallBlock* b)
        {
            int index = ClaimSlot();
            if (index < 0) return -EAGAIN;
            KmodVcpu* vcpu = KmodVcpu.At(s_area, index);
            byte* hostStackTop = BackendArea.HostStackTop(s_area, index) - KmodVcpu.FpuAreaSize;
            for (ulong i = 0; i < KmodVcpu.FpuAreaSize; i++) hostStackTop[i] = 0;
            *vcpu = new KmodVcpu { Fd = -1, Tid = KmodVcpu.Starting, FpuArea = hostStackTop, FsBase = (ulong)b->A3 };
            // The exit request word is the run page's, which the new thread maps: no signal reaches it before.
            PerCpu* cpu = BackendArea.InitializeCpu(s_area, index, vcpu, null);
            cpu->Resume.Rbx = (ulong)b->A4;
            cpu->Resume.Rsp = (ulong)b->A0;
            cpu->Resume.Rip = VcpuThreads.GuestEntry();
            VcpuThreads.BeforeClone(&vcpu->SignalMask, ref s_runningVcpus);
            long tid = CloneVcpuThread(Linux.CloneThreadFlags, hostStackTop, &vcpu->Tid, (int*)b->A2, (void*)b->A3, cpu);
            return VcpuThreads.AfterClone(tid, b, &vcpu->Tid, &vcpu->SignalMask, ref s_runningVcpus);
        }

        /// <summary>A free slot, marked starting; -1 if all are taken.</summary>
        private static int ClaimSlot()
        {
            int found = -1;
            s_slotLock.Enter();
            for (int i = 0; i < BackendArea.CpuCapacity; i++)
            {
                if (KmodVcpu.At(s_area, i)->Tid != 0) continue;
                KmodVcpu.At(s_area, i)->Tid = KmodVcpu.Starting;
                found = i;
                break;
            }
            s_slotLock.Exit();
            return found;
        }

        /// <summary>The new Linux thread's first frame, on its slot's host stack (dune_kmod_clone_vcpu_thread): its vCPU, then the loop.</summary>
        [RuntimeExport("DuneKmodVcpuThread")]
        private static void VcpuThread(PerCpu* cpu)
        {
            HostSyscall.SetGsBase(cpu);
            KmodVcpu* vcpu = (KmodVcpu*)cpu->Backend;
            string error = CreateVcpu(cpu, vcpu);
            if (error != null) FaultReport.Fatal(error);
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
            DuneSregs sregs;
            KmodVcpuState.Set(&sregs, cpu, (ulong)(s_area + BackendArea.IdtOffset), vcpu->FsBase, GuestMemory.PageTableRoot, s_xsave, s_fsgsbase);
            if (HostSyscall.Ioctl(fd, DuneAbi.SetSregs, &sregs) < 0) return "a new thread's vCPU: DUNE_SET_SREGS failed";
            cpu->Signals.ExitRequest = (byte*)&run->ImmediateExit;
            return null;
        }

        /// <summary>
        /// The guest thread's exit(2): its vCPU is closed, the slot given up and the Linux thread ends; the kernel
        /// then clears the guest's exit word. Signals are blocked first: nothing may run on the slot's host stack
        /// once the slot is free.
        /// </summary>
        private static void ExitThread(PerCpu* cpu)
        {
            KmodVcpu* vcpu = (KmodVcpu*)cpu->Backend;
            VcpuThreads.BlockSignals();
            s_slotLock.Enter();
            vcpu->Tid = KmodVcpu.Exiting;
            Interlocked.Decrement(ref s_runningVcpus);
            s_slotLock.Exit();
            ReleaseVcpu(vcpu);
            VcpuThreads.Exit(&vcpu->Tid);
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
                v->Tid = 0;
            }
            ((KmodVcpu*)cpu->Backend)->Tid = (int)HostSyscall.Invoke(SyscallNumber.Gettid, 0, 0, 0, 0, 0, 0);
            s_runningVcpus = 1;
            // Another of the parent's threads may have held them at the fork.
            s_slotLock = default;
            GuestMemory.ForgetLockInChild();
        }
    }
}
