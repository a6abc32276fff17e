using Dune.Memory;

namespace Dune.Guest.Tests.Memory;

public unsafe class GuestPhysicalLayoutTests
{
    private const ulong MiB = 1UL << 20, GiB = 1UL << 30;

    // A typical process: the executable low, a heap, anonymous maps and the stack near the top of 47 bits.
    private static readonly (ulong Va, ulong Len)[] Process =
    {
        (0x40_0000, 0x30_0000),
        (0x7F12_3450_0000, 0x10_0000),
        (0x7FFF_FFDD_E000, 0x21_000),
    };

    [Theory]
    [InlineData(32)]
    [InlineData(36)]
    [InlineData(40)]
    [InlineData(48)]
    public void FarApartRangesArePackedCompactly(int bits)
    {
        var storage = new GpaWindow[16];
        fixed (GpaWindow* s = storage)
        {
            var layout = new GuestPhysicalLayout(s, 16, bits);
            foreach (var (va, len) in Process)
                Assert.Equal(1, layout.Cover(va, len));
            // The executable spans two 2 MiB granules, the others one each; GPAs follow each other from 2 MiB.
            Assert.Equal(new[] { (0x40_0000UL, 2 * MiB, 4 * MiB), (0x7F12_3440_0000UL, 6 * MiB, 2 * MiB), (0x7FFF_FFC0_0000UL, 8 * MiB, 2 * MiB) },
                Enumerable.Range(0, layout.Count).Select(i => (layout[i].HostVa, layout[i].Gpa, layout[i].Size)));
            Assert.True(layout.TryTranslate(0x7F12_3456_7123, out ulong gpa, out ulong windowEnd));
            Assert.Equal(6 * MiB + 0x16_7123, gpa);
            Assert.Equal(0x7F12_3460_0000UL, windowEnd);
            Assert.Equal(8 * MiB, layout.Used);
        }
    }

    [Fact]
    public void CoveredGranulesAreReusedAndGapsGetNewWindows()
    {
        var storage = new GpaWindow[8];
        fixed (GpaWindow* s = storage)
        {
            var layout = new GuestPhysicalLayout(s, 8, 36);
            Assert.Equal(1, layout.Cover(0x1000_0000, 2 * MiB));
            Assert.Equal(1, layout.Cover(0x1040_0000, 2 * MiB));
            Assert.Equal(0, layout.Cover(0x1000_1000, 0x1000));
            // Spans window 0, a gap granule, window 1, then two new granules: two new windows.
            Assert.Equal(2, layout.Cover(0x1000_0000, 10 * MiB));
            Assert.Equal((0x1020_0000UL, 6 * MiB, 2 * MiB), (layout[2].HostVa, layout[2].Gpa, layout[2].Size));
            Assert.Equal((0x1060_0000UL, 8 * MiB, 4 * MiB), (layout[3].HostVa, layout[3].Gpa, layout[3].Size));
            Assert.False(layout.TryTranslate(0x2000_0000, out _));
        }
    }

    [Fact]
    public void TheTopWindowEndsWhereUserSpaceEnds()
    {
        var storage = new GpaWindow[4];
        fixed (GpaWindow* s = storage)
        {
            var layout = new GuestPhysicalLayout(s, 4, 40);
            Assert.Equal(1, layout.Cover(0x7FFF_FFFD_E000, 0x21000));
            Assert.Equal((0x7FFF_FFE0_0000UL, 2 * MiB, 2 * MiB - 0x1000), (layout[0].HostVa, layout[0].Gpa, layout[0].Size));
            Assert.Equal(1, layout.Cover(0x1000_0000, 1));
            Assert.Equal(4 * MiB, layout[1].Gpa);
        }
    }

    [Theory]
    [InlineData(32, false)]
    [InlineData(33, true)]
    public void RefusesWhatDoesNotFitThePhysicalWidth(int bits, bool fits)
    {
        var storage = new GpaWindow[4];
        fixed (GpaWindow* s = storage)
        {
            var layout = new GuestPhysicalLayout(s, 4, bits);
            // 4 GiB of virtual memory needs 4 GiB + the reserved first granule of physical space.
            Assert.Equal(fits ? 1 : -1, layout.Cover(0x7F00_0000_0000, 4 * GiB));
        }
    }

    [Fact]
    public void RefusesWhenTheWindowListIsFull()
    {
        var storage = new GpaWindow[2];
        fixed (GpaWindow* s = storage)
        {
            var layout = new GuestPhysicalLayout(s, 2, 40);
            Assert.Equal(1, layout.Cover(0x1000_0000, 1));
            Assert.Equal(1, layout.Cover(0x2000_0000, 1));
            Assert.Equal(-1, layout.Cover(0x3000_0000, 1));
        }
    }
}
