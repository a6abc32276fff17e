using Dune.Guest.Generators;

namespace Dune.Guest.Tests.Generators;

/// <summary>The type metadata generator's pure parts: ilc's name hash and the table layout the runtime reads.</summary>
public class TypeMetadataTests
{
    // Values read from MethodTable.HashCode in binaries ilc 10.0.12 built here.
    [Theory]
    [InlineData("System.Int32", 0xbd7c8cb2u)]
    [InlineData("My.Ns.Outer", 0x10ac705du)]
    public void NameHashMatchesIlc(string name, uint expected) => Assert.Equal(expected, (uint)TypeNameHash.OfName(name));

    [Fact]
    public void NestedHashMatchesIlc() =>
        Assert.Equal(0x1a2dfec9u, (uint)TypeNameHash.OfNested(TypeNameHash.OfName("My.Ns.Outer"), TypeNameHash.OfName("Inner")));

    [Fact]
    public void NestedRecordsUsePlusAndTheOutermostNamespace()
    {
        var outer = TypeRecord.TopLevel("A.B", "Outer`1");
        var inner = TypeRecord.Nested(outer, "Inner");
        Assert.Equal("A.B.Outer`1+Inner", inner.FullName);
        Assert.Equal("A.B", inner.Namespace);
        Assert.Equal("Inner", inner.Name);
    }

    [Fact]
    public void TableIndexIsSortedByUnsignedHashAndEnumMembersByValue()
    {
        var e = TypeRecord.TopLevel("", "E");
        e.IsEnum = true;
        e.Members.Add(new EnumMember("Neg", unchecked((ulong)-1L)));
        e.Members.Add(new EnumMember("Two", 2));
        e.Members.Add(new EnumMember("Zero", 0));
        var types = new List<TypeRecord> { TypeRecord.TopLevel("N", "A"), TypeRecord.TopLevel("N", "B"), e };
        byte[] table = TypeMetadataTable.Write("asm", types);

        Assert.Equal(3u, BitConverter.ToUInt32(table, 0));
        uint[] hashes = { BitConverter.ToUInt32(table, 8), BitConverter.ToUInt32(table, 16), BitConverter.ToUInt32(table, 24) };
        Assert.Equal(hashes.OrderBy(h => h), hashes);

        int index = Array.IndexOf(hashes, (uint)e.Hash);
        int record = (int)BitConverter.ToUInt32(table, 8 + index * 8 + 4);
        Assert.Equal(TypeMetadataTable.EnumFlag, table[record]);
        int fullNameLength = BitConverter.ToUInt16(table, record + 5);
        int p = record + 7 + fullNameLength;
        Assert.Equal(3, BitConverter.ToUInt16(table, p));
        p += 2;
        var names = new List<string>();
        for (int i = 0; i < 3; i++)
        {
            int length = BitConverter.ToUInt16(table, p + 8);
            names.Add(System.Text.Encoding.UTF8.GetString(table, p + 10, length));
            p += 10 + length;
        }
        Assert.Equal(new[] { "Zero", "Two", "Neg" }, names);
    }
}
