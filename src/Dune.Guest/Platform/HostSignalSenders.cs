using System.Threading;

namespace Dune.Platform
{
    /// <summary>
    /// Who sent each signal the host delivered to this process, for the ones a POSIX timer did not send (those are
    /// <see cref="HostTimerSignals"/>'): the last siginfo's si_code and its two words after it (si_pid | si_uid &lt;&lt; 32
    /// and si_value for kill and sigqueue; si_pid | si_uid &lt;&lt; 32 and si_status for SIGCHLD), which a vCPU's pending
    /// bits cannot carry. The kernel's handler (<see cref="PosixSignals"/>, in Dune mode the host half: no allocation,
    /// no waiting) records it; the sandbox's relay takes it (UserMode/HostSignalRelay). A signal that comes again before
    /// its record is taken replaces it, as its pending bit stands for both.
    /// </summary>
    public static unsafe class HostSignalSenders
    {
        private const int SiCode = 8, SiUnion = 16, SiTimer = -2;
        private const int Free = 0, Busy = 1, Full = 2, SignalCount = 64;

        private struct Table
        {
            public fixed int State[SignalCount];
            public fixed int Code[SignalCount];
            public fixed ulong Sender[SignalCount];
            public fixed ulong Detail[SignalCount];
        }

        private static Table s_table;

        /// <summary>
        /// The kernel's handler: keeps <paramref name="info"/> of signal <paramref name="number"/>. It may interrupt a
        /// <see cref="Take"/> of the same signal on its own thread, so it never waits: then the record is lost (the relay
        /// reports the kernel as the sender).
        /// </summary>
        internal static void Record(int number, byte* info)
        {
            if (info == null || number < 1 || number > SignalCount || *(int*)(info + SiCode) == SiTimer) return;
            int i = number - 1;
            fixed (Table* t = &s_table)
            {
                int state = Volatile.Read(ref t->State[i]);
                if (state == Busy || Interlocked.CompareExchange(ref t->State[i], Busy, state) != state) return;
                t->Code[i] = *(int*)(info + SiCode);
                t->Sender[i] = *(ulong*)(info + SiUnion);
                t->Detail[i] = *(ulong*)(info + SiUnion + 8);
                Volatile.Write(ref t->State[i], Full);
            }
        }

        /// <summary>Takes the record of signal <paramref name="number"/>, if there is one.</summary>
        public static bool Take(int number, out int code, out ulong sender, out ulong detail)
        {
            code = 0;
            sender = detail = 0;
            int i = number - 1;
            fixed (Table* t = &s_table)
            {
                if (Interlocked.CompareExchange(ref t->State[i], Busy, Full) != Full) return false;
                code = t->Code[i];
                sender = t->Sender[i];
                detail = t->Detail[i];
                Volatile.Write(ref t->State[i], Free);
                return true;
            }
        }
    }
}
