using System.Runtime.InteropServices;
using Internal.Runtime.Gc;

namespace Dune.Guest.Tests.Gc;

public unsafe class SizeClassesTests
{
    private static readonly object InitLock = new();
    private static bool s_initialized;

    private static void EnsureInitialized()
    {
        lock (InitLock)
        {
            if (s_initialized) return;
            SizeClasses.Initialize((byte*)NativeMemory.AllocZeroed(SizeClasses.TableBytes));
            s_initialized = true;
        }
    }

    [Fact]
    public void ClassesGrowFromTheMinimumObjectToTheLargestSmallObject()
    {
        EnsureInitialized();
        Assert.InRange(SizeClasses.Count, 2, SizeClasses.MaxClasses);
        Assert.Equal((uint)SizeClasses.MinObjectSize, SizeClasses.CellSizes[0]);
        Assert.Equal((uint)SizeClasses.MaxSmallSize, SizeClasses.CellSizes[SizeClasses.Count - 1]);
        for (int c = 1; c < SizeClasses.Count; c++)
        {
            Assert.True(SizeClasses.CellSizes[c] > SizeClasses.CellSizes[c - 1]);
            Assert.Equal(0u, SizeClasses.CellSizes[c] % 8);
        }
    }

    [Fact]
    public void EverySizeGetsTheSmallestCellThatFitsWithAtMostAQuarterWasted()
    {
        EnsureInitialized();
        for (nuint size = SizeClasses.MinObjectSize; size <= SizeClasses.MaxSmallSize; size += 8)
        {
            int c = SizeClasses.ClassOf(size);
            uint cell = SizeClasses.CellSizes[c];
            Assert.True(cell >= size, $"size {size} got cell {cell}");
            if (c > 0) Assert.True(SizeClasses.CellSizes[c - 1] < size, $"size {size} fits class {c - 1}");
            Assert.True(cell * 4 <= size * 5 + 64, $"size {size} wastes too much in cell {cell}");
        }
    }

    [Fact]
    public void TheFastPathsFindEachSizesRunAndUnderStressTheRunWithNoRoom()
    {
        EnsureInitialized();
        var offsets = new ushort[SizeClasses.RunOffsetCount];
        fixed (ushort* table = offsets)
        {
            SizeClasses.FillRunOffsets(table, slowPathOnly: false);
            for (nuint size = 1; size <= SizeClasses.MaxSmallSize; size++)
            {
                ushort offset = offsets[(size + 7) / 8];
                Assert.Equal(0, offset % sizeof(AllocationRun));
                Assert.Equal(SizeClasses.ClassOf(size), offset / sizeof(AllocationRun));
            }
            Assert.Equal(32, sizeof(AllocationRun));
            Assert.Equal(3 * 32, (int)offsets[48 / 8]);

            SizeClasses.FillRunOffsets(table, slowPathOnly: true);
            Assert.All(offsets, o => Assert.Equal(SizeClasses.NoRoomRun * sizeof(AllocationRun), (int)o));
        }
    }
}
