using Dune.Cpu;

namespace Dune.Guest.Tests.Cpu;

/// <summary>Software interrupt delivery (Cpu/InterruptDelivery) against the gate encoding and the CPU's rules.</summary>
public unsafe class InterruptDeliveryTests
{
    [Fact]
    public void DecodesWhatIdtGateEncodes()
    {
        const ulong handler = 0x0000_6000_1234_5678;
        ulong low = IdtGate.Low(handler, 0x08, 1, IdtGate.InterruptGate, 3), high = IdtGate.High(handler);
        Assert.Equal(0x1234_EE01_0008_5678UL, low);
        Assert.Equal(handler, InterruptDelivery.Handler(low, high));
        Assert.Equal(1, InterruptDelivery.Ist(low));
        Assert.Equal(0x08, InterruptDelivery.Selector(low));
        Assert.True(InterruptDelivery.IsPresent(low));
        Assert.True(InterruptDelivery.IsInterruptGate(low));
        Assert.False(InterruptDelivery.IsInterruptGate(IdtGate.Low(handler, 0x08, 0, IdtGate.TrapGate, 0)));
        Assert.Equal(0, InterruptDelivery.Ist(IdtGate.Low(handler, 0x08, 0, IdtGate.TrapGate, 0)));
    }

    [Fact]
    public void ExactGateBitsDecode()
    {
        // offset 0xFFFF_8000_DEAD_BEEF, selector 0x10, IST 2, interrupt gate, DPL 0, present.
        ulong low = 0xDEAD_8E02_0010_BEEF, high = 0xFFFF_8000;
        Assert.Equal(0xFFFF_8000_DEAD_BEEFUL, InterruptDelivery.Handler(low, high));
        Assert.Equal(2, InterruptDelivery.Ist(low));
        Assert.Equal(0x10, InterruptDelivery.Selector(low));
        Assert.False(InterruptDelivery.IsPresent(low & ~(1UL << 47)));
    }

    [Fact]
    public void StackIsTheIstEntryElseRsp0FromRing3ElseTheInterruptedOne()
    {
        Assert.Equal(0x9000UL, InterruptDelivery.Stack(1, false, 0x7000, 0x9000, 0x8000));
        Assert.Equal(0x9000UL, InterruptDelivery.Stack(1, true, 0x7000, 0x9000, 0x8000));
        Assert.Equal(0x8000UL, InterruptDelivery.Stack(0, true, 0x7000, 0x9000, 0x8000));
        Assert.Equal(0x7000UL, InterruptDelivery.Stack(0, false, 0x7000, 0x9000, 0x8000));
    }

    [Fact]
    public void FrameIsBelowTheSixteenByteAlignedStack()
    {
        Assert.Equal(0x7000UL - 40, InterruptDelivery.FrameAddress(0x7000));
        Assert.Equal(0x7000UL - 40, InterruptDelivery.FrameAddress(0x700F));
        ulong* frame = stackalloc ulong[InterruptDelivery.FrameWords];
        InterruptDelivery.WriteFrame(frame, 0x401000, 0x08, 0x246, 0x7FF0, 0x10);
        Assert.Equal(new ulong[] { 0x401000, 0x08, 0x246, 0x7FF0, 0x10 }, new ReadOnlySpan<ulong>(frame, 5).ToArray());
    }

    [Fact]
    public void HandlerFlagsClearTrapNestedResumeAndIfForInterruptGates()
    {
        ulong all = 0x3_4F02UL | Rflags.IF | 1UL << 8; // RF, VM, NT, TF, IF and bits that stay (ZF-area bits, reserved 1)
        Assert.Equal(all & ~(1UL << 8 | 1UL << 14 | 1UL << 16 | 1UL << 17 | Rflags.IF), InterruptDelivery.HandlerFlags(all, true));
        Assert.Equal(all & ~(1UL << 8 | 1UL << 14 | 1UL << 16 | 1UL << 17), InterruptDelivery.HandlerFlags(all, false));
        Assert.Equal(0x2UL, InterruptDelivery.HandlerFlags(0x202, true));
    }
}
