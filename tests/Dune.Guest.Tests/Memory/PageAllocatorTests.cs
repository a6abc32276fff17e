using Dune.Memory;

namespace Dune.Guest.Tests.Memory;

public unsafe class PageAllocatorTests
{
    private const ulong Gpa = 0x80_0000;

    [Fact]
    public void HandsOutLowestPagesFirstZeroedWithOneReference()
    {
        byte[] pool = new byte[4 * 4096];
        byte[] books = new byte[PageAllocator.BookkeepingBytes(4)];
        Array.Fill(pool, (byte)0xAA);
        fixed (byte* p = pool) fixed (byte* b = books)
        {
            var a = new PageAllocator(b, p, Gpa, 4);
            Assert.Equal(24UL, PageAllocator.BookkeepingBytes(4));
            Assert.True(a.Allocate(out ulong first));
            Assert.True(a.Allocate(out ulong second, zero: false));
            Assert.Equal(Gpa, first);
            Assert.Equal(Gpa + 0x1000, second);
            Assert.Equal(0, pool[0] | pool[4095]);
            Assert.Equal(0xAA, pool[4096]);
            Assert.Equal(1, a.References(first));
            Assert.Equal(2, a.FreePages);
            Assert.True(p + 0x1000 == a.Pointer(second));
        }
    }

    [Fact]
    public void ReferencesKeepPagesUntilTheLastRelease()
    {
        byte[] pool = new byte[2 * 4096];
        byte[] books = new byte[PageAllocator.BookkeepingBytes(2)];
        fixed (byte* p = pool) fixed (byte* b = books)
        {
            var a = new PageAllocator(b, p, Gpa, 2);
            Assert.True(a.Allocate(out ulong g));
            Assert.True(a.AddReference(g));
            Assert.Equal(2, a.References(g));
            Assert.False(a.Release(g));
            Assert.Equal(1, a.FreePages);
            Assert.True(a.Release(g));
            Assert.Equal(0, a.References(g));
            Assert.Equal(2, a.FreePages);
            Assert.False(a.Release(g));      // already free: no underflow
            Assert.False(a.AddReference(g)); // a free page cannot be shared
            Assert.True(a.Allocate(out ulong again));
            Assert.Equal(g, again);          // last freed, first reused
        }
    }

    [Fact]
    public void ForeignPagesAndExhaustion()
    {
        byte[] pool = new byte[4096];
        byte[] books = new byte[PageAllocator.BookkeepingBytes(1)];
        fixed (byte* p = pool) fixed (byte* b = books)
        {
            var a = new PageAllocator(b, p, Gpa, 1);
            Assert.False(a.Contains(Gpa - 0x1000));
            Assert.False(a.Contains(Gpa + 0x1000));
            Assert.True(a.Pointer(Gpa + 0x1000) == null);
            Assert.False(a.AddReference(0x1234_0000));
            Assert.Equal(0, a.References(0x1234_0000));
            Assert.True(a.Allocate(out _));
            Assert.False(a.Allocate(out ulong none));
            Assert.Equal(0UL, none);
        }
    }

    [Fact]
    public void ReferenceCountSaturates()
    {
        byte[] pool = new byte[4096];
        byte[] books = new byte[PageAllocator.BookkeepingBytes(1)];
        fixed (byte* p = pool) fixed (byte* b = books)
        {
            var a = new PageAllocator(b, p, Gpa, 1);
            Assert.True(a.Allocate(out ulong g));
            for (int i = 1; i < PageAllocator.MaxReferences; i++) Assert.True(a.AddReference(g));
            Assert.False(a.AddReference(g));
            Assert.Equal(PageAllocator.MaxReferences, a.References(g));
        }
    }
}
