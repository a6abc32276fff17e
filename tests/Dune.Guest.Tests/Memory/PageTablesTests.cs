using Dune.Memory;

namespace Dune.Guest.Tests.Memory;

public unsafe class PageTablesTests
{
    private const ulong PoolGpa = 0x40_0000;

    [Fact]
    public void MapBuildsFourLevelsInThePool()
    {
        ulong[] pool = new ulong[8 * 512];
        fixed (ulong* p = pool)
        {
            var pt = new PageTables((byte*)p, PoolGpa, 8);
            Assert.True(pt.Map(0x7FFF_F7A1_2000UL, 0x1234_5000UL, Pte.PageSize, Pte.LeafFlags(true, false, false)));
            Assert.Equal(4, pt.PagesUsed);
            // PML4[255] -> pool page 1, PDPT[511] -> page 2, PD[445] -> page 3, PT[0x12] = the leaf.
            Assert.Equal(PoolGpa + 0x1000 | Pte.TableFlags, pool[255]);
            Assert.Equal(PoolGpa + 0x2000 | Pte.TableFlags, pool[512 + 511]);
            Assert.Equal(PoolGpa + 0x3000 | Pte.TableFlags, pool[1024 + 445]);
            Assert.Equal(0x8000_0000_1234_5003UL, pool[1536 + 0x12]);
            Assert.Equal(0x8000_0000_1234_5003UL, pt.Lookup(0x7FFF_F7A1_2000UL));
            Assert.Equal(PoolGpa, pt.Root);
        }
    }

    [Fact]
    public void NeighboursShareTablesAndUnmapClearsOnlyTheLeaf()
    {
        ulong[] pool = new ulong[8 * 512];
        fixed (ulong* p = pool)
        {
            var pt = new PageTables((byte*)p, PoolGpa, 8);
            Assert.True(pt.Map(0x40_0000, 0x20_0000, Pte.PageSize, Pte.LeafFlags(false, true, false)));
            Assert.True(pt.Map(0x40_1000, 0x20_1000, Pte.PageSize, Pte.LeafFlags(true, false, false)));
            Assert.Equal(4, pt.PagesUsed);
            pt.Unmap(0x40_0000);
            Assert.Equal(0UL, pt.Lookup(0x40_0000));
            Assert.Equal(0x8000_0000_0020_1003UL, pt.Lookup(0x40_1000));
            Assert.Equal(0UL, pt.Lookup(0x7000_0000_0000));
            pt.Unmap(0x7000_0000_0000); // nothing there: no effect, no allocation
            Assert.Equal(4, pt.PagesUsed);
        }
    }

    [Fact]
    public void UnmapRangeClearsOnlyInsideTheRange()
    {
        ulong[] pool = new ulong[16 * 512];
        fixed (ulong* p = pool)
        {
            var pt = new PageTables((byte*)p, PoolGpa, 16);
            ulong[] pages = { 0x40_0000, 0x40_1000, 0x7F00_0000_0000, 0x7FFF_FFFF_E000 };
            foreach (ulong va in pages)
                Assert.True(pt.Map(va, 0x10_0000, Pte.PageSize, Pte.Present));
            pt.UnmapRange(0x40_1000, 0x7FFF_FFFF_E000);
            Assert.Equal(new ulong[] { 0x10_0001, 0, 0, 0x10_0001 }, pages.Select(pt.Lookup).ToArray());
            pt.UnmapRange(0, 1UL << 47);
            Assert.All(pages, va => Assert.Equal(0UL, pt.Lookup(va)));
        }
    }

    [Fact]
    public void MapFailsWhenThePoolIsFull()
    {
        ulong[] pool = new ulong[3 * 512];
        fixed (ulong* p = pool)
        {
            var pt = new PageTables((byte*)p, PoolGpa, 3);
            Assert.False(pt.Map(0x40_0000, 0x20_0000, Pte.PageSize, Pte.Present));
        }
    }

    [Fact]
    public void MapRangeFillsConsecutiveLeavesAcrossTableBoundaries()
    {
        ulong[] pool = new ulong[8 * 512];
        fixed (ulong* p = pool)
        {
            var pt = new PageTables((byte*)p, PoolGpa, 8);
            // 3 pages before the 2 MiB boundary at 0x60_0000 and 2 after: two leaf tables under one PD.
            Assert.True(pt.Map(0x5F_D000, 0x80_0000, 5 * Pte.PageSize, Pte.Present));
            Assert.Equal(5, pt.PagesUsed);
            for (ulong i = 0; i < 5; i++)
                Assert.Equal(0x80_0001UL + i * 0x1000, pt.Lookup(0x5F_D000 + i * 0x1000));
            Assert.Equal(0UL, pt.Lookup(0x5F_C000));
            Assert.Equal(0UL, pt.Lookup(0x60_2000));
            // A partial page counts as a whole one.
            Assert.True(pt.Map(0x70_0000, 0x90_0000, 1, Pte.Present));
            Assert.Equal(0x90_0001UL, pt.Lookup(0x70_0000));
            Assert.Equal(0UL, pt.Lookup(0x70_1000));
        }
    }
}
