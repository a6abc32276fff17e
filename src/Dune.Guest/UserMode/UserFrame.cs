namespace Dune.UserMode
{
    /// <summary>
    /// The registers of a ring-3 program, as usermode.S saves and restores them (lowest address first). The
    /// last five fields are exactly what IRETQ pops. For a system call, <see cref="Rax"/> holds the number and
    /// receives the result; <see cref="Rcx"/> and <see cref="R11"/> are SYSCALL's copies of rip and rflags.
    /// </summary>
    public struct UserFrame
    {
        /// <summary>The ring-3 selectors: code 0x23 and data 0x1b (RPL 3).</summary>
        public const ulong UserCode = 0x23, UserData = 0x1b;
        /// <summary>Bit 1 of RFLAGS is always set; IF stays clear (Dune mode takes no interrupts).</summary>
        public const ulong InitialFlags = 0x2;

        /// <summary>The general-purpose registers.</summary>
        public ulong R15, R14, R13, R12, R11, R10, R9, R8, Rbp, Rdi, Rsi, Rdx, Rcx, Rbx, Rax;
        /// <summary>The FS base (the program's thread pointer).</summary>
        public ulong FsBase;
        /// <summary>The IRETQ frame: rip, CS, RFLAGS, rsp, SS.</summary>
        public ulong Rip, Cs, Rflags, Rsp, Ss;

        /// <summary>A frame that starts ring 3 at <paramref name="rip"/> with <paramref name="rsp"/> and every other register zero.</summary>
        public static UserFrame Start(ulong rip, ulong rsp) => new UserFrame
        {
            Rip = rip, Rsp = rsp, Cs = UserCode, Ss = UserData, Rflags = InitialFlags,
        };
    }
}
