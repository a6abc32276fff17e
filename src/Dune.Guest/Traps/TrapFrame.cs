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
        /// <summary>The general registers at the trap; the trap entry loads them back when the handler resumes.</summary>
        public ulong R15, R14, R13, R12, R11, R10, R9, R8, Rbp, Rdi, Rsi, Rdx, Rcx, Rbx, Rax;
        /// <summary>The vector (0..255) and the error code the CPU pushed (0 for vectors without one); see <see cref="PageFaultError"/> for a #PF.</summary>
        public ulong Vector, ErrorCode;
        /// <summary>Pushed by the CPU: where to resume (RIP), the code segment (its low bits are the ring), flags and the interrupted stack.</summary>
        public ulong Rip, Cs, Rflags, Rsp, Ss;

        /// <summary>The privilege level the trap came from (the low bits of the saved CS): 0 or 3.</summary>
        public readonly int Ring => (int)(Cs & 3);

        /// <summary>Whether the trap came from ring 3 (a ring-3 run under <c>Dune.UserMode.Ring3</c>).</summary>
        public readonly bool FromUserMode => Ring == 3;

        /// <summary>Advances <see cref="Rip"/> past <paramref name="bytes"/> bytes of code (the handler knows the instruction's length).</summary>
        public void Skip(int bytes) => Rip += (ulong)bytes;
    }
}
