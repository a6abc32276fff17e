using System;
using System.Collections.Generic;
using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Threading;
using Dune.Cpu;
using Internal.Runtime.Threads;

namespace Dune.Platform
{
    /// <summary>
    /// POSIX signal handlers in C# (<see cref="PosixSignalRegistration"/>), the same in host mode and in Dune mode.
    ///
    /// Host mode: a signal with registrations gets a real handler (no alternate stack, SA_RESTART as asked), so
    /// the C# handlers run on the interrupted thread's own stack, inside the kernel's signal frame: the
    /// collector scans them and the interrupted registers, and the kernel restarts or fails interrupted calls.
    /// Dune mode: the host half's handler only marks the signal pending in the vCPU's <see cref="PerCpu"/> and
    /// asks the vCPU to leave the guest; the host then injects <see cref="Traps.SignalDelivery"/>'s vector, whose
    /// ring-0 handler runs the C# handlers (<see cref="DeliverPending"/>) and resumes the interrupted code. A
    /// hypercall the signal interrupted returns EINTR or is repeated, as Linux decides with SA_RESTART.
    ///
    /// Signals without registrations keep the kernel's default disposition, so their default action (terminate,
    /// core, stop, continue, ignore) is exactly Linux's, in both modes. After the handlers, unless one set
    /// <see cref="PosixSignalContext.Cancel"/>, the default action follows: the signal is raised again with the
    /// default disposition. SIGPIPE stays ignored, as on .NET (Signals.Install): writes give EPIPE. A signal the
    /// process started with ignored (nohup's SIGHUP) stays ignored under <see cref="PosixSignalRegistration"/>, as on
    /// .NET (SIGTERM excepted): its handlers never run.
    /// </summary>
    public static unsafe class PosixSignals
    {
        /// <summary>The highest signal number (64).</summary>
        public const int MaxSignal = 64;
        private const int SigKill = 9, SigStop = 19, SigTerm = 15;
        private const ulong SigDfl = 0, SigIgn = 1;
        private const ulong SaSigInfo = 0x4, SaRestorer = 0x04000000, SaRestart = 0x10000000;
        private const int SigUnblock = 1;
        /// <summary>Where the kernel's ucontext_t keeps the interrupted rip: uc_mcontext.gregs[REG_RIP].</summary>
        private const int UcontextRip = 40 + 16 * 8;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_signal_restorer_address")]
        private static extern ulong RestorerAddress();

        private static List<PosixSignalRegistration>[] s_registrations;
        /// <summary>Bit n-1: signal n has a host handler installed.</summary>
        private static ulong s_installed;
        /// <summary>Bit n-1: calls interrupted by signal n restart (SA_RESTART).</summary>
        private static ulong s_restart;
        /// <summary>Bit n-1: signal n was ignored when first registered and is kept so (<see cref="PosixSignalRegistration"/>).</summary>
        private static ulong s_keptIgnored;

        /// <summary>The Linux number of a named or raw <see cref="PosixSignal"/>, or 0 if it names none.</summary>
        public static int ToNumber(PosixSignal signal) => signal switch
        {
            PosixSignal.SIGHUP => 1,
            PosixSignal.SIGINT => 2,
            PosixSignal.SIGQUIT => 3,
            PosixSignal.SIGTERM => 15,
            PosixSignal.SIGCHLD => 17,
            PosixSignal.SIGCONT => 18,
            PosixSignal.SIGWINCH => 28,
            PosixSignal.SIGTTIN => 21,
            PosixSignal.SIGTTOU => 22,
            PosixSignal.SIGTSTP => 20,
            _ => (int)signal > 0 && (int)signal <= MaxSignal ? (int)signal : 0,
        };

        /// <summary>
        /// Registers <paramref name="handler"/> for <paramref name="signal"/> (named, or a raw Linux number);
        /// <paramref name="restartSystemCalls"/> is SA_RESTART for every handler of that signal.
        /// </summary>
        public static PosixSignalRegistration Register(PosixSignal signal, Action<PosixSignalContext> handler, bool restartSystemCalls) =>
            Register(signal, handler, restartSystemCalls, keepInheritedIgnore: false);

