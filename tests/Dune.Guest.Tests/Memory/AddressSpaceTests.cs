using Dune.Tests.Shared;
using Dune.Memory;

namespace Dune.Guest.Tests.Memory;

public unsafe class AddressSpaceTests
{
    private const ulong Va = 0x7F12_3440_0000UL;

    /// <summary>Collects what a walk visits.</summary>
    private struct Recorder : IPageVisitor
    {
        public List<(ulong Va, ulong Entry, PageSize Size)> Seen;
        public int StopAfter;

        public bool Visit(ulong va, ulong* entry, PageSize size)
        {
            Seen.Add((va, *entry, size));
            return Seen.Count != StopAfter;
        }
    }

    private static List<(ulong, ulong, PageSize)> Walk(AddressSpace s, ulong va, ulong length, int stopAfter = 0)
    {
        var r = new Recorder { Seen = new(), StopAfter = stopAfter };
        s.Walk(va, length, ref r);
        return r.Seen;
    }

    [Fact]
    public void MapsFourKilobytePagesThroughFreshTables()
    {
        using var m = new NativeGuestMemory();
        Assert.True(AddressSpace.TryCreate(m.Physical, m.Pages, out var s));
        Assert.Equal(NativeGuestMemory.PoolGpa, s.Root);
        Assert.True(s.OwnsRoot);
        Assert.True(s.Map(Va, 0x1234_0000, 0x2000, Permissions.ReadWrite, CacheMode.WriteThrough));
        Assert.Equal(4, NativeGuestMemory.PoolPages - m.Pages->FreePages); // root, PDPT, PD, PT
        // PML4[254] -> pool page 1, PDPT[72] -> 2, PD[282] -> 3; leaves at PT[0], PT[1].
        Assert.Equal(NativeGuestMemory.PoolGpa + 0x1000 | Pte.TableFlags, m.Words(s.Root)[254]);
        Assert.Equal(0x8000_0000_1234_000BUL, m.Words(NativeGuestMemory.PoolGpa + 0x3000)[0]);
        Assert.Equal(0x8000_0000_1234_100BUL, m.Words(NativeGuestMemory.PoolGpa + 0x3000)[1]);
        Assert.True(s.Lookup(Va + 0x1FFF, out ulong e, out PageSize size));
        Assert.Equal((0x8000_0000_1234_100BUL, PageSize.Size4K), (e, size));
        Assert.True(s.Translate(Va + 0x1ABC, out ulong pa));
        Assert.Equal(0x1234_1ABCUL, pa);
        Assert.False(s.Lookup(Va + 0x2000, out _, out _));
        Assert.False(s.Translate(Va - 1, out _));
    }

    [Fact]
    public void LargePagesAndMisalignment()
    {
        using var m = new NativeGuestMemory();
        Assert.True(AddressSpace.TryCreate(m.Physical, m.Pages, out var s));
        Assert.False(s.Map(Va + 0x1000, 0x4000_0000, 0x20_0000, Permissions.Read, size: PageSize.Size2M));
        Assert.False(s.Map(Va, 0x4000_0000, 0x1000, Permissions.Read, size: PageSize.Size2M));
        Assert.True(s.Map(Va, 0x4000_0000, 0x40_0000, Permissions.Read, CacheMode.Uncached, PageSize.Size2M));
        Assert.True(s.Map(0x80_0000_0000, 0x1_0000_0000, 0x4000_0000, Permissions.ReadWrite, size: PageSize.Size1G));
        Assert.True(s.Translate(Va + 0x23_4567, out ulong pa));
        Assert.Equal(0x4023_4567UL, pa);
        Assert.True(s.Translate(0x80_1234_5678, out pa));
        Assert.Equal(0x1_1234_5678UL, pa);
        Assert.Equal(new List<(ulong, ulong, PageSize)>
        {
            (Va, 0x8000_0000_4000_0099UL, PageSize.Size2M),
            (Va + 0x20_0000, 0x8000_0000_4020_0099UL, PageSize.Size2M),
        }, Walk(s, Va + 0x1000, 0x20_1000)); // walks without splitting: whole pages, from their start
        Assert.Equal(new List<(ulong, ulong, PageSize)> { (0x80_0000_0000UL, 0x8000_0001_0000_0083UL, PageSize.Size1G) },
            Walk(s, 0x80_0000_0000, 0x1000));
    }

    [Fact]
    public void UnmapSplitsALargePageItCoversOnlyPartly()
    {
        using var m = new NativeGuestMemory();
        Assert.True(AddressSpace.TryCreate(m.Physical, m.Pages, out var s));
        Assert.True(s.Map(Va, 0x4000_0000, 0x20_0000, Permissions.ReadWrite, CacheMode.UncachedMinus, PageSize.Size2M));
        Assert.True(s.Unmap(Va + 0x3000, 0x2000));
        var seen = Walk(s, Va, 0x20_0000);
        Assert.Equal(510, seen.Count);
        Assert.Equal((Va, 0x8000_0000_4000_0013UL, PageSize.Size4K), seen[0]);
        Assert.Equal((Va + 0x5000, 0x8000_0000_4000_5013UL, PageSize.Size4K), seen[3]);
        Assert.False(s.Lookup(Va + 0x4000, out _, out _));
    }

