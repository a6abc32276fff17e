using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Dune.Cpu;
using Dune.Platform;

namespace Dune.Backends
{
    /// <summary>
    /// A delivery the host half may not make now, because the vCPU stopped in <see cref="CrossingCode"/>: the host runs
    /// the guest on with a one-shot timer armed on its own thread, whose signal (<see cref="Signal"/>) brings the vCPU
    /// out again after <see cref="RetryNanoseconds"/> (the crossings are a few dozen instructions), and tries again at
    /// that exit or any earlier one. The guest needs no exit of its own: a thread spinning in ring 3 without system
    /// calls still takes the collector's stop. Why not step the guest out instead: the trap flag does not survive
    /// SYSRETQ (the single-step trap follows the new RFLAGS), and dune.ko has no interrupt-window exit.
    /// The timer is armed only around one run and disarmed as soon as the run returns, so it never interrupts
    /// the host half's own calls; its handler asks for the exit only while signals are pending.
    /// </summary>
    internal static unsafe class DeliveryRetry
    {
        /// <summary>The retry timer's signal (35 is the collector's stop, 36 the KVM host halves' kick): reserved in Dune mode.</summary>
        public const int Signal = 37;
        private const long RetryNanoseconds = 20_000;
        private const long TimerCreate = 222, TimerSettime = 223, ClockMonotonic = 1, SigevThreadId = 4;

        /// <summary>At entry: the timer signal's handler (SA_RESTART: the host half's own calls go on).</summary>
        public static bool InstallHandler() => HostSignalHandlers.Install(Signal, &OnRetry);

        /// <summary>
        /// Before the next run, when signals are due for <paramref name="cpu"/>: true (and the timer armed) if the vCPU
        /// stopped at <paramref name="rip"/> inside the crossing code, so the caller must not deliver now.
        /// </summary>
        public static bool Defer(PerCpu* cpu, ulong rip)
        {
            if (!CrossingCode.Contains(rip)) return false;
            Arm(cpu);
            return true;
        }

        /// <summary>Before a run that leaves a due delivery undone for another reason (KVM has an event in flight).</summary>
        public static void Arm(PerCpu* cpu)
        {
            int tid = (int)HostSyscall.Invoke(SyscallNumber.Gettid, 0, 0, 0, 0, 0, 0);
            if (cpu->Signals.RetryTimerTid != tid)
            {
                int* sigevent = stackalloc int[16];
                for (int i = 0; i < 16; i++) sigevent[i] = 0;
                sigevent[2] = Signal;
                sigevent[3] = (int)SigevThreadId;
                sigevent[4] = tid;
                int id;
                if (HostSyscall.Invoke(TimerCreate, ClockMonotonic, (long)sigevent, (long)&id, 0, 0, 0) < 0)
                    FaultReport.Fatal("cannot create the timer that retries a signal delivery");
                cpu->Signals.RetryTimer = id;
                cpu->Signals.RetryTimerTid = tid;
            }
            Set(cpu, RetryNanoseconds);
        }

        /// <summary>
        /// After the run the timer was armed for. A collector's stop still owed raises the exit request again until the
        /// loop looks next: a call forwarded at this exit (the guest left the crossing code and asked for a futex wait)
        /// is then not started and repeated after the stop (<see cref="ForwardedCall"/>), instead of sleeping with the
        /// stop unseen while the collection waits for it. Other signals leave the call alone (one that never waits must
        /// not fail with EINTR): they are delivered after it, later than Linux would if it waits long.
        /// </summary>
        public static void Disarm(PerCpu* cpu)
        {
            Set(cpu, 0);
            if ((cpu->Signals.Pending & Traps.SignalDelivery.StopPending) != 0) *cpu->Signals.ExitRequest = 1;
        }

        private static void Set(PerCpu* cpu, long nanoseconds)
        {
            long* spec = stackalloc long[4];
            spec[0] = 0;
            spec[1] = 0;
            spec[2] = 0;
            spec[3] = nanoseconds;
            HostSyscall.Invoke(TimerSettime, cpu->Signals.RetryTimer, 0, (long)spec, 0, 0, 0);
        }

        /// <summary>On the vCPU's thread (GS base is its PerCpu): the run ends now if a delivery is still owed.</summary>
        [UnmanagedCallersOnly]
        private static void OnRetry(int signal, void* info, void* context)
        {
            PerCpu* cpu = PerCpu.Current;
            if (cpu->Signals.Pending != 0) *cpu->Signals.ExitRequest = 1;
        }
    }
}
