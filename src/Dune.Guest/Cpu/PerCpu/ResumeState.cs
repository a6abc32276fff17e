using System.Runtime.InteropServices;

namespace Dune.Cpu
{
    /// <summary>Where the guest continues after entry (callee-saved registers, rsp and rip), captured by the backend's entry stub.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct ResumeState
    {
        /// <summary>The callee-saved registers, stack pointer and instruction pointer to resume with.</summary>
        public ulong Rbx, Rbp, R12, R13, R14, R15, Rsp, Rip;
    }
}
