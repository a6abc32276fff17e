namespace Dune.Traps
{
    /// <summary>
    /// The interrupted context as the trap entry (traps.S) saved it, lowest address first. A handler may change
    /// any field: the trap entry restores the registers, RIP, RFLAGS and RSP from it when it resumes.
    /// </summary>
    public struct TrapFrame
    {
        /// <summary>CR2 at entry: the faulting address of a #PF (meaningless for other vectors).</summary>
        public ulong Cr2;
        public ulong R15, R14, R13, R12, R11, R10, R9, R8, Rbp, Rdi, Rsi, Rdx, Rcx, Rbx, Rax;
        public ulong Vector, ErrorCode;
        // Pushed by the CPU.
        public ulong Rip, Cs, Rflags, Rsp, Ss;

        /// <summary>The privilege level the trap came from (the low bits of the saved CS): 0 or 3.</summary>
        public readonly int Ring => (int)(Cs & 3);

        public readonly bool FromUserMode => Ring == 3;

        /// <summary>Advances <see cref="Rip"/> past <paramref name="bytes"/> bytes of code (the handler knows the instruction's length).</summary>
        public void Skip(int bytes) => Rip += (ulong)bytes;
    }
}
