using System.Runtime.InteropServices;
using Internal.Runtime.Gc;

namespace Dune.Guest.Tests.Gc;

/// <summary>Finding the object that contains an address inside a block of equal cells (what conservative roots need).</summary>
public unsafe class BlockTests : IDisposable
{
    private const uint CellSize = 48;
    private readonly Block* _block;

    public BlockTests()
    {
        _block = (Block*)NativeMemory.AlignedAlloc(Block.Size, Block.Size);
        new Span<byte>(_block, (int)Block.Size).Clear();
        _block->CellSize = CellSize;
        _block->CarvedEnd = _block->FirstCell + 10 * CellSize;
        SetMethodTable(3, 0x1000);
        SetMethodTable(9, 0x2000);
    }

    public void Dispose() => NativeMemory.AlignedFree(_block);

    private byte* Cell(int index) => _block->FirstCell + index * CellSize;

    private void SetMethodTable(int index, nuint mt) => *(nuint*)(Cell(index) + ObjectHeader.Size) = mt;

    [Fact]
    public void AnyAddressInsideAnAllocatedCellFindsItsObject()
    {
        nuint obj = (nuint)Cell(3) + ObjectHeader.Size;
        Assert.Equal(obj, _block->FindObject((nuint)Cell(3)));
        Assert.Equal(obj, _block->FindObject(obj));
        Assert.Equal(obj, _block->FindObject((nuint)Cell(4) - 1));
        Assert.Equal((nuint)Cell(9) + ObjectHeader.Size, _block->FindObject((nuint)Cell(9) + 20));
    }

    [Fact]
    public void FreeCellsHeaderAndUncarvedCellsHoldNoObject()
    {
        Assert.Equal((nuint)0, _block->FindObject((nuint)Cell(2) + 8));
        Assert.Equal((nuint)0, _block->FindObject((nuint)_block + 8));
        Assert.Equal((nuint)0, _block->FindObject((nuint)Cell(10) + 8));
        Assert.Equal((nuint)0, _block->FindObject((nuint)_block + Block.Size - 8));
    }

    [Fact]
    public void AnUnusedBlockHoldsNoObject()
    {
        _block->CellSize = 0;
        Assert.Equal((nuint)0, _block->FindObject((nuint)Cell(3) + 8));
    }

    [Fact]
    public void TheBlockOfAnAddressIsFoundByMasking()
    {
        Assert.Equal((nuint)_block, (nuint)Block.Containing((nuint)Cell(9) + 20));
        Assert.True(_block->CellsEnd <= (byte*)_block + Block.Size);
        Assert.Equal(0, (int)((_block->CellsEnd - _block->FirstCell) % CellSize));
    }
}
