using System.Runtime.InteropServices;
using System.Threading;
using Dune.Cpu;
using Dune.Platform;

namespace Dune.Backends.Kvm
{
    /// <summary>
    /// One vCPU per thread (README.md, "Threads"). A thread started in Dune mode asks its host half (port
    /// StartThread): the host takes a free slot of <see cref="BackendArea"/> (PerCpu, KvmVcpu, trap and host stacks),
    /// creates the slot's KVM vCPU on the VM on first use and configures it like the first one. The first time, it
    /// clones a Linux thread onto the slot's host stack; later, it hands the new thread to the slot's parked Linux
    /// thread. That thread sets its GS base to the slot's PerCpu and runs the host loop, whose guest starts at
    /// <c>dune_guest_thread_entry</c> (guest-thread-entry.S): a full TLB flush (a reused vCPU may hold stale entries), then
    /// <c>DuneThreadStart(state)</c> on the thread's own stack. The guest thread's exit hypercall frees the slot and
    /// parks the Linux thread until the next start: the vCPU keeps its owner thread, so KVM_RUN does not change the
    /// vCPU's owner (which waits for an RCU grace period), and no clone is needed.
    /// </summary>
    internal static unsafe partial class KvmHost
    {
        private const long ENOMEM = 12, EINVAL = 22;
        private const int MapShared = 0x01;

        /// <summary>Guards the slots' <see cref="KvmVcpu.Use"/> and their shootdown requests.</summary>
        private static HostLock s_vcpuLock;
        /// <summary>vCPUs running a thread; the guest reads it too (it skips shootdowns while it is 1).</summary>
        private static int s_runningVcpus;
        /// <summary>The first vCPU's configuration, which every later one repeats.</summary>
        private static bool s_xsave, s_fsgsbase;
        private static ulong s_xcr0;

        /// <summary>vCPUs running a thread (read by the guest: more than one means TLB shootdowns are needed).</summary>
        public static int RunningVcpus => Volatile.Read(ref s_runningVcpus);

        /// <summary>At entry: the first vCPU's configuration and thread.</summary>
        public static void RegisterFirstVcpu(KvmVcpu* vcpu, bool xsave, bool fsgsbase, ulong xcr0)
        {
            s_xsave = xsave;
            s_fsgsbase = fsgsbase;
            s_xcr0 = xcr0;
            vcpu->Tid = (int)HostSyscall.Invoke(SyscallNumber.Gettid, 0, 0, 0, 0, 0, 0);
            vcpu->Use = KvmVcpu.Running;
            s_runningVcpus = 1;
        }

        /// <summary>
        /// A vCPU's registers other than the general ones (set by the loop): flat segments with
        /// <paramref name="cpu"/>'s GDT, TSS and GS base, the VM's IDT and page tables, XCR0 and the initial FPU
        /// state. Null, or what failed. Buffers on the stack: several host halves may configure vCPUs at once.
        /// </summary>
        public static string ConfigureVcpu(int fd, PerCpu* cpu, ulong fsBase)
        {
            if (HostSyscall.Ioctl(fd, KvmApi.SetCpuid2, s_area + BackendArea.ScratchOffset + KvmBackend.ScratchCpuid) < 0) return "KVM_SET_CPUID2 failed";
            KvmSregs sregs;
            if (HostSyscall.Ioctl(fd, KvmApi.GetSregs, &sregs) < 0) return "KVM_GET_SREGS failed";
            KvmVcpuState.SetSegments(&sregs, cpu, (ulong)(s_area + BackendArea.IdtOffset), fsBase);
            KvmVcpuState.SetControl(&sregs, GuestMemory.PageTableRoot, s_xsave, s_fsgsbase);
            if (HostSyscall.Ioctl(fd, KvmApi.SetSregs, &sregs) < 0) return "KVM_SET_SREGS failed";
            if (s_xsave && !KvmVcpuState.SetXcr0(fd, s_xcr0)) return "KVM_SET_XCRS failed";
            if (!KvmVcpuState.SetDefaultFpu(fd)) return "KVM_SET_FPU failed";
            return null;
        }

