using Dune.UserMode;
using Xunit;

namespace Dune.Guest.Tests.UserMode;

/// <summary>The signal frame against the kernel's layout (arch/x86/include/asm/sigframe.h, uapi sigcontext.h, glibc's REG_* order).</summary>
public unsafe class SignalFrameTests
{
    [Fact]
    public void TheFrameIsTheKernelsRtSigframe()
    {
        // pretcode, struct ucontext (304 bytes), struct siginfo (128 bytes)
        Assert.Equal((0, 8, 312, 440), (SignalFrame.Restorer, SignalFrame.Context, SignalFrame.Info, SignalFrame.Bytes));
        Assert.Equal((0, 8, 16, 40, 296, 304), (SignalFrame.UcFlags, SignalFrame.UcLink, SignalFrame.UcStack, SignalFrame.UcMcontext, SignalFrame.UcSigmask, SignalFrame.ContextBytes));
        Assert.Equal(256, SignalFrame.SigcontextBytes);
        Assert.Equal((0, 4, 8, 16, 24), (SignalFrame.SiSigno, SignalFrame.SiErrno, SignalFrame.SiCode, SignalFrame.SiValue, SignalFrame.SiSigval));
    }

    [Theory]
    // glibc's gregs index (REG_R8 = 0 ... REG_CR2 = 22) times 8, then fpregs
    [InlineData(0, SignalFrame.R8)]
    [InlineData(7, SignalFrame.R15)]
    [InlineData(8, SignalFrame.Rdi)]
    [InlineData(9, SignalFrame.Rsi)]
    [InlineData(10, SignalFrame.Rbp)]
    [InlineData(11, SignalFrame.Rbx)]
    [InlineData(12, SignalFrame.Rdx)]
    [InlineData(13, SignalFrame.Rax)]
    [InlineData(14, SignalFrame.Rcx)]
    [InlineData(15, SignalFrame.Rsp)]
    [InlineData(16, SignalFrame.Rip)]
    [InlineData(17, SignalFrame.Eflags)]
    [InlineData(18, SignalFrame.Cs)]
    [InlineData(19, SignalFrame.Err)]
    [InlineData(20, SignalFrame.Trapno)]
    [InlineData(21, SignalFrame.Oldmask)]
    [InlineData(22, SignalFrame.Cr2)]
    [InlineData(23, SignalFrame.Fpstate)]
    public void SigcontextFollowsGlibcsRegisterOrder(int glibcIndex, int offset) => Assert.Equal(glibcIndex * 8, offset);

    [Theory]
    [InlineData(0x7fff_0000_1000UL, 512)]
    [InlineData(0x7fff_0000_1238UL, 512)]
    [InlineData(0x5000_0777UL, 512)]
    [InlineData(0x7fff_0000_1000UL, 836)]
    [InlineData(0x5000_0777UL, 2700)]
    public void PlacementAlignsLikeTheKernel(ulong sp, int fpstateBytes)
    {
        ulong at = SignalFrame.Place(sp, fpstateBytes, out ulong fpstate);
        Assert.Equal(0UL, fpstate % 64);
        Assert.True(fpstate + (ulong)fpstateBytes <= sp);
        Assert.True(sp - (fpstate + (ulong)fpstateBytes) < 64);
        Assert.True(at + SignalFrame.Bytes <= fpstate);
        Assert.Equal(0UL, (at + 8) % 16); // as after a call: the handler's rsp + 8 is 16-byte aligned
        Assert.True(fpstate - (at + SignalFrame.Bytes) < 16 + 64);
    }

    /// <summary>A POSIX timer's siginfo as Linux lays it out (_sigchld's neighbour _timer: si_tid, si_overrun, si_value at 16, 20, 24).</summary>
    [Fact]
    public void ATimersSiginfoHasItsIdOverrunAndValue()
    {
        byte* frame = stackalloc byte[SignalFrame.Bytes];
        var regs = new UserFrame { Cs = UserFrame.UserCode, Ss = UserFrame.UserData };
        SignalFrame.Write(frame, regs, 0x40_2000, SignalInfo.FromTimer(34, 3 | 5UL << 32, 0x7fff_1234_5678), 0, 0x6fff_f000, false, 0, 2, 0);
        byte* si = frame + SignalFrame.Info;
        Assert.Equal((34, -2, 3, 5, 0x7fff_1234_5678UL), (*(int*)si, *(int*)(si + 8), *(int*)(si + 16), *(int*)(si + 20), *(ulong*)(si + 24)));
    }

