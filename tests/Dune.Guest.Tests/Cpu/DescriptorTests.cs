using Dune.Cpu;

namespace Dune.Guest.Tests.Cpu;

public class DescriptorTests
{
    // Reference values: the flat long-mode descriptors Linux itself puts in its GDT.
    [Fact] public void KernelCode() => Assert.Equal(0x00AF9B000000FFFFUL, SegmentDescriptor.Code64(0));
    [Fact] public void KernelData() => Assert.Equal(0x00CF93000000FFFFUL, SegmentDescriptor.Data(0));
    [Fact] public void UserCode() => Assert.Equal(0x00AFFB000000FFFFUL, SegmentDescriptor.Code64(3));
    [Fact] public void UserData() => Assert.Equal(0x00CFF3000000FFFFUL, SegmentDescriptor.Data(3));

    [Fact]
    public void TssDescriptorSplitsTheBase()
    {
        Assert.Equal(0x5500896677880067UL, SegmentDescriptor.TssLow(0x1122334455667788UL, 0x67, busy: false));
        Assert.Equal(0x55008B6677880067UL, SegmentDescriptor.TssLow(0x1122334455667788UL, 0x67, busy: true));
        Assert.Equal(0x11223344UL, SegmentDescriptor.TssHigh(0x1122334455667788UL));
    }

    [Fact]
    public void TssLimitAbove64KiBUsesBits51To48()
    {
        Assert.Equal(0x0003890000002345UL, SegmentDescriptor.TssLow(0, 0x32345, busy: false));
    }

    [Fact]
    public void InterruptGateWithIst()
    {
        Assert.Equal(0x12348E0100085678UL, IdtGate.Low(0xFFFF800012345678UL, 8, 1, IdtGate.InterruptGate, 0));
        Assert.Equal(0xFFFF8000UL, IdtGate.High(0xFFFF800012345678UL));
    }

    [Fact]
    public void UserCallableTrapGate()
    {
        Assert.Equal(0x0000EF0000100400UL, IdtGate.Low(0x400, 0x10, 0, IdtGate.TrapGate, 3));
    }

    [Fact]
    public void TssOffsets()
    {
        Assert.Equal(36, Tss64.IstOffset(1));
        Assert.Equal(84, Tss64.IstOffset(7));
        Assert.Equal(104, Tss64.Size);
    }

    [Fact]
    public void ControlRegisterBits()
    {
        Assert.Equal(0x80010023UL, Cr0.PE | Cr0.MP | Cr0.NE | Cr0.WP | Cr0.PG);
        Assert.Equal(0x40620UL, Cr4.PAE | Cr4.OSFXSR | Cr4.OSXMMEXCPT | Cr4.OSXSAVE);
        Assert.Equal(0xD01UL, Efer.SCE | Efer.LME | Efer.LMA | Efer.NXE);
        Assert.Equal(0xC0000100u, Msr.FsBase);
    }

    [Fact]
    public void ExceptionsWithErrorCodes()
    {
        int[] withCode = Enumerable.Range(0, 32).Where(ExceptionVectors.HasErrorCode).ToArray();
        Assert.Equal(new[] { 8, 10, 11, 12, 13, 14, 17, 21, 29, 30 }, withCode);
        Assert.Equal("#PF page fault", ExceptionVectors.Name(14));
    }
}