        /// <summary>
        /// Port StartThread: block arguments stackTop, int* tid, int* exitTid, threadPointer, state (IBackend.StartThread).
        /// The tid, or -errno. A slot whose Linux thread is parked gets the new thread handed over; a slot without
        /// one clones it.
        /// </summary>
        private static long StartThread(HypercallBlock* b)
        {
            int index = ClaimSlot();
            if (index < 0) return -EAGAIN;
            PerCpu* cpu = BackendArea.Cpu(s_area, index);
            KvmVcpu* vcpu = KvmVcpu.At(s_area, index);
            long r = PrepareSlot(cpu, vcpu, index, b);
            if (r < 0)
            {
                ReleaseSlot(vcpu);
                return r;
            }
            vcpu->ExitWord = (int*)b->A2;
            vcpu->ThreadPointer = (ulong)b->A3;
            Interlocked.Increment(ref s_runningVcpus);
            long tid = vcpu->Tid;
            if (tid > 0)
            {
                VcpuThreads.HandOff(&vcpu->SignalMask, &vcpu->Handoff);
            }
            else
            {
                tid = VcpuThreads.Clone(cpu, BackendArea.HostStackTop(s_area, index), &vcpu->Tid, (void*)b->A3, &vcpu->SignalMask, &VcpuThread);
                if (tid < 0)
                {
                    Interlocked.Decrement(ref s_runningVcpus);
                    vcpu->Tid = 0;
                    ReleaseSlot(vcpu);
                    return tid;
                }
            }
            *(int*)b->A1 = (int)tid;
            return tid;
        }

        /// <summary>A free slot, marked starting: one with a parked thread first; -1 if all are taken.</summary>
        private static int ClaimSlot()
        {
            s_vcpuLock.Enter();
            int found = -1;
            for (int i = 0; i < BackendArea.CpuCapacity; i++)
            {
                KvmVcpu* v = KvmVcpu.At(s_area, i);
                if (v->Use != KvmVcpu.Free) continue;
                if (found < 0 || v->Tid > 0) found = i;
                if (v->Tid > 0) break;
            }
            if (found >= 0) KvmVcpu.At(s_area, found)->Use = KvmVcpu.Starting;
            s_vcpuLock.Exit();
            return found;
        }

        private static void ReleaseSlot(KvmVcpu* vcpu)
        {
            s_vcpuLock.Enter();
            vcpu->Use = KvmVcpu.Free;
            s_vcpuLock.Exit();
        }

        /// <summary>The slot's PerCpu (resuming at the guest thread entry), its vCPU created if new, and configured.</summary>
        private static long PrepareSlot(PerCpu* cpu, KvmVcpu* vcpu, int index, HypercallBlock* b)
        {
            if (vcpu->Run == null)
            {
                int fd = HostSyscall.Hide((int)HostSyscall.Ioctl(s_vm, KvmApi.CreateVcpu, index));
                if (fd < 0) return fd;
                long runSize = HostSyscall.Ioctl(s_kvm, KvmApi.GetVcpuMmapSize, 0);
                byte* run = runSize > 0 ? (byte*)HostSyscall.Mmap((ulong)runSize, Linux.ProtRead | Linux.ProtWrite, MapShared, fd) : null;
                if (run == null)
                {
                    // The vCPU exists in the VM now: keep its descriptor so the slot can retry mapping it.
                    vcpu->Fd = fd;
                    return -ENOMEM;
                }
                vcpu->Fd = fd;
                vcpu->Run = run;
            }
            vcpu->LastResolvedAddress = vcpu->LastResolvedRip = 0;
            vcpu->FlushRequests = 0;
            BackendArea.InitializeCpu(s_area, index, vcpu, vcpu->Run + KvmApi.RunImmediateExit);
            cpu->Resume.Rbx = (ulong)b->A4;
            cpu->Resume.Rsp = (ulong)b->A0;
            cpu->Resume.Rip = VcpuThreads.GuestEntry();
            return ConfigureVcpu(vcpu->Fd, cpu, (ulong)b->A3) == null ? 0 : -EINVAL;
        }

