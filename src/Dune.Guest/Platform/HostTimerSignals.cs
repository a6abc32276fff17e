using System.Threading;

namespace Dune.Platform
{
    /// <summary>
    /// The siginfo of the last POSIX-timer signal (si_code SI_TIMER) the host delivered to this process, per signal
    /// number: si_tid | si_overrun &lt;&lt; 32 and si_value, which the pending bits of a vCPU
    /// (<see cref="Dune.Cpu.SignalState.Pending"/>) cannot carry. The kernel's handler (<see cref="PosixSignals"/>, in Dune
    /// mode the host half: no allocation) records it before the signal's handlers run; the sandbox's relay takes it
    /// (UserMode/HostSignalRelay). Timers belong to the process, so the table is one per process, in non-GC statics.
    /// A second signal of the same timer before the first is taken counts as an overrun of the first (as Linux counts
    /// expiries while a timer's signal is queued); one of another timer with the same number replaces it.
    /// </summary>
    public static unsafe class HostTimerSignals
    {
        private const int SiCode = 8, SiUnion = 16, SiTimer = -2, MaxSignal = 64;

        private struct Table
        {
            /// <summary>Per signal n: words 2n (offset 16 of its siginfo) and 2n + 1 (offset 24).</summary>
            public fixed ulong Words[2 * (MaxSignal + 1)];
            /// <summary>Per signal n: 1 while a recorded siginfo waits to be taken.</summary>
            public fixed int Full[MaxSignal + 1];
        }

        private static Table s_table;

        /// <summary>The kernel's handler: keeps <paramref name="info"/> of signal <paramref name="number"/> if a POSIX timer sent it.</summary>
        internal static void Record(int number, byte* info)
        {
            if (info == null || *(int*)(info + SiCode) != SiTimer) return;
            fixed (Table* table = &s_table)
            {
                ulong timerAndOverrun = *(ulong*)(info + SiUnion), pending = table->Words[2 * number];
                if (Volatile.Read(ref table->Full[number]) != 0 && (uint)pending == (uint)timerAndOverrun)
                    timerAndOverrun = WithLater(pending, timerAndOverrun);
                table->Words[2 * number] = timerAndOverrun;
                table->Words[2 * number + 1] = *(ulong*)(info + SiUnion + 8);
                Volatile.Write(ref table->Full[number], 1);
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

        /// <summary>Takes the recorded timer siginfo of signal <paramref name="number"/>, if there is one.</summary>
        public static bool Take(int number, out ulong timerAndOverrun, out ulong sigval)
        {
            fixed (Table* table = &s_table)
            {
                timerAndOverrun = sigval = 0;
                if (Interlocked.Exchange(ref table->Full[number], 0) == 0) return false;
                timerAndOverrun = table->Words[2 * number];
                sigval = table->Words[2 * number + 1];
                return true;
            }
        }
    }
}
