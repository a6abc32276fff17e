using Dune.Runtime.NativeFormat;

namespace Dune.Guest.Tests.NativeFormat;

public unsafe class NativeHashtableTests
{
    /// <summary>Every entry of a table as the list of NativeFormat unsigned values it starts with.</summary>
    private static List<uint[]> Entries(byte[] table, int valuesPerEntry)
    {
        var result = new List<uint[]>();
        fixed (byte* start = table)
        {
            var entries = new NativeHashtable(start);
            while (entries.MoveNext(out byte* e))
            {
                var values = new uint[valuesPerEntry];
                for (int i = 0; i < valuesPerEntry; i++) values[i] = NativeReader.NativeUnsigned(ref e);
                result.Add(values);
            }
        }
        return result;
    }

    [Fact]
    public void GvmTableAsIlc10WritesIt()
    {
        // __gvm_table of a program with Visitor.Visit<T> overridden by two classes plus ConvA.Conv<T>: one bucket,
        // four entries (calling type, implementing type, method, method) as external-reference indexes.
        byte[] table =
        {
            0x00, 0x02, 0x0a, 0x00, 0x0e, 0x00, 0x22, 0x1b, 0x0e, 0xed, 0x12,
            0x0a, 0x0a, 0x00, 0x00, 0x0a, 0x0c, 0x00, 0x00, 0x0a, 0x0e, 0x00, 0x00, 0x10, 0x10, 0x00, 0x00,
        };
        var entries = Entries(table, 4);
        Assert.Equal(new[] { new uint[] { 5, 5, 0, 0 }, new uint[] { 8, 8, 0, 0 }, new uint[] { 5, 6, 0, 0 }, new uint[] { 5, 7, 0, 0 } }, entries);
    }

    [Fact]
    public void EmptyTableHasNoEntries()
    {
        Assert.Empty(Entries(new byte[] { 0x00, 0x02, 0x02 }, 1));
    }

    [Fact]
    public void SeveralBucketsWithTwoByteOffsets()
    {
        // Header 0x05: two buckets (shift 1), two-byte bucket offsets (size code 1). Bucket 0 holds one entry,
        // bucket 1 two; each offset is relative to its own position.
        byte[] table =
        {
            0x05, 0x06, 0x00, 0x08, 0x00, 0x0c, 0x00,
            0x11, 0x0a,
            0x22, 0x08, 0x33, 0x06,
            0x2a, 0x54, 0x7e,
        };
        var entries = Entries(table, 1);
        Assert.Equal(new[] { new uint[] { 21 }, new uint[] { 42 }, new uint[] { 63 } }, entries);
    }

    [Theory]
    [InlineData(new byte[] { 0x00 }, 0, 1)]
    [InlineData(new byte[] { 0x0e }, 7, 1)]
    [InlineData(new byte[] { 0xd6 }, -21, 1)]
    [InlineData(new byte[] { 0xfe }, -1, 1)]
    [InlineData(new byte[] { 0xfd, 0xff }, -1, 2)]
    [InlineData(new byte[] { 0x01, 0x02 }, 128, 2)]
    [InlineData(new byte[] { 0x0f, 0xfe, 0xff, 0xff, 0xff }, -2, 5)]
    public void NativeSignedSignExtendsFromItsWidth(byte[] encoded, int expected, int length)
    {
        byte[] copy = encoded;
        fixed (byte* start = copy)
        {
            byte* p = start;
            Assert.Equal(expected, NativeReader.NativeSigned(ref p));
            Assert.Equal(length, (int)(p - start));
        }
    }
}