    [Fact]
    public void ProtectRewritesOnlyPermissionBitsAndWalkStops()
    {
        using var m = new NativeGuestMemory();
        Assert.True(AddressSpace.TryCreate(m.Physical, m.Pages, out var s));
        Assert.True(s.Map(Va, 0x5000_0000, 0x4000, Permissions.ReadWrite));
        Assert.True(s.Protect(Va + 0x1000, 0x2000, Permissions.ReadExecute | Permissions.User));
        Assert.True(s.Protect(Va + 0x3000, 1, Permissions.None));
        Assert.Equal(new List<(ulong, ulong, PageSize)>
        {
            (Va, 0x8000_0000_5000_0003UL, PageSize.Size4K),
            (Va + 0x1000, 0x5000_1005UL, PageSize.Size4K),
            (Va + 0x2000, 0x5000_2005UL, PageSize.Size4K),
            (Va + 0x3000, 0x5000_3000UL, PageSize.Size4K), // not present, frame kept
        }, Walk(s, 0, ulong.MaxValue));
        Assert.Equal(2, Walk(s, Va, 0x4000, stopAfter: 2).Count);
        Assert.False(s.Translate(Va + 0x3000, out _));
        Assert.True(s.Protect(Va + 0x3000, 0x1000, Permissions.Read));
        Assert.True(s.Translate(Va + 0x3008, out ulong pa));
        Assert.Equal(0x5000_3008UL, pa);
    }

    [Fact]
    public void WalksSkipTheNonCanonicalHole()
    {
        using var m = new NativeGuestMemory();
        Assert.True(AddressSpace.TryCreate(m.Physical, m.Pages, out var s));
        Assert.True(s.Map(0x7FFF_FFFF_F000, 0x5000_0000, 0x1000, Permissions.Read));
        Assert.True(s.Map(0xFFFF_8000_0000_0000, 0x5000_1000, 0x1000, Permissions.Read));
        Assert.True(s.Map(0xFFFF_FFFF_FFFF_F000, 0x5000_2000, 0x1000, Permissions.Read));
        Assert.Equal(new List<(ulong, ulong, PageSize)>
        {
            (0x7FFF_FFFF_F000UL, 0x8000_0000_5000_0001UL, PageSize.Size4K),
            (0xFFFF_8000_0000_0000UL, 0x8000_0000_5000_1001UL, PageSize.Size4K),
            (0xFFFF_FFFF_FFFF_F000UL, 0x8000_0000_5000_2001UL, PageSize.Size4K),
        }, Walk(s, 0, ulong.MaxValue));
        Assert.True(s.Translate(0xFFFF_8000_0000_0123, out ulong pa));
        Assert.Equal(0x5000_1123UL, pa);
    }

    [Fact]
    public void ClearsAccessedAndDirtyBitsAndCountsThem()
    {
        using var m = new NativeGuestMemory();
        Assert.True(AddressSpace.TryCreate(m.Physical, m.Pages, out var s));
        Assert.True(s.Map(Va, 0x5000_0000, 0x3000, Permissions.ReadWrite));
        s.LeafPointer(Va, out _)[0] |= Pte.Accessed | Pte.Dirty;
        s.LeafPointer(Va + 0x2000, out _)[0] |= Pte.Accessed;
        Assert.True(s.ClearAccessedDirty(Va, 0x3000, accessed: false, dirty: true, out int a, out int d));
        Assert.Equal((2, 1), (a, d));
        Assert.Equal(0x8000_0000_5000_0023UL, *s.LeafPointer(Va, out _));
        Assert.True(s.ClearAccessedDirty(Va, 0x3000, accessed: true, dirty: true, out a, out d));
        Assert.Equal((2, 0), (a, d));
        Assert.Equal(0x8000_0000_5000_0003UL, *s.LeafPointer(Va, out _));
    }