        /// <summary>
        /// <see cref="Register(PosixSignal, Action{PosixSignalContext}, bool)"/>; with <paramref name="keepInheritedIgnore"/>
        /// (.NET's PosixSignalRegistration) a signal ignored before its first registration, other than SIGTERM, stays
        /// ignored: nohup's SIGHUP or a background job's SIGINT does not reach the handlers, and their default action
        /// cannot end the process.
        /// </summary>
        internal static PosixSignalRegistration Register(PosixSignal signal, Action<PosixSignalContext> handler, bool restartSystemCalls,
            bool keepInheritedIgnore)
        {
            if (handler == null) throw new ArgumentNullException(nameof(handler));
            int number = ToNumber(signal);
            if (number == 0) throw new ArgumentOutOfRangeException(nameof(signal), "Specified argument was out of the range of valid values.");
            if (number == SigKill || number == SigStop) throw new ArgumentException("SIGKILL and SIGSTOP cannot be handled.", nameof(signal));
            s_registrations ??= new List<PosixSignalRegistration>[MaxSignal + 1];
            var list = s_registrations[number] ??= new List<PosixSignalRegistration>();
            var registration = PosixSignalRegistration.Make(number, signal, handler);
            list.Add(registration);
            ulong bit = Bit(number);
            if (keepInheritedIgnore && ((s_keptIgnored & bit) != 0 || ((s_installed & bit) == 0 && number != SigTerm && IsIgnored(number))))
            {
                s_keptIgnored |= bit;
                return registration;
            }
            s_keptIgnored &= ~bit;
            s_restart = restartSystemCalls ? s_restart | bit : s_restart & ~bit;
            Install(number);
            return registration;
        }

        /// <summary>Whether signal <paramref name="number"/>'s disposition is SIG_IGN now.</summary>
        internal static bool IsIgnored(int number)
        {
            ulong* action = stackalloc ulong[4];
            return Syscall.Invoke(SyscallNumber.RtSigaction, number, 0, (long)action, 8) == 0 && action[0] == SigIgn;
        }

        internal static void Unregister(PosixSignalRegistration registration)
        {
            int number = registration.Number;
            var list = s_registrations[number];
            list.Remove(registration);
            if (list.Count == 0 && (s_keptIgnored & Bit(number)) == 0) SetDisposition(number, SigDfl, 0);
        }

        /// <summary>Entering Dune mode: every host handler again, now without SA_RESTART (restarting is the hypercall stub's decision).</summary>
        internal static void EnteredDuneMode()
        {
            for (int n = 1; n <= MaxSignal; n++)
                if ((s_installed & Bit(n)) != 0) Install(n);
            // The collector's stop signal travels the same way (its delivery parks the thread in ring 0,
            // Traps/SignalDelivery), and the calls it interrupts restart, as its host-mode handler's do.
            int stop = Internal.Runtime.Threads.Suspension.StopSignal;
            s_restart |= Bit(stop);
            SetDisposition(stop, (ulong)(delegate* unmanaged<int, void*, void*, void>)&OnHostSignal, SaSigInfo | SaRestorer,
                Backends.ForwardedCall.HandlerMask);
        }

        /// <summary>
        /// Whether the hypercall <paramref name="nr"/> interrupted by <paramref name="pending"/> restarts (host half: no
        /// allocation). An <paramref name="interruptible"/> one (Cpu/HypercallBlock.InterruptibleCallFlag) restarts only for
        /// the collector's stop: its caller decides about the others.
        /// </summary>
        internal static bool Restarts(ulong pending, bool interruptible, long nr) =>
            (pending & ~(interruptible ? Bit(Internal.Runtime.Threads.Suspension.StopSignal) : s_restart)) == 0 && !NeverRestarted(nr);

        /// <summary>signal(7): calls Linux fails with EINTR after a handler even with SA_RESTART.</summary>
        internal static bool NeverRestarted(long nr) => nr switch
        {
            7 or 271 or 23 or 270 or 232 or 281 or 441 => true,          // poll, ppoll, select, pselect6, epoll_wait, epoll_pwait(2)
            35 or 230 or 34 or 130 or 128 => true,                       // nanosleep, clock_nanosleep, pause, rt_sigsuspend, rt_sigtimedwait
            65 or 220 or 69 or 70 or 208 => true,                        // semop, semtimedop, msgsnd, msgrcv, io_getevents
            _ => false,
        };

        /// <summary>Calls a signal cannot interrupt because they never wait: the futex wakes and requeues (op in <paramref name="a1"/>).</summary>
        internal static bool NeverWaits(long nr, long a1)
        {
            const long Futex = 202, CommandMask = 127, Wake = 1, Requeue = 3, CmpRequeue = 4, WakeOp = 5, WakeBitset = 10;
            long command = a1 & CommandMask;
            return nr == Futex && (command == Wake || command == Requeue || command == CmpRequeue || command == WakeOp || command == WakeBitset);
        }

        /// <summary>Ring 0 (Traps.SignalDelivery): runs the handlers of the signals in <paramref name="pending"/>, lowest first.</summary>
        internal static void DeliverPending(ulong pending)
        {
            for (int n = 1; n <= MaxSignal; n++)
                if ((pending & Bit(n)) != 0) Deliver(n);
        }

