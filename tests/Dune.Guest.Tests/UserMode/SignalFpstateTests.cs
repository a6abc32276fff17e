using Dune.UserMode;
using Xunit;

namespace Dune.Guest.Tests.UserMode;

/// <summary>A signal frame's FPU state against the kernel's layout (uapi asm/sigcontext.h: struct _fpx_sw_bytes, FP_XSTATE_MAGIC1/2) and the SDM's standard-form XSAVE header.</summary>
public unsafe class SignalFpstateTests
{
    private const uint AvxBytes = 832; // x87 | SSE | AVX: the AVX component at 576, 256 bytes (CPUID 0xD, 2)

    [Fact]
    public void TheMarksAreTheKernels()
    {
        Assert.Equal(("FPXS", "FPXE"), (Ascii(SignalFpstate.Magic1), Ascii(SignalFpstate.Magic2)));
        Assert.Equal((464, 468, 472, 480, 48), (SignalFpstate.SwMagic1, SignalFpstate.SwExtendedSize, SignalFpstate.SwFeatures, SignalFpstate.SwXstateSize, SignalFpstate.SoftwareBytesSize));
        Assert.Equal((512, 512, 520, 576), (SignalFpstate.Header, SignalFpstate.XstateBv, SignalFpstate.XcompBv, SignalFpstate.MinimumXsaveBytes));
        Assert.Equal((512, 836), (SignalFpstate.FrameBytes(0), SignalFpstate.FrameBytes(AvxBytes)));
    }

    /// <summary>The values Linux reported: 6.1 in the test VM (x87, SSE, AVX), 6.18 on an AVX-512 machine.</summary>
    [Theory]
    [InlineData(836, 1776UL)]
    [InlineData(2436, 3376UL)]
    public void TheMinimumSignalStackIsLinuxs(int fpstateBytes, ulong reported) => Assert.Equal(reported, SignalFpstate.MinimumSignalStack(fpstateBytes));

    [Fact]
    public void MarkWritesTheSoftwareBytesAndTheSecondMagic()
    {
        byte* area = stackalloc byte[(int)AvxBytes + 4];
        for (int i = 0; i < AvxBytes + 4; i++) area[i] = 0xee;
        *(ulong*)(area + 512) = 4; // XSAVE found only AVX in use
        SignalFpstate.Mark(area, AvxBytes, 7);
        Assert.Equal((0x4650_5853U, 836U, 7UL, 832U), (*(uint*)(area + 464), *(uint*)(area + 468), *(ulong*)(area + 472), *(uint*)(area + 480)));
        for (int i = 484; i < 512; i++) Assert.Equal(0, area[i]);
        Assert.Equal(7UL, *(ulong*)(area + 512)); // x87 and SSE are in the image whatever XSAVE said
        Assert.Equal(0x4650_5845U, *(uint*)(area + 832));
        Assert.Equal(0xee, area[463]);

        Assert.Equal(AvxBytes, SignalFpstate.MarkedBytes(area, AvxBytes, out ulong components));
        Assert.Equal(7UL, components);
        Assert.True(SignalFpstate.HasSecondMagic(area, AvxBytes));
    }

    [Theory]
    [InlineData(0x1234_5678U, 832U, 836U, 832U)] // no first magic
    [InlineData(SignalFpstate.Magic1, 512U, 516U, 832U)] // smaller than the image and header
    [InlineData(SignalFpstate.Magic1, 1088U, 1092U, 832U)] // larger than this CPU's area
    [InlineData(SignalFpstate.Magic1, 832U, 800U, 832U)] // larger than the extended size
    public void ABadlyMarkedFrameHoldsOnlyTheFxsaveImage(uint magic1, uint size, uint extended, uint max)
    {
        byte* area = stackalloc byte[2048];
        *(uint*)(area + 464) = magic1;
        *(uint*)(area + 468) = extended;
        *(ulong*)(area + 472) = 7;
        *(uint*)(area + 480) = size;
        Assert.Equal(0U, SignalFpstate.MarkedBytes(area, max, out ulong components));
        Assert.Equal(3UL, components);
    }

    [Fact]
    public void AFrameCopiedWithoutItsExtendedStateLacksTheSecondMagic()
    {
        byte* area = stackalloc byte[(int)AvxBytes + 4];
        SignalFpstate.Mark(area, AvxBytes, 7);
        *(uint*)(area + 832) = 0;
        Assert.False(SignalFpstate.HasSecondMagic(area, AvxBytes));
    }

    [Theory]
    [InlineData(7UL, 0UL, 0UL, true)]
    [InlineData(0UL, 0UL, 0UL, true)]
    [InlineData(0x27UL, 0UL, 0UL, false)] // opmask, not enabled
    [InlineData(7UL, 1UL << 63, 0UL, false)] // the compacted form
    [InlineData(7UL, 0UL, 1UL, false)] // bytes 16..23 reserved
    public void XrstorTakesOnlyAStandardHeaderOfEnabledComponents(ulong xstateBv, ulong xcompBv, ulong next, bool restorable)
    {
        byte* area = stackalloc byte[576];
        *(ulong*)(area + 512) = xstateBv;
        *(ulong*)(area + 520) = xcompBv;
        *(ulong*)(area + 528) = next;
        Assert.Equal(restorable, SignalFpstate.HeaderRestorable(area, 7));
    }

    [Fact]
    public void ComponentsLeftOutOfXstateBvStartAfresh()
    {
        byte* fx = stackalloc byte[512];
        for (int i = 0; i < 512; i++) fx[i] = 0xff;
        SignalFpstate.InitialiseLegacyParts(fx, 3);
        Assert.Equal(0xff, fx[0]);
        SignalFpstate.InitialiseLegacyParts(fx, 2); // x87 left out: FCW 0x37f, FSW, FTW, FOP, FIP, FDP, ST0-7 zero
        Assert.Equal((ushort)0x37f, *(ushort*)fx);
        Assert.Equal((0, 0, 0xffff_ffffU, 0, 0xff), (fx[2], fx[23], *(uint*)(fx + 24), fx[32 + 127], fx[160]));
        SignalFpstate.InitialiseLegacyParts(fx, 1); // SSE left out: XMM0-15 zero, MXCSR kept
        Assert.Equal((0, 0, 0xffff_ffffU, 0xff), (fx[160], fx[415], *(uint*)(fx + 24), fx[416]));
    }

    /// <summary>The magic words spell their names from the high byte down.</summary>
    private static string Ascii(uint v) => new string(new[] { (char)(v >> 24), (char)(v >> 16 & 0xff), (char)(v >> 8 & 0xff), (char)(v & 0xff) });
}