        /// <summary>
        /// The slot's Linux thread, on its host stack: first after its clone (VcpuThreads.Clone), then each
        /// time it is handed a new guest thread (VcpuThreads.Restart). Its FS base is the guest thread's
        /// thread pointer, like a cloned thread's.
        /// </summary>
        [UnmanagedCallersOnly]
        private static void VcpuThread(PerCpu* cpu)
        {
            KvmVcpu* vcpu = (KvmVcpu*)cpu->Backend;
            HostSyscall.SetGsBase(cpu);
            HostSyscall.Invoke(SyscallNumber.ArchPrctl, ArchSetFs, (long)vcpu->ThreadPointer, 0, 0, 0, 0);
            // From here on shootdowns kick it; one that skipped it while it was starting is covered by the entry's flush.
            Volatile.Write(ref vcpu->Use, KvmVcpu.Running);
            VcpuThreads.RestoreSignalMask(&vcpu->SignalMask);
            Loop(cpu);
        }

        /// <summary>
        /// A forked child has only the thread that forked: the other slots' vCPUs (the parent VM's, inherited
        /// descriptors and kvm_run mappings) are let go, and the slots are free, without Linux threads (the parked
        /// ones stayed in the parent).
        /// </summary>
        private static void ForgetOtherVcpus(PerCpu* cpu)
        {
            long runSize = HostSyscall.Ioctl(s_kvm, KvmApi.GetVcpuMmapSize, 0);
            for (int i = 0; i < BackendArea.CpuCapacity; i++)
            {
                KvmVcpu* v = KvmVcpu.At(s_area, i);
                if (i == cpu->Index) continue;
                if (v->Run != null)
                {
                    HostSyscall.Invoke(SyscallNumber.Munmap, (long)v->Run, runSize, 0, 0, 0, 0);
                    HostSyscall.Invoke(SyscallNumber.Close, v->Fd, 0, 0, 0, 0, 0);
                }
                *v = default;
            }
            KvmVcpu* self = (KvmVcpu*)cpu->Backend;
            self->Tid = (int)HostSyscall.Invoke(SyscallNumber.Gettid, 0, 0, 0, 0, 0, 0);
            self->Use = KvmVcpu.Running;
            self->FlushRequests = 0;
            s_runningVcpus = 1;
            // Another of the parent's threads may have held them at the fork.
            s_vcpuLock = default;
            GuestMemory.ForgetLockInChild();
        }

        /// <summary>
        /// The guest thread's exit(2): its exit word is cleared and woken (its stack may go now: this thread runs on
        /// the slot's host stack), the slot is given up (its pending shootdown requests answered, since it will not
        /// run again until its next thread's entry flushes), and the Linux thread parks, every signal blocked, until
        /// <see cref="StartThread"/> hands it the next guest thread; then it starts over at the top of its host stack.
        /// </summary>
        private static void ExitThread(PerCpu* cpu)
        {
            KvmVcpu* vcpu = (KvmVcpu*)cpu->Backend;
            // Read before the slot is free: the next start rebuilds the PerCpu.
            void* hostStackTop = BackendArea.HostStackTop(s_area, (int)cpu->Index);
            VcpuThreads.BlockSignals();
            if (vcpu->ExitWord != null)
            {
                Volatile.Write(ref *vcpu->ExitWord, 0);
                HostSyscall.Invoke(SyscallNumber.Futex, (long)vcpu->ExitWord, FutexWake, int.MaxValue, 0, 0, 0);
            }
            s_vcpuLock.Enter();
            vcpu->Use = KvmVcpu.Free;
            Interlocked.Decrement(ref s_runningVcpus);
            AcknowledgeFlushRequests(vcpu);
            s_vcpuLock.Exit();
            VcpuThreads.AwaitHandOff(&vcpu->Handoff);
            VcpuThreads.Restart(cpu, hostStackTop, &VcpuThread);
        }
    }
}
