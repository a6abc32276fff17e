namespace Dune.UserMode
{
    /// <summary>
    /// The signal Linux sends a user process for an exception it took (arch/x86/kernel/traps.c): the number,
    /// si_code and si_addr, and the sigcontext's trapno and err. <c>int n</c> through a gate ring 3 may use
    /// arrives here as vector n with rip past the 2-byte instruction, where Linux (whose gates for it are
    /// DPL 0) takes a #GP on the instruction itself: that is what the program is told. Pure.
    /// </summary>
    public static class FaultSignals
    {
        /// <summary>Signal numbers.</summary>
        public const int SigTrap = 5, SigIll = 4, SigBus = 7, SigFpe = 8, SigSegv = 11;
        /// <summary>si_code values.</summary>
        public const int FpeIntDiv = 1, FpeFltInv = 7, IllIllOpn = 2, SegvMapErr = 1, SegvAccErr = 2, BusAdrAln = 1, TrapTrace = 2;
        /// <summary>The first vector that is not a CPU exception: from ring 3, only <c>int n</c> reaches it.</summary>
        public const ulong FirstInterrupt = 32;
        private const ulong GeneralProtection = 13;

        /// <summary>
        /// The signal for exception <paramref name="vector"/> at <paramref name="rip"/>; <paramref name="resumeRip"/>
        /// is where the program's context says it was (the <c>int n</c> instruction itself for n ≥ 32).
        /// </summary>
        public static SignalInfo Of(ulong vector, ulong errorCode, ulong cr2, ulong rip, out ulong resumeRip)
        {
            resumeRip = rip;
            var info = new SignalInfo { Signal = SigSegv, Code = SignalInfo.SiKernel, TrapNumber = vector, ErrorCode = errorCode };
            switch (vector)
            {
                case 0: info.Signal = SigFpe; info.Code = FpeIntDiv; info.Value = rip; break;
                case 1: info.Signal = SigTrap; info.Code = TrapTrace; info.Value = rip; break;
                case 3: info.Signal = SigTrap; break;
                case 6: info.Signal = SigIll; info.Code = IllIllOpn; info.Value = rip; break;
                case 11: case 12: info.Signal = SigBus; break;
                case 14:
                    info.Code = (errorCode & 1) != 0 ? SegvAccErr : SegvMapErr;
                    info.Value = cr2;
                    info.Cr2 = cr2;
                    break;
                case 16: case 19: info.Signal = SigFpe; info.Code = FpeFltInv; info.Value = rip; break;
                case 17: info.Signal = SigBus; info.Code = BusAdrAln; break;
                default:
                    if (vector >= FirstInterrupt)
                    {
                        resumeRip = rip - 2;
                        info.TrapNumber = GeneralProtection;
                        info.ErrorCode = vector << 3 | 2;
                    }
                    break;
            }
            return info;
        }
    }
}
