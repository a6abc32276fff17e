using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using Dune.Cpu;
using Dune.Platform;

namespace Dune.Backends.Kvm
{
    /// <summary>
    /// TLB shootdown across vCPUs (README.md, "TLB shootdown"). The initiator is a host half: after the guest's
    /// Shootdown exit (Dune.Memory changed shared page tables, IBackend.ShootdownTlb) or after it changed the mirror
    /// itself (munmap, mprotect...). It records its request in every other running vCPU's slot and kicks that
    /// vCPU's thread with <see cref="KickSignal"/>. The kicked thread's handler runs wherever the thread is (KVM_RUN
    /// then returns; a system call of its host half restarts), queues an NMI on its own vCPU (KVM_NMI: taken before
    /// the guest's next instruction, whatever RFLAGS.IF says) and acknowledges; the guest's NMI entry (traps.S)
    /// flushes the whole TLB. The initiator returns once every kicked vCPU has acknowledged.
    /// </summary>
    internal static unsafe partial class KvmHost
    {
        /// <summary>The host halves' kick (the collector's stop signal is 35): reserved in Dune mode.</summary>
        public const int KickSignal = 36;
        private const long FutexWait = 128, FutexWake = 129;

        /// <summary>At entry: the kick's handler, with SA_RESTART so the host half's own system calls go on.</summary>
        public static bool InstallKickHandler() => HostSignalHandlers.Install(KickSignal, &OnKick);

        /// <summary>Flushes every other running vCPU's TLB (the caller's is its own business); returns when all have acknowledged.</summary>
        internal static void Shootdown(PerCpu* cpu)
        {
            if (RunningVcpus <= 1) return;
            KvmVcpu* self = (KvmVcpu*)cpu->Backend;
            ulong bit = 1UL << (int)cpu->Index;
            long pid = HostSyscall.Invoke(SyscallNumber.Getpid, 0, 0, 0, 0, 0, 0);
            int kicked = 0;
            Volatile.Write(ref self->FlushAcks, 0);
            s_vcpuLock.Enter();
            for (int i = 0; i < BackendArea.CpuCapacity; i++)
            {
                KvmVcpu* target = KvmVcpu.At(s_area, i);
                int tid = Volatile.Read(ref target->Tid);
                if (target == self || tid <= 0 || Volatile.Read(ref target->Use) != KvmVcpu.Running) continue;
                Interlocked.Or(ref target->FlushRequests, bit);
                HostSyscall.Invoke(SyscallNumber.Tgkill, pid, tid, KickSignal, 0, 0, 0);
                kicked++;
            }
            s_vcpuLock.Exit();
            for (int n; (n = Volatile.Read(ref self->FlushAcks)) < kicked;)
                HostSyscall.Invoke(SyscallNumber.Futex, (long)&self->FlushAcks, FutexWait, n, 0, 0, 0);
        }

        /// <summary>The kick's handler, on the vCPU's thread (its GS base is its PerCpu).</summary>
        [UnmanagedCallersOnly]
        private static void OnKick(int signal, void* info, void* context)
        {
            KvmVcpu* vcpu = (KvmVcpu*)PerCpu.Current->Backend;
            if (Volatile.Read(ref vcpu->FlushRequests) == 0) return;
            HostSyscall.Ioctl(vcpu->Fd, KvmApi.Nmi, 0);
            AcknowledgeFlushRequests(vcpu);
        }

        /// <summary>Tells every vCPU waiting for this one's flush that it is done (or that it will never run again).</summary>
        private static void AcknowledgeFlushRequests(KvmVcpu* vcpu)
        {
            ulong requests = Interlocked.Exchange(ref vcpu->FlushRequests, 0);
            for (int i = 0; requests != 0; i++, requests >>= 1)
            {
                if ((requests & 1) == 0) continue;
                KvmVcpu* initiator = KvmVcpu.At(s_area, i);
                Interlocked.Increment(ref initiator->FlushAcks);
                HostSyscall.Invoke(SyscallNumber.Futex, (long)&initiator->FlushAcks, FutexWake, 1, 0, 0, 0);
            }
        }
    }
}
