using System.Threading;

namespace Dune.Platform
{
    /// <summary>
    /// The siginfo of the POSIX-timer signals (si_code SI_TIMER) the host delivered to this process and nobody took
    /// yet, one slot per timer: its signal, si_tid | si_overrun &lt;&lt; 32 and si_value, which the pending bits of a vCPU
    /// (<see cref="Dune.Cpu.SignalState.Pending"/>) cannot carry. The kernel's handler (<see cref="PosixSignals"/>, in Dune
    /// mode the host half: no allocation, no waiting) records it before the signal's handlers run; the sandbox's relay
    /// takes them (UserMode/HostSignalRelay), several timers' through one signal number too. A second signal of the same
    /// timer before the first is taken counts as an overrun of the first (as Linux counts expiries while a timer's signal
    /// is queued). Timers belong to the process, so the table is one per process, in non-GC statics.
    /// </summary>
    public static unsafe class HostTimerSignals
    {
        private const int SiCode = 8, SiUnion = 16, SiTimer = -2;
        /// <summary>More timers with a signal waiting at once than this lose the newest signals.</summary>
        private const int Slots = 64;
        private const int Free = 0, Busy = 1, Full = 2;

        /// <summary>Slot i: its state (<see cref="Free"/>, <see cref="Busy"/>: one side reads or writes it, <see cref="Full"/>), signal and siginfo words.</summary>
        private struct Table
        {
            public fixed int State[Slots];
            public fixed int Signal[Slots];
            public fixed ulong TimerAndOverrun[Slots];
            public fixed ulong Sigval[Slots];
        }

        private static Table s_table;

        /// <summary>
        /// The kernel's handler: keeps <paramref name="info"/> of signal <paramref name="number"/> if a POSIX timer sent it.
        /// It may interrupt a <see cref="Take"/> on its own thread (the vCPU stopped inside it), so it never waits for a
        /// slot another side holds: it takes the next one.
        /// </summary>
        internal static void Record(int number, byte* info)
        {
            if (info == null || *(int*)(info + SiCode) != SiTimer) return;
            ulong timerAndOverrun = *(ulong*)(info + SiUnion), sigval = *(ulong*)(info + SiUnion + 8);
            uint timer = (uint)timerAndOverrun;
            fixed (Table* t = &s_table)
            {
                for (int k = 0; k < Slots; k++)
                {
                    int i = (int)((timer + (uint)k) % Slots);
                    if (Volatile.Read(ref t->State[i]) != Full || (uint)t->TimerAndOverrun[i] != timer || t->Signal[i] != number) continue;
                    if (Interlocked.CompareExchange(ref t->State[i], Busy, Full) != Full) continue;
                    bool same = (uint)t->TimerAndOverrun[i] == timer && t->Signal[i] == number;
                    if (same)
                    {
                        t->TimerAndOverrun[i] = WithLater(t->TimerAndOverrun[i], timerAndOverrun);
                        t->Sigval[i] = sigval;
                    }
                    Volatile.Write(ref t->State[i], Full);
                    if (same) return;
                }
                for (int k = 0; k < Slots; k++)
                {
                    int i = (int)((timer + (uint)k) % Slots);
                    if (Interlocked.CompareExchange(ref t->State[i], Busy, Free) != Free) continue;
                    t->Signal[i] = number;
                    t->TimerAndOverrun[i] = timerAndOverrun;
                    t->Sigval[i] = sigval;
                    Volatile.Write(ref t->State[i], Full);
                    return;
                }
            }
        }

        /// <summary>
        /// si_tid | si_overrun &lt;&lt; 32 of a timer's pending signal after the same timer's <paramref name="later"/> one
        /// came: that expiry and those it counted itself become overruns (at most int.MaxValue, Linux's DELAYTIMER_MAX).
        /// </summary>
        public static ulong WithLater(ulong pending, ulong later)
        {
            ulong overrun = (pending >> 32) + 1 + (later >> 32);
            return (uint)pending | (overrun > int.MaxValue ? int.MaxValue : overrun) << 32;
        }

        /// <summary>Takes a recorded timer siginfo of signal <paramref name="number"/> (one timer's), if there is one.</summary>
        public static bool Take(int number, out ulong timerAndOverrun, out ulong sigval)
        {
            timerAndOverrun = sigval = 0;
            fixed (Table* t = &s_table)
            {
                for (int i = 0; i < Slots; i++)
                {
                    if (Volatile.Read(ref t->State[i]) != Full || t->Signal[i] != number) continue;
                    if (Interlocked.CompareExchange(ref t->State[i], Busy, Full) != Full) continue;
                    if (t->Signal[i] != number)
                    {
                        Volatile.Write(ref t->State[i], Full);
                        continue;
                    }
                    timerAndOverrun = t->TimerAndOverrun[i];
                    sigval = t->Sigval[i];
                    Volatile.Write(ref t->State[i], Free);
                    return true;
                }
                return false;
            }
        }
    }
}
