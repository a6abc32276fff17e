namespace Dune.Traps
{
    /// <summary>What the trap entry (traps.S) saves on the IST stack, lowest address first.</summary>
    public struct TrapFrame
    {
        public ulong Cr2, R15, R14, R13, R12, R11, R10, R9, R8, Rbp, Rdi, Rsi, Rdx, Rcx, Rbx, Rax;
        public ulong Vector, ErrorCode;
        // Pushed by the CPU.
        public ulong Rip, Cs, Rflags, Rsp, Ss;
    }
}
