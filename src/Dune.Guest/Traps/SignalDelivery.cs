using Dune.Cpu;
using Dune.Platform;
using Internal.Runtime.Threads;

namespace Dune.Traps
{
    /// <summary>
    /// POSIX signals in Dune mode: the host injects <see cref="Vector"/> into the vCPU (Backends/Kvm), and its
    /// handler here runs the C# handlers of the CPU's pending signals in ring 0, on the interrupted stack, then
    /// resumes the interrupted code. The interrupted hypercall's block is kept across them (their own system
    /// calls use it too), so a call they interrupted returns or restarts as the host decided.
    /// </summary>
    internal static unsafe class SignalDelivery
    {
        /// <summary>Reserved for signal delivery: programs must not register a handler for it.</summary>
        public const Vector Vector = (Vector)0xFE;
        /// <summary>The collector's stop signal in <see cref="PerCpu.Signals"/>.Pending: also delivered inside a running handler.</summary>
        public const ulong StopPending = 1UL << (Internal.Runtime.Threads.Suspension.StopSignal - 1);

        public static void Install() => Traps.Register(Vector, &OnSignal);

        private static TrapAction OnSignal(ref TrapFrame frame)
        {
            // From ring 3 (a UserMode run) the handler would run on the trap stack, where the collector cannot:
            // the signals stay pending and the host injects the vector again after the next exit.
            if (frame.FromUserMode) return TrapAction.Resume;
            PerCpu* cpu = PerCpu.Current;
            // Likewise from a handler running on the trap stack (a ring-3 trap's): the trap's own exit delivers them.
            if (OnTrapStack(cpu, frame.Rsp)) return TrapAction.Resume;
            // Handlers and a collection may change the allocation run the interrupted code read. Always, before
            // anything: dune.ko delivers regardless of IF, so another delivery may run them before this one looks.
            fixed (ulong* interruptedRip = &frame.Rip) Suspension.RestartAllocation(interruptedRip);
            HypercallBlock interrupted = cpu->Hypercall;
            // Nested in a running handler (the host injects that only for a collection): stop, nothing else.
            bool nested = cpu->Signals.Delivering != 0;
            ulong wanted = nested ? StopPending : ~0UL;
            ThreadState* self = ThreadState.Current;
            ulong pending;
            do
            {
                cpu->Signals.Delivering = 1;
                while ((pending = cpu->Signals.Pending & wanted) != 0)
                {
                    cpu->Signals.Pending &= ~pending;
                    if ((pending & StopPending) != 0)
                    {
                        fixed (ulong* rip = &frame.Rip) Suspension.StopInRing0(rip);
                    }
                    pending &= ~StopPending;
                    if (pending == 0) continue;
                    // The interrupted code holds a lock the handlers may need: they run as it lets go of it.
                    if (self->RuntimeLocks != 0)
                    {
                        self->DeferredSignals |= pending;
                        continue;
                    }
                    PosixSignals.DeliverPending(pending);
                    cpu->Signals.HandlersRan = 1;
                }
                if (!nested) cpu->Signals.Delivering = 0;
            }
            while (!nested && cpu->Signals.Pending != 0); // one that came after the last look, while Delivering held the host back
            cpu->Hypercall = interrupted;
            return TrapAction.Resume;
        }

        /// <summary>
        /// Handlers of signals deferred while this thread held a runtime lock (<see cref="ThreadState.RuntimeLocks"/>),
        /// which it just let go; if handlers already run or Ring3 makes its last look (Delivering), the signals become
        /// this CPU's pending ones again, which whoever clears Delivering looks at.
        /// </summary>
        internal static void DeliverDeferred(ulong pending)
        {
            PerCpu* cpu = PerCpu.Current;
            if (cpu->Signals.Delivering != 0)
            {
                cpu->Signals.Pending |= pending;
                return;
            }
            HypercallBlock interrupted = cpu->Hypercall;
            do
            {
                cpu->Signals.Delivering = 1;
                // With ones the host held back meanwhile (a stop waits for the vector, which restarts an allocation).
                pending |= cpu->Signals.Pending & ~StopPending;
                cpu->Signals.Pending &= ~pending;
                if (pending != 0)
                {
                    PosixSignals.DeliverPending(pending);
                    cpu->Signals.HandlersRan = 1;
                }
                pending = 0;
                cpu->Signals.Delivering = 0;
            }
            while ((cpu->Signals.Pending & ~StopPending) != 0);
            cpu->Hypercall = interrupted;
        }

        private static bool OnTrapStack(PerCpu* cpu, ulong rsp)
        {
            ulong low = *(ulong*)(cpu->Tss + Tss64.IstOffset(2)) - SystemTables.FatalStackSize;
            return rsp >= low && rsp - low <= SystemTables.TrapStackSize;
        }
    }
}
