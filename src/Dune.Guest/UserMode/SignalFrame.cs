namespace Dune.UserMode
{
    /// <summary>
    /// The x86-64 Linux signal frame a handler runs on (the kernel's struct rt_sigframe, arch/x86/include/asm/
    /// sigframe.h): the return address (sa_restorer) at the handler's rsp, then struct ucontext (uc_flags,
    /// uc_link, uc_stack, uc_mcontext = struct sigcontext, the 8-byte uc_sigmask), then siginfo_t; the FPU state
    /// the sigcontext's fpstate points to (<see cref="SignalFpstate"/>) lies above, 64-byte aligned. glibc's ucontext_t and siginfo_t
    /// read these bytes, so every offset is the kernel's (unit-tested). Pure: it writes and reads the bytes
    /// it is given.
    /// </summary>
    public static unsafe class SignalFrame
    {
        /// <summary>Offsets in the frame: the restorer, struct ucontext, siginfo_t; its size.</summary>
        public const int Restorer = 0, Context = 8, Info = Context + ContextBytes, Bytes = Info + InfoBytes;
        /// <summary>Offsets in struct ucontext and its size.</summary>
        public const int UcFlags = 0, UcLink = 8, UcStack = 16, UcMcontext = 40, UcSigmask = UcMcontext + SigcontextBytes, ContextBytes = UcSigmask + 8;
        /// <summary>The size of struct sigcontext and of siginfo_t.</summary>
        public const int SigcontextBytes = 256, InfoBytes = 128;
        /// <summary>Offsets in struct sigcontext (gregs in glibc's REG_* order, 8 bytes each, then the rest).</summary>
        public const int R8 = 0, R9 = 8, R10 = 16, R11 = 24, R12 = 32, R13 = 40, R14 = 48, R15 = 56, Rdi = 64, Rsi = 72, Rbp = 80,
            Rbx = 88, Rdx = 96, Rax = 104, Rcx = 112, Rsp = 120, Rip = 128, Eflags = 136, Cs = 144, Gs = 146, Fs = 148, Ss = 150,
            Err = 152, Trapno = 160, Oldmask = 168, Cr2 = 176, Fpstate = 184;
        /// <summary>Offsets in siginfo_t: si_signo, si_errno, si_code, the union (si_addr; si_pid then si_uid; si_tid then si_overrun), a timer's si_value.</summary>
        public const int SiSigno = 0, SiErrno = 4, SiCode = 8, SiValue = 16, SiSigval = 24;
        /// <summary>The FPU state's alignment; the red zone below the interrupted rsp the frame keeps clear.</summary>
        public const int FpstateAlign = 64, RedZone = 128;
        /// <summary>uc_flags the kernel sets for a 64-bit frame: UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS, and UC_FP_XSTATE when the FPU state has XSAVE data.</summary>
        public const ulong ContextFlags = 6, FpXstate = 1;
        /// <summary>The RFLAGS bits a handler's context may change (the kernel's FIX_EFLAGS): AC OF DF TF SF ZF AF PF CF RF.</summary>
        public const ulong RestorableFlags = 0x5_0DD5;
        /// <summary>TF, DF and RF, cleared for the handler.</summary>
        public const ulong HandlerClearedFlags = 0x1_0500;

        /// <summary>Where the frame and its <paramref name="fpstateBytes"/> of FPU state go below a stack top of <paramref name="sp"/> (red zone already applied): the frame's address, which is the handler's rsp (rsp + 8 is 16-byte aligned, as after a call).</summary>
        public static ulong Place(ulong sp, int fpstateBytes, out ulong fpstate)
        {
            fpstate = (sp - (ulong)fpstateBytes) & ~(ulong)(FpstateAlign - 1);
            return ((fpstate - Bytes + 8) & ~15UL) - 8;
        }

        /// <summary>Fills the frame at <paramref name="frame"/> for the interrupted <paramref name="regs"/>; <paramref name="xstate"/>: the FPU state at <paramref name="fpstate"/> has XSAVE data.</summary>
        public static void Write(byte* frame, in UserFrame regs, ulong restorer, in SignalInfo info, ulong blocked, ulong fpstate,
            bool xstate, ulong altStackSp, int altStackFlags, ulong altStackSize)
        {
            for (int i = 0; i < Bytes; i++) frame[i] = 0;
            *(ulong*)(frame + Restorer) = restorer;
            byte* uc = frame + Context;
            *(ulong*)(uc + UcFlags) = ContextFlags | (xstate ? FpXstate : 0);
            *(ulong*)(uc + UcStack) = altStackSp;
            *(int*)(uc + UcStack + 8) = altStackFlags;
            *(ulong*)(uc + UcStack + 16) = altStackSize;
            byte* sc = uc + UcMcontext;
            Set(sc, R8, regs.R8); Set(sc, R9, regs.R9); Set(sc, R10, regs.R10); Set(sc, R11, regs.R11);
            Set(sc, R12, regs.R12); Set(sc, R13, regs.R13); Set(sc, R14, regs.R14); Set(sc, R15, regs.R15);
            Set(sc, Rdi, regs.Rdi); Set(sc, Rsi, regs.Rsi); Set(sc, Rbp, regs.Rbp); Set(sc, Rbx, regs.Rbx);
            Set(sc, Rdx, regs.Rdx); Set(sc, Rax, regs.Rax); Set(sc, Rcx, regs.Rcx); Set(sc, Rsp, regs.Rsp);
            Set(sc, Rip, regs.Rip); Set(sc, Eflags, regs.Rflags);
            *(ushort*)(sc + Cs) = (ushort)regs.Cs;
            *(ushort*)(sc + Ss) = (ushort)regs.Ss;
            Set(sc, Err, info.ErrorCode); Set(sc, Trapno, info.TrapNumber); Set(sc, Oldmask, blocked); Set(sc, Cr2, info.Cr2);
            Set(sc, Fpstate, fpstate);
            *(ulong*)(uc + UcSigmask) = blocked;
            byte* si = frame + Info;
            *(int*)(si + SiSigno) = info.Signal;
            *(int*)(si + SiCode) = info.Code;
            *(ulong*)(si + SiValue) = info.Value;
            *(ulong*)(si + SiSigval) = info.Sigval;
        }

        /// <summary>
        /// rt_sigreturn: the registers, mask and FPU state's pointer saved in the ucontext at <paramref name="uc"/> (the
        /// handler's rsp after its return popped the restorer). Only <see cref="RestorableFlags"/> come from the
        /// context; the segments stay ring 3's.
        /// </summary>
        public static void Read(byte* uc, ref UserFrame regs, out ulong blocked, out ulong fpstate)
        {
            byte* sc = uc + UcMcontext;
            regs.R8 = Get(sc, R8); regs.R9 = Get(sc, R9); regs.R10 = Get(sc, R10); regs.R11 = Get(sc, R11);
            regs.R12 = Get(sc, R12); regs.R13 = Get(sc, R13); regs.R14 = Get(sc, R14); regs.R15 = Get(sc, R15);
            regs.Rdi = Get(sc, Rdi); regs.Rsi = Get(sc, Rsi); regs.Rbp = Get(sc, Rbp); regs.Rbx = Get(sc, Rbx);
            regs.Rdx = Get(sc, Rdx); regs.Rax = Get(sc, Rax); regs.Rcx = Get(sc, Rcx); regs.Rsp = Get(sc, Rsp);
            regs.Rip = Get(sc, Rip);
            regs.Rflags = (regs.Rflags & ~RestorableFlags) | (Get(sc, Eflags) & RestorableFlags);
            regs.Cs = UserFrame.UserCode;
            regs.Ss = UserFrame.UserData;
            blocked = *(ulong*)(uc + UcSigmask);
            fpstate = Get(sc, Fpstate);
        }

        /// <summary>The x87/SSE state a handler starts with (the FXSAVE image after FNINIT and LDMXCSR 0x1f80).</summary>
        public static void InitialFpu(byte* fxsave)
        {
            for (int i = 0; i < SignalFpstate.LegacyBytes; i++) fxsave[i] = 0;
            *(ushort*)fxsave = 0x37f;
            *(uint*)(fxsave + 24) = 0x1f80;
            *(uint*)(fxsave + 28) = 0xffff;
        }

        /// <summary>An FXSAVE image from the program with MXCSR's reserved bits cleared (FXRSTOR would fault in ring 0 on them).</summary>
        public static void SanitizeFpu(byte* fxsave) => *(uint*)(fxsave + 24) &= 0xffff;

        private static void Set(byte* at, int offset, ulong value) => *(ulong*)(at + offset) = value;

        private static ulong Get(byte* at, int offset) => *(ulong*)(at + offset);
    }
}