        private static ulong Bit(int number) => 1UL << (number - 1);

        private static void Install(int number)
        {
            ulong flags = SaSigInfo | SaRestorer | (!DuneMode.IsActive && (s_restart & Bit(number)) != 0 ? SaRestart : 0);
            SetDisposition(number, (ulong)(delegate* unmanaged<int, void*, void*, void>)&OnHostSignal, flags,
                DuneMode.IsActive ? Backends.ForwardedCall.HandlerMask : 0);
            s_installed |= Bit(number);
        }

        private static void SetDisposition(int number, ulong handler, ulong flags, ulong mask = 0)
        {
            ulong* action = stackalloc ulong[4];
            action[0] = handler;
            action[1] = flags;
            action[2] = (flags & SaRestorer) != 0 ? RestorerAddress() : 0;
            action[3] = mask;
            Syscall.Invoke(SyscallNumber.RtSigaction, number, (long)action, 0, 8);
            if (handler == SigDfl) s_installed &= ~Bit(number);
        }

        /// <summary>
        /// The kernel's handler. In Dune mode this is the host half: it must not run guest code or allocate. In host mode
        /// the handlers run here unless the thread holds a runtime lock (then as it lets go: <see cref="DeliverDeferred"/>).
        /// </summary>
        [UnmanagedCallersOnly]
        private static void OnHostSignal(int number, void* info, void* context)
        {
            HostTimerSignals.Record(number, (byte*)info);
            HostSignalSenders.Record(number, (byte*)info);
            if (DuneMode.IsActive)
            {
                PerCpu* cpu = PerCpu.Current;
                cpu->Signals.Pending |= Bit(number);
                *cpu->Signals.ExitRequest = 1;
                Backends.ForwardedCall.Interrupt(context);
                return;
            }
            ThreadState* self = ThreadState.Current;
            if (self->RuntimeLocks != 0 || self->RunningHandlers != 0)
            {
                self->DeferredSignals |= Bit(number);
                return;
            }
            Suspension.RestartAllocation((ulong*)((byte*)context + UcontextRip));
            RunHandlers(self, Bit(number));
        }

        /// <summary>Host mode: the handlers of <paramref name="pending"/>, then of the signals deferred meanwhile, one at a time.</summary>
        private static void RunHandlers(ThreadState* self, ulong pending)
        {
            do
            {
                self->RunningHandlers = 1;
                do DeliverPending(pending);
                while ((pending = Interlocked.Exchange(ref self->DeferredSignals, 0)) != 0);
                self->RunningHandlers = 0;
            }
            while ((pending = Interlocked.Exchange(ref self->DeferredSignals, 0)) != 0); // deferred just before the flag went
        }

        /// <summary>
        /// The handlers of the signals that came while the thread held a runtime lock (<see cref="ThreadState.RuntimeLocks"/>),
        /// now that it holds none: in host mode here, unless handlers already run (they take them next); in Dune mode
        /// here in ring 0 unless handlers already run or Ring3 makes its last look (then the signal vector takes them,
        /// Traps/SignalDelivery), never in the host half.
        /// </summary>
        internal static void DeliverDeferred()
        {
            ThreadState* self = ThreadState.Current;
            if (!DuneMode.IsActive)
            {
                if (self->RunningHandlers == 0) RunHandlers(self, Interlocked.Exchange(ref self->DeferredSignals, 0));
                return;
            }
            if (DuneMode.CurrentPrivilegeLevel() != 0) return;
            ulong deferred;
            while ((deferred = Interlocked.Exchange(ref self->DeferredSignals, 0)) != 0) Traps.SignalDelivery.DeliverDeferred(deferred);
        }

        private static void Deliver(int number)
        {
            var list = s_registrations?[number];
            if (list == null || list.Count == 0) return;
            var context = new PosixSignalContext(default);
            for (int i = 0; i < list.Count; i++) list[i].Invoke(context);
            if (!context.Cancel) TakeDefaultAction(number);
        }

        /// <summary>
        /// The signal again with the default disposition (and unblocked: a host handler runs with it blocked), then the
        /// handler back: the kernel's own action, a stop signal's too (it returns once the process continues; nothing
        /// if the process group is orphaned, as Linux decides for SIGTSTP, SIGTTIN and SIGTTOU).
        /// </summary>
        internal static void TakeDefaultAction(int number)
        {
            SetDisposition(number, SigDfl, 0);
            ulong mask = Bit(number);
            Syscall.Invoke(SyscallNumber.RtSigprocmask, SigUnblock, (long)&mask, 0, 8);
            Syscall.Invoke(SyscallNumber.Kill, Linux.GetPid(), number);
            Install(number);
        }
    }
}
