using System.Text.RegularExpressions;
using Dune.Memory;

namespace Dune.Guest.Tests.Memory;

public class RegionAllocatorTests
{
    private const ulong Start = 0x6100_0000_0000, End = Start + 0x10_0000;

    [Fact]
    public void HandsOutPageAlignedAddressesInOrder()
    {
        var a = new RegionAllocator(Start, End);
        Assert.Equal(Start, a.Take(1));
        Assert.Equal(Start + 0x1000, a.Take(0x2000));
        Assert.Equal(Start + 0x3000, a.Take(0x1001));
        Assert.Equal(Start + 0x5000, a.Next);
    }

    [Fact]
    public void ReusesAFreedRangeFirstFitAndSplitsIt()
    {
        var a = new RegionAllocator(Start, End);
        ulong x = a.Take(0x4000), y = a.Take(0x1000);
        a.Release(x, 0x4000);
        Assert.Equal(x, a.Take(0x1000));
        Assert.Equal(x + 0x1000, a.Take(0x3000));
        Assert.Equal(0, a.FreeRanges);
        Assert.Equal(y + 0x1000, a.Take(0x1000));
    }

    [Fact]
    public void FreeingTheTopmostRangeLowersTheBumpPointerAndSwallowsFreeRangesBelow()
    {
        var a = new RegionAllocator(Start, End);
        ulong x = a.Take(0x1000), y = a.Take(0x1000), z = a.Take(0x1000);
        a.Release(y, 0x1000);
        Assert.Equal(1, a.FreeRanges);
        a.Release(z, 0x1000);
        Assert.Equal(0, a.FreeRanges);
        Assert.Equal(y, a.Next);
        Assert.Equal(Start, x);
    }

    [Fact]
    public void CoalescesNeighboursOnBothSides()
    {
        var a = new RegionAllocator(Start, End);
        ulong p = a.Take(0x1000), q = a.Take(0x1000), r = a.Take(0x1000);
        a.Take(0x1000);
        a.Release(p, 0x1000);
        a.Release(r, 0x1000);
        a.Release(q, 0x1000);
        Assert.Equal(1, a.FreeRanges);
        Assert.Equal(p, a.Take(0x3000));
    }

    [Fact]
    public void TrimmingBothEndsOfAnOverMappedRangeLeavesTheMiddle()
    {
        // HostMemory.MapAligned: map size + alignment, unmap the head and the tail.
        var a = new RegionAllocator(Start, End);
        ulong raw = a.Take(0x3000);
        a.Release(raw, 0x1000);
        a.Release(raw + 0x2000, 0x1000);
        Assert.Equal(raw + 0x2000, a.Next);
        Assert.Equal(raw, a.Take(0x1000));
    }

    [Fact]
    public void AFullRegionGivesZeroAndIgnoresRangesOutsideIt()
    {
        var a = new RegionAllocator(Start, End);
        Assert.Equal(0UL, a.Take(End - Start + 0x1000));
        Assert.Equal(Start, a.Take(End - Start));
        Assert.Equal(0UL, a.Take(0x1000));
        a.Release(0x40_0000, 0x1000);
        a.Release(End, 0x1000);
        Assert.Equal(0, a.FreeRanges);
        Assert.Equal(0UL, a.Take(0));
    }

    [Fact]
    public void RemembersAtMostCapacityFreeRanges()
    {
        var a = new RegionAllocator(Start, Start + 0x1000_0000);
        var taken = new List<ulong>();
        for (int i = 0; i < 2 * RegionAllocator.Capacity + 2; i++) taken.Add(a.Take(0x1000));
        for (int i = 0; i < taken.Count - 1; i += 2) a.Release(taken[i], 0x1000);
        Assert.Equal(RegionAllocator.Capacity, a.FreeRanges);
    }

    [Fact]
    public void TheLinkerScriptLinksAtTheImageBase()
    {
        string script = File.ReadAllText(Path.Combine(RepoRoot(), "linker", "dune.ld"));
        var m = Regex.Match(script, @"__dune_image_start = 0x([0-9a-f]+);");
        Assert.True(m.Success);
        Assert.Equal(DuneLayout.ImageBase, Convert.ToUInt64(m.Groups[1].Value, 16));
        Assert.True(DuneLayout.ImageBase < DuneLayout.MappingsStart && DuneLayout.MappingsStart < DuneLayout.End);
        Assert.True(DuneLayout.Overlaps(DuneLayout.End - 1, 1) && !DuneLayout.Overlaps(DuneLayout.End, 0x1000));
        Assert.False(DuneLayout.Overlaps(0x5555_5555_4000, 0x1000_0000));
    }

    private static string RepoRoot()
    {
        string d = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(d, "DuneAot.sln"))) d = Path.GetDirectoryName(d);
        return d;
    }
}
