using System.Runtime;
using System.Runtime.CompilerServices;
using System.Threading;
using Dune.Platform;

namespace Internal.Runtime.Threads
{
    /// <summary>
    /// Stop-the-world for the collector. ilc's code polls nowhere, so a thread is stopped wherever it is: the
    /// collector sends it <see cref="StopSignal"/> (tgkill) and its handler, running on the thread's own stack,
    /// records how far down the stack goes (the kernel saved every register of the interrupted code in the signal
    /// frame above it), reports itself stopped and sleeps until the collection ends. The collector then scans each
    /// stopped thread conservatively from that point up, which covers its registers, red zone and frames. A
    /// thread blocked in a system call is stopped the same way (the call restarts or returns EINTR afterwards).
    /// A thread stopped inside the restartable part of the allocation fast path resumes at its start
    /// (Intrinsics/threads.S): its run may have been retired meanwhile.
    /// In Dune mode the signal reaches a thread's host half, which makes its vCPU leave the guest and delivers
    /// it like a registered signal (Platform/PosixSignals, Traps/SignalDelivery): the thread parks in guest ring 0,
    /// on its own stack below the trap frame that holds its registers (<see cref="StopInRing0"/>).
    /// </summary>
    internal static unsafe class Suspension
    {
        /// <summary>A real-time signal no program uses by default (glibc keeps 32 and 33 for itself).</summary>
        public const int StopSignal = 35;
        private const ulong SaSigInfo = 0x4, SaRestart = 0x10000000, SaRestorer = 0x04000000;
        private const int GregsOffset = 40, RegRip = 16;

        /// <summary>1 while a collection runs: stopped threads sleep on it.</summary>
        private static int s_stopRequested;
        /// <summary>Threads inside the stop handler: the collector waits until all others are.</summary>
        private static int s_stopped;
        /// <summary>The allocation fast paths' restartable ranges: restart and commit address of each.</summary>
        private static ulong s_newRestart, s_newCommit, s_allocRestart, s_allocCommit;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneSuspendEntryPoints")]
        private static extern ulong EntryPoints(ulong* restorer);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneGcAllocRanges")]
        private static extern void AllocationRanges(ulong* ranges);

        /// <summary>Installs the stop signal's handler; once, at start-up, in host mode.</summary>
        public static void Install()
        {
            ulong* ranges = stackalloc ulong[4];
            AllocationRanges(ranges);
            s_newRestart = ranges[0];
            s_newCommit = ranges[1];
            s_allocRestart = ranges[2];
            s_allocCommit = ranges[3];
            ulong restorer;
            ulong* action = stackalloc ulong[4];
            action[0] = EntryPoints(&restorer);
            action[1] = SaSigInfo | SaRestart | SaRestorer;
            action[2] = restorer;
            action[3] = 0;
            Syscall.Invoke(SyscallNumber.RtSigaction, StopSignal, (long)action, 0, 8);
        }

        /// <summary>Stops every registered thread but the caller; the heap lock is held.</summary>
        public static void StopOthers()
        {
            if (ThreadList.Count <= 1) return;
            int* stopped = (int*)Unsafe.AsPointer(ref s_stopped);
            // Threads still leaving the previous stop must be gone before they are counted again.
            for (int n; (n = Volatile.Read(ref s_stopped)) != 0;) Linux.FutexWait(stopped, n);
            int pid = Linux.GetPid(), others = 0;
            System.Threading.Thread.ForgetOthersIfForked(pid);
            if (ThreadList.Count <= 1) return;
            Volatile.Write(ref s_stopRequested, 1);
            ThreadState* self = ThreadState.Current;
            for (ThreadState* t = ThreadList.Head; t != null; t = t->Next)
            {
                if (t == self) continue;
                Linux.Tgkill(pid, t->Tid, StopSignal);
                others++;
            }
            for (int n; (n = Volatile.Read(ref s_stopped)) != others;) Linux.FutexWait(stopped, n);
        }

        /// <summary>Lets the threads <see cref="StopOthers"/> stopped go on.</summary>
        public static void ResumeOthers()
        {
            if (Volatile.Read(ref s_stopRequested) == 0) return;
            Volatile.Write(ref s_stopRequested, 0);
            Linux.FutexWake((int*)Unsafe.AsPointer(ref s_stopRequested), int.MaxValue);
        }

        [RuntimeExport("DuneSuspendHandler")]
        private static void OnStopSignal(int signal, byte* info, byte* context) => Park((ulong*)(context + GregsOffset) + RegRip);

        /// <summary>Dune mode: the stop signal's delivery in ring 0, with the interrupted code's rip in its trap frame.</summary>
        internal static void StopInRing0(ulong* interruptedRip) => Park(interruptedRip);

        /// <summary>
        /// Counts the thread stopped and sleeps until the collection ends; its registers are in a frame above. A thread
        /// holding a lock the collection needs (StopSafeSpinLock) owes the stop instead and parks as it lets go.
        /// </summary>
        private static void Park(ulong* rip)
        {
            ThreadState* self = ThreadState.Current;
            nuint stackMark = 0;
            if (Dune.Platform.RuntimeMappings.OweStopIfLocked((nuint)(&stackMark), self->StackTop)) return;
            RestartAllocation(rip);
            Sleep(self, (nuint)(&stackMark));
        }

        /// <summary>
        /// Code interrupted at <paramref name="rip"/> inside an allocation fast path starts it again when it resumes: a
        /// collection or a signal handler's own allocations may change the run it had read.
        /// </summary>
        internal static void RestartAllocation(ulong* rip)
        {
            if (*rip >= s_newRestart && *rip <= s_newCommit) *rip = s_newRestart;
            else if (*rip >= s_allocRestart && *rip <= s_allocCommit) *rip = s_allocRestart;
        }

        /// <summary>A stop owed by the holder of a StopSafeSpinLock, which has just let go: its callers' registers spilled below.</summary>
        internal static void ParkOwed()
        {
            nuint* registers = stackalloc nuint[6];
            Gc.GcRoots.SpillCalleeSaved(registers);
            Sleep(ThreadState.Current, (nuint)registers);
        }

        private static void Sleep(ThreadState* self, nuint stoppedSp)
        {
            self->StoppedSp = stoppedSp;
            int* stopped = (int*)Unsafe.AsPointer(ref s_stopped);
            Interlocked.Increment(ref s_stopped);
            Linux.FutexWake(stopped, 1);
            int* request = (int*)Unsafe.AsPointer(ref s_stopRequested);
            while (Volatile.Read(ref s_stopRequested) != 0) Linux.FutexWait(request, 1);
            Interlocked.Decrement(ref s_stopped);
            Linux.FutexWake(stopped, 1);
        }
    }
}