    [Fact]
    public void SharingSpaceCopiesRuntimeTablesBeforeChangingThem()
    {
        using var m = new NativeGuestMemory();
        Assert.True(m.Runtime.Map(Va, 0x6000_0000, Pte.PageSize, Pte.LeafFlags(true, false, false)));
        Assert.True(m.Runtime.Map(Va + 0x1000, 0x6000_1000, Pte.PageSize, Pte.LeafFlags(true, false, false)));
        Assert.True(AddressSpace.TryCreateSharing(m.Runtime.Root, m.Physical, m.Pages, out var s));
        Assert.False(m.RuntimeSpace.OwnsRoot);
        Assert.True(s.Translate(Va + 0x1000, out ulong pa));
        Assert.Equal(0x6000_1000UL, pa);
        int used = NativeGuestMemory.PoolPages - m.Pages->FreePages;
        Assert.Equal(1, used); // only the root: the runtime's tables are shared

        Assert.True(s.Protect(Va, 0x1000, Permissions.Read));
        Assert.True(s.Map(Va + 0x1000, 0x7000_0000, 0x1000, Permissions.ReadWrite));
        Assert.Equal(4, NativeGuestMemory.PoolPages - m.Pages->FreePages); // PDPT, PD, PT copied
        Assert.Equal(0x8000_0000_6000_0001UL, Lookup(s, Va));
        Assert.Equal(0x8000_0000_7000_0003UL, Lookup(s, Va + 0x1000));
        // The runtime's mappings are untouched.
        Assert.Equal(0x8000_0000_6000_0003UL, m.Runtime.Lookup(Va));
        Assert.Equal(0x8000_0000_6000_1003UL, m.Runtime.Lookup(Va + 0x1000));
        // Mapping somewhere the runtime has nothing never touches its tables either.
        Assert.True(s.Map(0x10_0000_0000, 0x7000_0000, 0x1000, Permissions.Read));
        Assert.Equal(0UL, m.Runtime.Lookup(0x10_0000_0000));
        Assert.Equal(0UL, ((ulong*)m.Physical->ToPointer(m.Runtime.Root))[0]);
    }

    [Fact]
    public void AttachedRuntimeSpaceChangesInPlaceButNeverGrows()
    {
        using var m = new NativeGuestMemory();
        Assert.True(m.Runtime.Map(Va, 0x6000_0000, Pte.PageSize, Pte.LeafFlags(true, false, false)));
        AddressSpace r = m.RuntimeSpace;
        Assert.True(r.Protect(Va, 0x1000, Permissions.Read));
        Assert.Equal(0x8000_0000_6000_0001UL, m.Runtime.Lookup(Va));
        Assert.False(r.Map(0x10_0000_0000, 0x7000_0000, 0x1000, Permissions.Read)); // would need new tables
        Assert.True(r.Map(Va + 0x1000, 0x7000_0000, 0x1000, Permissions.Read));     // its tables exist
        Assert.Equal(0x8000_0000_7000_0001UL, m.Runtime.Lookup(Va + 0x1000));
        Assert.Equal(NativeGuestMemory.PoolPages, m.Pages->FreePages);
    }

    [Fact]
    public void CloneCopiesPrivateTablesAndDestroyReturnsThem()
    {
        using var m = new NativeGuestMemory();
        Assert.True(AddressSpace.TryCreate(m.Physical, m.Pages, out var s));
        Assert.True(s.Map(Va, 0x5000_0000, 0x1000, Permissions.ReadWrite));
        Assert.True(s.TryClone(out var c));
        Assert.Equal(8, NativeGuestMemory.PoolPages - m.Pages->FreePages);
        Assert.True(c.Map(Va, 0x5100_0000, 0x1000, Permissions.Read));
        Assert.Equal(0x8000_0000_5000_0003UL, Lookup(s, Va));
        Assert.Equal(0x8000_0000_5100_0001UL, Lookup(c, Va));
        c.Destroy();
        s.Destroy();
        Assert.Equal(NativeGuestMemory.PoolPages, m.Pages->FreePages);
    }

    [Fact]
    public void MappingALargePageOverATableFreesTheTable()
    {
        using var m = new NativeGuestMemory();
        Assert.True(AddressSpace.TryCreate(m.Physical, m.Pages, out var s));
        Assert.True(s.Map(Va, 0x5000_0000, 0x1000, Permissions.ReadWrite));
        Assert.Equal(4, NativeGuestMemory.PoolPages - m.Pages->FreePages);
        Assert.True(s.Map(Va, 0x4000_0000, 0x20_0000, Permissions.Read, size: PageSize.Size2M));
        Assert.Equal(3, NativeGuestMemory.PoolPages - m.Pages->FreePages);
        Assert.Equal(0x8000_0000_4000_0081UL, Lookup(s, Va + 0x1000));
    }

    [Fact]
    public void RunsOutOfTablesCleanly()
    {
        using var m = new NativeGuestMemory();
        Assert.True(AddressSpace.TryCreate(m.Physical, m.Pages, out var s));
        while (m.Pages->Allocate(out _)) { }
        Assert.False(s.Map(Va, 0x5000_0000, 0x1000, Permissions.Read));
        Assert.False(s.TryClone(out _));
    }

    private static ulong Lookup(AddressSpace s, ulong va) => s.Lookup(va, out ulong e, out _) ? e : 0;
}
