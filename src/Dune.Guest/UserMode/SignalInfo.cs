namespace Dune.UserMode
{
    /// <summary>
    /// What a pending signal carries into the program's siginfo_t: its number, si_code and the one union field
    /// the monitor's senders fill (at offset 16: si_addr for a fault, or si_pid | si_uid &lt;&lt; 32 for kill).
    /// </summary>
    public struct SignalInfo
    {
        /// <summary>si_code values: sent by kill (SI_USER), tkill/tgkill (SI_TKILL), the kernel (SI_KERNEL).</summary>
        public const int SiUser = 0, SiTkill = -6, SiKernel = 0x80;

        /// <summary>si_signo.</summary>
        public int Signal;
        /// <summary>si_code.</summary>
        public int Code;
        /// <summary>The 8 bytes at offset 16.</summary>
        public ulong Value;
        /// <summary>For a fault: the exception's vector (sigcontext trapno), error code (err) and CR2; rip already adjusted.</summary>
        public ulong TrapNumber, ErrorCode, Cr2;

        /// <summary>A signal from the kernel (a timer, the terminal, a limit, a broken pipe).</summary>
        public static SignalInfo FromKernel(int signal) => new SignalInfo { Signal = signal, Code = SiKernel };

        /// <summary>A signal sent by process <paramref name="pid"/> of user <paramref name="uid"/> with kill (<see cref="SiUser"/>) or tgkill (<see cref="SiTkill"/>).</summary>
        public static SignalInfo FromProcess(int signal, int code, uint pid, uint uid) =>
            new SignalInfo { Signal = signal, Code = code, Value = pid | (ulong)uid << 32 };
    }
}
