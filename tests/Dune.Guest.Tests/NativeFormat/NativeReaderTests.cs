using Dune.Runtime.NativeFormat;

namespace Dune.Guest.Tests.NativeFormat;

public unsafe class NativeReaderTests
{
    private static (uint Value, int Length) Native(params byte[] bytes)
    {
        fixed (byte* start = bytes)
        {
            byte* p = start;
            uint v = NativeReader.NativeUnsigned(ref p);
            return (v, (int)(p - start));
        }
    }

    [Fact]
    public void NativeUnsignedAsIlcWritesClauseTables()
    {
        // Bytes of a real ilc clause table: count 2, try start 4, (34 << 2 | typed) in two bytes, handler 0x41.
        Assert.Equal((2u, 1), Native(0x04));
        Assert.Equal((4u, 1), Native(0x08));
        Assert.Equal((136u, 2), Native(0x21, 0x02));
        Assert.Equal((0x41u, 1), Native(0x82));
        Assert.Equal((127u, 1), Native(0xfe));
        Assert.Equal((0x3fffu, 2), Native(0xfd, 0xff));
        Assert.Equal((0x1fffffu, 3), Native(0xfb, 0xff, 0xff));
        Assert.Equal((0xfffffffu, 4), Native(0xf7, 0xff, 0xff, 0xff));
        Assert.Equal((0xdeadbeefu, 5), Native(0x0f, 0xef, 0xbe, 0xad, 0xde));
    }

    [Fact]
    public void Leb128()
    {
        byte[] bytes = { 0xe5, 0x8e, 0x26, 0x78, 0x7f, 0x80, 0x7f };
        fixed (byte* start = bytes)
        {
            byte* p = start;
            Assert.Equal(624485ul, NativeReader.Uleb128(ref p));
            Assert.Equal(-8L, NativeReader.Sleb128(ref p));
            Assert.Equal(-1L, NativeReader.Sleb128(ref p));
            Assert.Equal(-128L, NativeReader.Sleb128(ref p));
            Assert.Equal(7, (int)(p - start));
        }
    }

    [Fact]
    public void RelativePointerIsFromItsOwnLocation()
    {
        byte[] bytes = { 0, 0, 0xfe, 0xff, 0xff, 0xff };
        fixed (byte* start = bytes)
            Assert.True(NativeReader.RelativePointer(start + 2) == start);
    }
}
