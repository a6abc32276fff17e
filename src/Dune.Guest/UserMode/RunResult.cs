using Dune.Cpu;

namespace Dune.UserMode
{
    public enum RunEnd
    {
        /// <summary>exit or exit_group: <see cref="RunResult.ExitCode"/>.</summary>
        Exited,
        /// <summary>The policy's Kill verdict for <see cref="RunResult.SyscallNumber"/>.</summary>
        Killed,
        /// <summary>An exception no handler resolved: vector, error code, CR2, rip.</summary>
        Faulted,
        /// <summary>The program sent itself a signal whose default action ends it (<see cref="RunResult.Signal"/>): abort(), raise.</summary>
        Signaled,
    }

    /// <summary>How a ring-3 run ended. Plain data: the trap handler fills it without allocating.</summary>
    public struct RunResult
    {
        public RunEnd End;
        public int ExitCode;
        public int Signal;
        public long SyscallNumber;
        public ulong Vector, ErrorCode, Cr2, Rip;

        /// <summary>Page-fault error code bit 2: the access came from ring 3.</summary>
        public const ulong PageFaultUserBit = 4;

        public string Describe()
        {
            switch (End)
            {
                case RunEnd.Exited: return "exited with " + ExitCode.ToString();
                case RunEnd.Killed: return "killed by the policy at system call " + SyscallNumber.ToString();
                case RunEnd.Signaled: return "killed by signal " + Signal.ToString();
                default:
                    return "fault " + ExceptionVectors.Name((int)Vector) + " (vector " + Vector.ToString() + ") error 0x" +
                        ErrorCode.ToString("x") + " cr2 0x" + Cr2.ToString("x") + " rip 0x" + Rip.ToString("x");
            }
        }
    }
}
