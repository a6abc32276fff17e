namespace Dune.UserMode
{
    /// <summary>
    /// What a pending signal carries into the program's siginfo_t: its number, si_code and the union words the
    /// monitor's senders fill (at offset 16: si_addr for a fault, si_pid | si_uid &lt;&lt; 32 for kill, si_tid |
    /// si_overrun &lt;&lt; 32 for a POSIX timer; at offset 24: a timer's si_value).
    /// </summary>
    public struct SignalInfo
    {
        /// <summary>si_code values: sent by kill (SI_USER), tkill/tgkill (SI_TKILL), a POSIX timer (SI_TIMER), the kernel (SI_KERNEL).</summary>
        public const int SiUser = 0, SiTkill = -6, SiTimer = -2, SiKernel = 0x80;

        /// <summary>si_signo.</summary>
        public int Signal;
        /// <summary>si_code.</summary>
        public int Code;
        /// <summary>The 8 bytes at offset 16.</summary>
        public ulong Value;
        /// <summary>The 8 bytes at offset 24.</summary>
        public ulong Sigval;
        /// <summary>For a fault: the exception's vector (sigcontext trapno), error code (err) and CR2; rip already adjusted.</summary>
        public ulong TrapNumber, ErrorCode, Cr2;

        /// <summary>A signal from the kernel (a timer, the terminal, a limit, a broken pipe).</summary>
        public static SignalInfo FromKernel(int signal) => new SignalInfo { Signal = signal, Code = SiKernel };

        /// <summary>A signal sent by process <paramref name="pid"/> of user <paramref name="uid"/> with kill (<see cref="SiUser"/>) or tgkill (<see cref="SiTkill"/>).</summary>
        public static SignalInfo FromProcess(int signal, int code, uint pid, uint uid) =>
            new SignalInfo { Signal = signal, Code = code, Value = pid | (ulong)uid << 32 };

        /// <summary>What another sender's siginfo_t carried (sigqueue's, or the host's for a relayed signal): si_code and the words at offsets 16 and 24.</summary>
        public static SignalInfo FromSiginfo(int signal, int code, ulong at16, ulong at24) =>
            new SignalInfo { Signal = signal, Code = code, Value = at16, Sigval = at24 };

        /// <summary>A POSIX timer's signal: <paramref name="timerAndOverrun"/> is si_tid | si_overrun &lt;&lt; 32, <paramref name="sigval"/> the sigevent's value.</summary>
        public static SignalInfo FromTimer(int signal, ulong timerAndOverrun, ulong sigval) =>
            new SignalInfo { Signal = signal, Code = SiTimer, Value = timerAndOverrun, Sigval = sigval };

        /// <summary>A POSIX timer's signal: its timer id (si_tid).</summary>
        public int TimerId => (int)(uint)Value;

        /// <summary>A POSIX timer's signal: its si_overrun, the expiries that came while it was pending.</summary>
        public int Overrun => (int)(uint)(Value >> 32);

        /// <summary>
        /// This pending timer signal after <paramref name="later"/>, the same timer's next one, came while it was pending:
        /// as Linux queues a timer's signal once, its overrun counts that expiry and the ones <paramref name="later"/> had
        /// counted itself (<see cref="Dune.Platform.HostTimerSignals.WithLater"/>). False if they are not the same timer's.
        /// </summary>
        public bool TryMergeTimer(in SignalInfo later)
        {
            if (Code != SiTimer || later.Code != SiTimer || TimerId != later.TimerId) return false;
            Value = Dune.Platform.HostTimerSignals.WithLater(Value, later.Value);
            return true;
        }
    }
}
