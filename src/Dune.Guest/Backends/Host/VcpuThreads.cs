using System.Runtime;
using System.Runtime.CompilerServices;
using System.Threading;
using Dune.Cpu;
using Dune.Platform;

namespace Dune.Backends
{
    /// <summary>
    /// Starting and parking the Linux thread that drives a further vCPU, the same on either backend: the new thread
    /// starts with every signal blocked (it inherits the starter's GS base, which is not its PerCpu, and may have
    /// no vCPU yet) and restores the starter's mask once it has set up its own; a parked one, handed its next guest
    /// thread, restores the mask of the thread that started it.
    /// </summary>
    internal static unsafe class VcpuThreads
    {
        private const long SigBlock = 0, SigSetmask = 2, FutexWait = 128, FutexWake = 129;
        /// <summary>The vCPU threads clear their guest thread's exit word themselves (they outlive it, parked).</summary>
        private const ulong CloneChildCleartid = 0x01000000;


        /// <summary>Where a vCPU of a new thread starts in the guest: <c>dune_guest_thread_entry</c> (guest-thread-entry.S), with rbx = its ThreadState, rsp = its stack top.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_guest_thread_entry_address")]
        public static extern ulong GuestEntry();

        /// <summary>
        /// Clones the Linux thread of the vCPU of <paramref name="cpu"/> onto <paramref name="hostStackTop"/>, where it
        /// runs <paramref name="entry"/>(cpu) with FS base <paramref name="threadPointer"/> and its tid in *<paramref name="tid"/>.
        /// It starts with every signal blocked and restores the caller's mask, kept in <paramref name="signalMask"/>,
        /// once it has set itself up (<see cref="RestoreSignalMask"/>). Returns the tid or -errno.
        /// </summary>
        public static long Clone(PerCpu* cpu, void* hostStackTop, int* tid, void* threadPointer, ulong* signalMask,
            delegate* unmanaged<PerCpu*, void> entry)
        {
            ulong all = ~0UL;
            HostSyscall.Invoke(SyscallNumber.RtSigprocmask, SigBlock, (long)&all, (long)signalMask, 8, 0, 0);
            long result = Linux.CloneThread(Linux.CloneThreadFlags & ~CloneChildCleartid, hostStackTop, tid, null, threadPointer, cpu, entry);
            RestoreSignalMask(signalMask);
            return result;
        }

        /// <summary>A parked vCPU thread handed its next guest thread starts over in <paramref name="entry"/>(cpu) at the top of its host stack (DuneRestartThread, threads.S).</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneRestartThread")]
        public static extern void Restart(PerCpu* cpu, void* hostStackTop, delegate* unmanaged<PerCpu*, void> entry);

        /// <summary>Before handing a parked vCPU thread its next guest thread: the mask it restores is the caller's, as a cloned thread's would be.</summary>
        public static void SaveSignalMask(ulong* signalMask) =>
            HostSyscall.Invoke(SyscallNumber.RtSigprocmask, SigBlock, 0, (long)signalMask, 8, 0, 0);

        /// <summary>
        /// Hands a parked vCPU thread (<see cref="AwaitHandOff"/>) its next guest thread, whose state the caller has set
        /// in the slot: it takes the caller's signal mask (<paramref name="signalMask"/>), as a cloned thread would.
        /// </summary>
        public static void HandOff(ulong* signalMask, int* handoff)
        {
            SaveSignalMask(signalMask);
            Volatile.Write(ref *handoff, 1);
            HostSyscall.Invoke(SyscallNumber.Futex, (long)handoff, FutexWake, 1, 0, 0, 0);
        }

        /// <summary>A vCPU thread whose guest thread exited, its slot freed: sleeps until <see cref="HandOff"/>.</summary>
        public static void AwaitHandOff(int* handoff)
        {
            while (Volatile.Read(ref *handoff) == 0)
                HostSyscall.Invoke(SyscallNumber.Futex, (long)handoff, FutexWait, 0, 0, 0, 0);
            *handoff = 0;
        }

        /// <summary>On the new thread, once it drives its vCPU: the signal mask its starter had.</summary>
        public static void RestoreSignalMask(ulong* signalMask) =>
            HostSyscall.Invoke(SyscallNumber.RtSigprocmask, SigSetmask, (long)signalMask, 0, 8, 0, 0);

        /// <summary>Before a vCPU thread gives up its slot: no signal may run on the slot's host stack once it is free.</summary>
        public static void BlockSignals()
        {
            ulong all = ~0UL;
            HostSyscall.Invoke(SyscallNumber.RtSigprocmask, SigBlock, (long)&all, 0, 8, 0, 0);
        }
    }
}
