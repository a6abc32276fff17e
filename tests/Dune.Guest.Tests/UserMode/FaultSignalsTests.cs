using Dune.UserMode;
using Xunit;

namespace Dune.Guest.Tests.UserMode;

/// <summary>Exceptions as the signals Linux sends for them (arch/x86/kernel/traps.c, fault.c), checked against native runs of tests/programs/sandbox/signals.c.</summary>
public class FaultSignalsTests
{
    [Theory]
    // vector, error, signal, si_code, si_addr (rip 0x401000, cr2 0x8)
    [InlineData(0UL, 0UL, 8, 1, 0x401000UL)]      // #DE: SIGFPE FPE_INTDIV at the instruction
    [InlineData(1UL, 0UL, 5, 2, 0x401000UL)]      // #DB: SIGTRAP TRAP_TRACE
    [InlineData(3UL, 0UL, 5, 0x80, 0UL)]          // #BP (int3): SIGTRAP SI_KERNEL
    [InlineData(6UL, 0UL, 4, 2, 0x401000UL)]      // #UD: SIGILL ILL_ILLOPN at the instruction
    [InlineData(13UL, 0UL, 11, 0x80, 0UL)]        // #GP: SIGSEGV SI_KERNEL
    [InlineData(14UL, 6UL, 11, 1, 0x8UL)]         // #PF not present: SEGV_MAPERR at cr2
    [InlineData(14UL, 7UL, 11, 2, 0x8UL)]         // #PF protection: SEGV_ACCERR at cr2
    [InlineData(12UL, 0UL, 7, 0x80, 0UL)]         // #SS: SIGBUS
    [InlineData(17UL, 0UL, 7, 1, 0UL)]            // #AC: SIGBUS BUS_ADRALN
    [InlineData(19UL, 0UL, 8, 7, 0x401000UL)]     // #XM: SIGFPE
    public void ExceptionsBecomeLinuxsSignals(ulong vector, ulong error, int signal, int code, ulong address)
    {
        SignalInfo info = FaultSignals.Of(vector, error, 0x8, 0x401000, out ulong rip);
        Assert.Equal((signal, code, address, vector, error, 0x401000UL), (info.Signal, info.Code, info.Value, info.TrapNumber, info.ErrorCode, rip));
    }

    [Theory]
    [InlineData(0x20UL, 0x102UL)]
    [InlineData(0x80UL, 0x402UL)]
    [InlineData(0xffUL, 0x7faUL)]
    public void IntNIsTheGeneralProtectionFaultLinuxGivesAtTheInstruction(ulong vector, ulong error)
    {
        SignalInfo info = FaultSignals.Of(vector, 0, 0, 0x401002, out ulong rip);
        Assert.Equal((11, 0x80, 0UL, 13UL, error, 0x401000UL), (info.Signal, info.Code, info.Value, info.TrapNumber, info.ErrorCode, rip));
    }

    [Fact]
    public void APageFaultKeepsCr2ForTheContext()
    {
        Assert.Equal(0xdead_0000UL, FaultSignals.Of(14, 4, 0xdead_0000, 0x401000, out _).Cr2);
        Assert.Equal(0UL, FaultSignals.Of(13, 0, 0xdead_0000, 0x401000, out _).Cr2);
    }
}