    [Fact]
    public void WriteThenReadGivesTheContextBack()
    {
        byte* frame = stackalloc byte[SignalFrame.Bytes];
        var regs = new UserFrame
        {
            R8 = 8, R9 = 9, R10 = 10, R11 = 11, R12 = 12, R13 = 13, R14 = 14, R15 = 15, Rdi = 16, Rsi = 17, Rbp = 18, Rbx = 19,
            Rdx = 20, Rax = 21, Rcx = 22, Rsp = 0x7000_0000, Rip = 0x40_1000, Rflags = 0x246, Cs = UserFrame.UserCode, Ss = UserFrame.UserData,
            FsBase = 0x1234,
        };
        var info = new SignalInfo { Signal = 11, Code = 1, Value = 0xdead_0000, TrapNumber = 14, ErrorCode = 6, Cr2 = 0xdead_0000 };
        SignalFrame.Write(frame, regs, 0x40_2000, info, 0x400, 0x6fff_f000, true, 0x5000_0000, 0, 0x10000);
        Assert.Equal(0x40_2000UL, *(ulong*)frame);
        byte* uc = frame + SignalFrame.Context;
        Assert.Equal(7UL, *(ulong*)uc); // UC_FP_XSTATE | UC_SIGCONTEXT_SS | UC_STRICT_RESTORE_SS
        Assert.Equal(0x5000_0000UL, *(ulong*)(uc + SignalFrame.UcStack));
        Assert.Equal(0x10000UL, *(ulong*)(uc + SignalFrame.UcStack + 16));
        byte* sc = uc + SignalFrame.UcMcontext;
        Assert.Equal(0x40_1000UL, *(ulong*)(sc + SignalFrame.Rip));
        Assert.Equal((ushort)0x23, *(ushort*)(sc + SignalFrame.Cs));
        Assert.Equal((14UL, 6UL, 0xdead_0000UL, 0x6fff_f000UL), (*(ulong*)(sc + SignalFrame.Trapno), *(ulong*)(sc + SignalFrame.Err), *(ulong*)(sc + SignalFrame.Cr2), *(ulong*)(sc + SignalFrame.Fpstate)));
        Assert.Equal(0x400UL, *(ulong*)(uc + SignalFrame.UcSigmask));
        Assert.Equal((11, 1, 0xdead_0000UL), (*(int*)(frame + SignalFrame.Info), *(int*)(frame + SignalFrame.Info + 8), *(ulong*)(frame + SignalFrame.Info + 16)));

        // A handler changes rip and flags, including bits it may not set (IOPL, IF): only FIX_EFLAGS ones come back.
        *(ulong*)(sc + SignalFrame.Rip) = 0x40_1002;
        *(ulong*)(sc + SignalFrame.Eflags) = 0x3201 | 0x400; // IOPL 3, IF, CF, DF
        var back = new UserFrame { Rflags = 0x2, FsBase = 0x1234 };
        SignalFrame.Read(uc, ref back, out ulong blocked, out ulong fpstate);
        Assert.Equal((0x40_1002UL, 0x403UL, 0x400UL, 0x6fff_f000UL), (back.Rip, back.Rflags, blocked, fpstate));
        Assert.Equal((8UL, 15UL, 21UL, 22UL, 11UL, 0x7000_0000UL), (back.R8, back.R15, back.Rax, back.Rcx, back.R11, back.Rsp));
        Assert.Equal((UserFrame.UserCode, UserFrame.UserData, 0x1234UL), (back.Cs, back.Ss, back.FsBase));
    }

    [Fact]
    public void HandlersStartWithTheInitialFpuStateAndMxcsrIsSanitized()
    {
        byte* fx = stackalloc byte[SignalFpstate.LegacyBytes];
        for (int i = 0; i < SignalFpstate.LegacyBytes; i++) fx[i] = 0xff;
        SignalFrame.InitialFpu(fx);
        Assert.Equal((ushort)0x37f, *(ushort*)fx);
        Assert.Equal(0x1f80U, *(uint*)(fx + 24));
        Assert.Equal(0, fx[100]);
        *(uint*)(fx + 24) = 0xdead_1f80;
        SignalFrame.SanitizeFpu(fx);
        Assert.Equal(0x1f80U, *(uint*)(fx + 24));
    }
}
