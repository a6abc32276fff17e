using Dune.Memory;

namespace Dune.Guest.Tests.Memory;

public class PteTests
{
    [Fact]
    public void LeafFlagsFollowProtections()
    {
        Assert.Equal(0x8000000000000001UL, Pte.LeafFlags(write: false, execute: false, user: false));
        Assert.Equal(0x3UL, Pte.LeafFlags(write: true, execute: true, user: false));
        Assert.Equal(0x8000000000000007UL, Pte.LeafFlags(write: true, execute: false, user: true));
    }

    [Fact]
    public void MakeKeepsOnlyTheFrame()
    {
        Assert.Equal(0x80000012_34567003UL, Pte.Make(0xFFF0_0012_3456_7ABCUL, Pte.Present | Pte.Writable | Pte.NoExecute));
        Assert.Equal(0x0000_0012_3456_7000UL, Pte.Address(0x80000012_34567003UL));
    }

    [Fact]
    public void IndicesPerLevel()
    {
        ulong va = 0x7FFF_F7A1_2345UL;
        Assert.Equal(255, Pte.Index(va, 4));
        Assert.Equal(511, Pte.Index(va, 3));
        Assert.Equal(445, Pte.Index(va, 2));
        Assert.Equal(0x12, Pte.Index(va, 1));
    }
}
