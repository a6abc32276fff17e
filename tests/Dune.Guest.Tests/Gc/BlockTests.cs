using System.Runtime.InteropServices;
using Internal.Runtime.Gc;

namespace Dune.Guest.Tests.Gc;

/// <summary>A block's cells and bitmaps: finding objects for conservative roots, marking, sweeping, free runs.</summary>
public unsafe class BlockTests : IDisposable
{
    private const uint CellSize = 48;
    private readonly Block* _block;

    public BlockTests()
    {
        _block = (Block*)NativeMemory.AlignedAlloc(Block.Size, Block.Size);
        new Span<byte>(_block, (int)Block.Size).Clear();
        _block->Assign(3, CellSize);
        Allocate(3, 0x1000);
        Allocate(9, 0x2000);
    }

    public void Dispose() => NativeMemory.AlignedFree(_block);

    private byte* Cell(int index) => _block->FirstCell + index * CellSize;

    private nuint Object(int index) => (nuint)Cell(index) + ObjectHeader.Size;

    private void Allocate(int index, nuint mt)
    {
        _block->SetAllocated((uint)index, (uint)index + 1, true);
        *(nuint*)Object(index) = mt;
    }

    [Fact]
    public void TheHeaderAndItsBitmapsFitBeforeTheFirstCell()
    {
        Assert.True(sizeof(Block) <= (int)Block.HeaderSize);
        Assert.True(Block.BitmapWords * 64 >= (int)((Block.Size - Block.HeaderSize) / SizeClasses.MinObjectSize));
    }

    [Fact]
    public void AnyAddressInsideAnAllocatedCellFindsItsObject()
    {
        Assert.Equal(Object(3), _block->FindObject((nuint)Cell(3)));
        Assert.Equal(Object(3), _block->FindObject(Object(3)));
        Assert.Equal(Object(3), _block->FindObject((nuint)Cell(4) - 1));
        Assert.Equal(Object(9), _block->FindObject((nuint)Cell(9) + 20));
    }

    [Fact]
    public void FreeCellsTheHeaderAndTheTailHoldNoObject()
    {
        Assert.Equal((nuint)0, _block->FindObject((nuint)Cell(2) + 8));
        Assert.Equal((nuint)0, _block->FindObject((nuint)_block + 8));
        Assert.Equal((nuint)0, _block->FindObject((nuint)Cell(10) + 8));
        Assert.Equal((nuint)0, _block->FindObject((nuint)_block + Block.Size - 8));
    }

    [Fact]
    public void AFreedCellWithStaleContentsHoldsNoObject()
    {
        _block->SetAllocated(3, 4, false);
        Assert.Equal((nuint)0, _block->FindObject(Object(3)));
    }

    [Fact]
    public void AnUnusedBlockHoldsNoObject()
    {
        _block->CellSize = 0;
        Assert.Equal((nuint)0, _block->FindObject((nuint)Cell(3) + 8));
    }

    [Fact]
    public void CellIndexIsExactForEveryOffsetOfEverySizeClass()
    {
        foreach (uint size in new uint[] { 24, 40, 48, 56, 80, 112, 160, 224, 320, 448, 640, 896, 1280, 1792, 2560, 3584, 5120, 7168, 8192 })
        {
            _block->Assign(3, size);
            for (uint index = 0; index < _block->CellCount; index++)
            {
                Assert.Equal(index, _block->CellIndex((nuint)_block->Cell(index)));
                Assert.Equal(index, _block->CellIndex((nuint)_block->Cell(index) + size - 1));
            }
        }
    }

    private int CardOf(int index) => (int)((Object(index) - (nuint)_block) >> Block.CardShift);

    [Fact]
    public void SweepKeepsMarkedObjectsAndCountsTheDead()
    {
        Assert.True(_block->TryMark(Object(9)));
        Assert.False(_block->TryMark(Object(9)));
        nuint dead = 0;
        Assert.Equal(1u, _block->Sweep(ref dead, promoteAll: false));
        Assert.Equal((nuint)1, dead);
        Assert.Equal(Object(9), _block->FindObject(Object(9)));
        Assert.Equal((nuint)0, _block->FindObject(Object(3)));
    }

    [Fact]
    public void AnObjectIsOldOnlyAfterSurvivingTwoMinorCollections()
    {
        nuint dead = 0;
        Assert.True(_block->TryMark(Object(9)));
        _block->Sweep(ref dead, promoteAll: false);
        Assert.Equal(0u, _block->OldCells);
        Assert.Equal(0, _block->Cards[CardOf(9)]);
        Assert.True(_block->TryMark(Object(9)));
        Assert.Equal(1, _block->Cards[CardOf(9)]);
        _block->Sweep(ref dead, promoteAll: false);
        Assert.Equal(1u, _block->OldCells);
        Assert.False(_block->TryMark(Object(9)));
        Assert.Equal((nuint)1, dead);
    }

    [Fact]
    public void AnObjectThatSurvivedOnceAndIsNotReachedAgainIsFreed()
    {
        nuint dead = 0;
        Assert.True(_block->TryMark(Object(9)));
        _block->Sweep(ref dead, promoteAll: false);
        Assert.Equal(0u, _block->Sweep(ref dead, promoteAll: false));
        Assert.Equal((nuint)0, _block->FindObject(Object(9)));
        Assert.Equal((nuint)2, dead);
    }

    [Fact]
    public void AMajorSweepMakesEverySurvivorOldAndAMajorStartForgetsAges()
    {
        nuint dead = 0;
        Assert.True(_block->TryMark(Object(9)));
        _block->Sweep(ref dead, promoteAll: true);
        Assert.Equal(1u, _block->OldCells);
        Assert.False(_block->TryMark(Object(9)));
        _block->ClearMarksAndCards();
        Assert.Equal(0u, _block->OldCells);
        Assert.True(_block->TryMark(Object(9)));
        Assert.Equal(0, _block->Cards[CardOf(9)]);
    }

    [Fact]
    public void CardsOpenTheHeaderWhereTheWriteBarriersLookForThem()
    {
        Assert.Equal(0, (int)((byte*)&_block->Cards[0] - (byte*)_block));
        _block->MarkCards((nuint)Cell(9) + 8, (nuint)Cell(9) + 24);
        int card = (int)(((nuint)Cell(9) + 8 - (nuint)_block) >> Block.CardShift);
        Assert.Equal(1, _block->Cards[card]);
        _block->ClearMarksAndCards();
        Assert.Equal(0, _block->Cards[card]);
    }

    [Fact]
    public void FreeRunsAreTheGapsBetweenAllocatedCells()
    {
        Assert.Equal(0u, _block->TakeFreeRun(0, out uint end));
        Assert.Equal(3u, end);
        Assert.Equal(4u, _block->TakeFreeRun(end, out end));
        Assert.Equal(9u, end);
        Assert.Equal(10u, _block->TakeFreeRun(end, out end));
        Assert.Equal(_block->CellCount, end);
        Assert.Equal(_block->CellCount, _block->TakeFreeRun(0, out _));
    }

    [Fact]
    public void TheBlockOfAnAddressIsFoundByMasking()
    {
        Assert.Equal((nuint)_block, (nuint)Block.Containing((nuint)Cell(9) + 20));
        Assert.True(_block->Cell(_block->CellCount) <= (byte*)_block + Block.Size);
    }
}
