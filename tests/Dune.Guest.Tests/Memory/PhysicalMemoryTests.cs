using Dune.Memory;

namespace Dune.Guest.Tests.Memory;

public unsafe class PhysicalMemoryTests
{
    [Fact]
    public void TranslatesBothWaysAcrossWindows()
    {
        GpaWindow* windows = stackalloc GpaWindow[4];
        var layout = new GuestPhysicalLayout(windows, 4, 40);
        Assert.Equal(1, layout.Cover(0x7F00_0000_0000, 0x40_0000));   // GPA 0x200000..0x600000
        Assert.Equal(1, layout.Cover(0x5500_0000_0000, 0x20_0000));   // GPA 0x600000..0x800000
        var physical = new PhysicalMemory(&layout);

        Assert.True(physical.TryToPhysical(0x5500_0000_1234, out ulong gpa));
        Assert.Equal(0x60_1234UL, gpa);
        Assert.False(physical.TryToPhysical(0x1000, out _));
        Assert.Equal(0x7F00_0000_0000UL + 0x3F_F000, (ulong)physical.ToPointer(0x5F_F000));
        Assert.Equal(0x5500_0000_0010UL, (ulong)physical.ToPointer(0x60_0010));
        Assert.Equal(0x7F00_0000_0008UL, (ulong)physical.ToPointer(0x20_0008)); // back to the first window
        Assert.True(physical.ToPointer(0x80_0000) == null);
        Assert.True(physical.ToPointer(0x1000) == null);                     // below FirstGpa: the backend's
    }

    [Fact]
    public void SeesWindowsAddedLater()
    {
        GpaWindow* windows = stackalloc GpaWindow[4];
        var layout = new GuestPhysicalLayout(windows, 4, 40);
        var physical = new PhysicalMemory(&layout);
        Assert.True(physical.ToPointer(0x20_0000) == null);
        layout.Cover(0x4000_0000, 0x1000);
        Assert.Equal(0x4000_0000UL, (ulong)physical.ToPointer(0x20_0000));
    }
}
