using Dune.Memory;

namespace Dune.Guest.Tests.Memory;

public class PageFlagsTests
{
    [Theory]
    [InlineData(Permissions.None, 0x0UL)]
    [InlineData(Permissions.Read, 0x8000_0000_0000_0001UL)]
    [InlineData(Permissions.ReadWrite, 0x8000_0000_0000_0003UL)]
    [InlineData(Permissions.ReadExecute, 0x1UL)]
    [InlineData(Permissions.Read | Permissions.User, 0x8000_0000_0000_0005UL)]
    [InlineData(Permissions.ReadWrite | Permissions.Execute | Permissions.User, 0x7UL)]
    [InlineData(Permissions.Write, 0x0UL)] // no Read: not present, whatever else is asked
    public void PermissionBits(Permissions p, ulong bits) => Assert.Equal(bits, PageFlags.PermissionBits(p));

    [Theory]
    [InlineData(Permissions.Read)]
    [InlineData(Permissions.ReadWrite)]
    [InlineData(Permissions.ReadExecute | Permissions.User)]
    [InlineData(Permissions.ReadWrite | Permissions.Execute | Permissions.User)]
    public void PermissionsRoundTrip(Permissions p) =>
        Assert.Equal(p, PageFlags.PermissionsOf(PageFlags.Leaf(0x1234_5000, p, CacheMode.WriteBack, PageSize.Size4K)));

    [Fact]
    public void LeafEntriesOfEachSize()
    {
        Assert.Equal(0x8000_0000_1234_5003UL, PageFlags.Leaf(0x1234_5FFF, Permissions.ReadWrite, CacheMode.WriteBack, PageSize.Size4K));
        // 2 MiB: PS (bit 7) set, frame bits below 21 dropped.
        Assert.Equal(0x0000_0000_4020_0081UL, PageFlags.Leaf(0x4023_4000, Permissions.ReadExecute, CacheMode.WriteBack, PageSize.Size2M));
        Assert.Equal(0x8000_0001_4000_0083UL, PageFlags.Leaf(0x1_7FFF_F000, Permissions.ReadWrite, CacheMode.WriteBack, PageSize.Size1G));
    }

    [Theory]
    [InlineData(CacheMode.WriteBack, 0x0UL)]
    [InlineData(CacheMode.WriteThrough, 0x8UL)]    // PWT
    [InlineData(CacheMode.UncachedMinus, 0x10UL)]  // PCD
    [InlineData(CacheMode.Uncached, 0x18UL)]       // PCD | PWT
    public void CacheModesUseThePowerOnPatIndexes(CacheMode mode, ulong bits)
    {
        Assert.Equal(bits, PageFlags.Leaf(0, Permissions.ReadExecute, mode, PageSize.Size4K) & 0x98);
        Assert.Equal((int)mode, PageFlags.PatIndexOf(PageFlags.Leaf(0, Permissions.Read, mode, PageSize.Size2M), PageSize.Size2M));
    }

    [Fact]
    public void PatBitMovesWithThePageSize()
    {
        Assert.Equal(0x80UL | 0x10, PageFlags.CacheBits(6, PageSize.Size4K));
        Assert.Equal(0x1000UL | 0x08, PageFlags.CacheBits(5, PageSize.Size2M));
        Assert.Equal(0x1000UL | 0x18, PageFlags.CacheBits(7, PageSize.Size1G));
        ulong large = 0x4020_0000UL | 0x1000 | 0x08 | 0x80 | 0x63; // PAT index 5, PS, A, D, RW, P
        Assert.Equal(5, PageFlags.PatIndexOf(large, PageSize.Size2M));
        Assert.Equal(0x4020_0000UL, PageFlags.Frame(large, PageSize.Size2M));
        // Split into 4 KiB: the PAT bit moves to bit 7, PS goes, A/D/RW/P stay.
        Assert.Equal(0x4020_3000UL | 0x80 | 0x08 | 0x63, PageFlags.Resize(large, PageSize.Size2M, PageSize.Size4K, 0x4020_3000));
        // 1 GiB into 2 MiB: the PAT bit stays at 12, PS stays.
        ulong huge = 0x8000_0000_4000_0000UL | 0x1000 | 0x83;
        Assert.Equal(0x8000_0000_4060_0000UL | 0x1000 | 0x83, PageFlags.Resize(huge, PageSize.Size1G, PageSize.Size2M, 0x4060_0000));
    }

    [Fact]
    public void WithPermissionsKeepsFrameCacheAccessedDirtyAndSoftwareBits()
    {
        ulong e = 0x8000_0000_1234_5000UL | PageFlags.CopyOnWrite | Pte.Dirty | Pte.Accessed | Pte.CacheDisable | Pte.Present;
        Assert.Equal(0x0000_0000_1234_5000UL | PageFlags.CopyOnWrite | 0x73 | 0x4,
            PageFlags.WithPermissions(e, Permissions.ReadWrite | Permissions.Execute | Permissions.User));
        Assert.Equal(0x0000_0000_1234_5000UL | PageFlags.CopyOnWrite | 0x70, PageFlags.WithPermissions(e, Permissions.None));
    }

    [Fact]
    public void Sizes()
    {
        Assert.Equal(0x1000UL, PageFlags.Bytes(PageSize.Size4K));
        Assert.Equal(0x20_0000UL, PageFlags.Bytes(PageSize.Size2M));
        Assert.Equal(0x4000_0000UL, PageFlags.Bytes(PageSize.Size1G));
        Assert.Equal(0x000F_FFFF_FFE0_0000UL, PageFlags.FrameMask(PageSize.Size2M));
    }
}
