using Dune.Cpu;

namespace Dune.UserMode
{
    /// <summary>How a ring-3 run ended (<see cref="RunResult.End"/>).</summary>
    public enum RunEnd
    {
        /// <summary>exit or exit_group: <see cref="RunResult.ExitCode"/>.</summary>
        Exited,
        /// <summary>The policy's Kill verdict for <see cref="RunResult.SyscallNumber"/>.</summary>
        Killed,
        /// <summary>An exception neither a trap handler nor the program's signal handler took: vector, error code, CR2, rip, and the signal Linux would have ended it with.</summary>
        Faulted,
        /// <summary>A signal whose default action ends the program (<see cref="RunResult.Signal"/>): abort(), raise, kill, a relayed host signal, a limit.</summary>
        Signaled,
    }

    /// <summary>How a ring-3 run ended. Plain data: the trap handler fills it without allocating.</summary>
    public struct RunResult
    {
        /// <summary>How the run ended; the fields below that apply to it are set.</summary>
        public RunEnd End;
        /// <summary>The argument of exit or exit_group (<see cref="RunEnd.Exited"/>).</summary>
        public int ExitCode;
        /// <summary>The run ended with exit, not exit_group: in a thread other than the first, only that thread ends.</summary>
        public bool ThreadOnly;
        /// <summary>The signal that ended the program (<see cref="RunEnd.Signaled"/>, <see cref="RunEnd.Faulted"/>).</summary>
        public int Signal;
        /// <summary>The system call the policy killed the run at (<see cref="RunEnd.Killed"/>).</summary>
        public long SyscallNumber;
        /// <summary>The unhandled exception (<see cref="RunEnd.Faulted"/>): vector, error code, CR2 for a #PF, and where.</summary>
        public ulong Vector, ErrorCode, Cr2, Rip;

        /// <summary>Page-fault error code bit 2: the access came from ring 3.</summary>
        public const ulong PageFaultUserBit = 4;

        /// <summary>One line for people: "exited with N", "killed by the policy at system call N" or the fault.</summary>
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
