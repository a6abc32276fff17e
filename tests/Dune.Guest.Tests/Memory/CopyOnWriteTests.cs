using Dune.Tests.Shared;
using Dune.Memory;

namespace Dune.Guest.Tests.Memory;

public unsafe class CopyOnWriteTests
{
    private const ulong Va = 0x7F00_0000_0000UL;
    private const ulong WriteToPresent = CopyOnWrite.ErrorPresent | CopyOnWrite.ErrorWrite;

    [Fact]
    public void ForkSharesFramesThenTheFirstWriterCopiesAndTheLastOneJustWrites()
    {
        using var m = new NativeGuestMemory();
        Assert.True(AddressSpace.TryCreate(m.Physical, m.Pages, out var parent));
        Assert.True(m.Pages->Allocate(out ulong frame));
        m.Words(frame)[5] = 0x1122_3344;
        Assert.True(parent.Map(Va, frame, 0x1000, Permissions.ReadWrite));

        Assert.True(CopyOnWrite.Fork(ref parent, m.Pages, Va, 0x1000, out var child));
        ulong shared = frame | PageFlags.CopyOnWrite | Pte.NoExecute | Pte.Present;
        Assert.Equal(shared, Lookup(parent, Va));
        Assert.Equal(shared, Lookup(child, Va));
        Assert.Equal(2, m.Pages->References(frame));

        // Reads, not-present faults and faults elsewhere are not ours.
        Assert.Equal(FaultResolution.NotCopyOnWrite, CopyOnWrite.Resolve(ref child, m.Pages, Va, CopyOnWrite.ErrorPresent));
        Assert.Equal(FaultResolution.NotCopyOnWrite, CopyOnWrite.Resolve(ref child, m.Pages, Va, CopyOnWrite.ErrorWrite));
        Assert.Equal(FaultResolution.NotCopyOnWrite, CopyOnWrite.Resolve(ref child, m.Pages, Va + 0x1000, WriteToPresent));

        Assert.Equal(FaultResolution.Copied, CopyOnWrite.Resolve(ref child, m.Pages, Va + 0x28, WriteToPresent));
        Assert.True(child.Translate(Va, out ulong copy));
        Assert.NotEqual(frame, copy);
        Assert.Equal(copy | Pte.NoExecute | Pte.Writable | Pte.Present, Lookup(child, Va));
        Assert.Equal(0x1122_3344UL, m.Words(copy)[5]);
        Assert.Equal(1, m.Pages->References(frame));
        Assert.Equal(1, m.Pages->References(copy));

        int free = m.Pages->FreePages;
        Assert.Equal(FaultResolution.MadeWritable, CopyOnWrite.Resolve(ref parent, m.Pages, Va, WriteToPresent | CopyOnWrite.ErrorUser));
        Assert.Equal(frame | Pte.NoExecute | Pte.Writable | Pte.Present, Lookup(parent, Va));
        Assert.Equal(free, m.Pages->FreePages);
        // Now writable: a further write fault there is a real protection fault, not copy-on-write.
        Assert.Equal(FaultResolution.NotCopyOnWrite, CopyOnWrite.Resolve(ref parent, m.Pages, Va, WriteToPresent));
    }

    [Fact]
    public void ShareLeavesReadOnlyPagesAlone()
    {
        using var m = new NativeGuestMemory();
        Assert.True(AddressSpace.TryCreate(m.Physical, m.Pages, out var s));
        Assert.True(s.Map(Va, 0x5000_0000, 0x2000, Permissions.Read));
        Assert.True(s.Map(Va + 0x2000, 0x5000_2000, 0x1000, Permissions.ReadWrite | Permissions.Execute));
        Assert.True(CopyOnWrite.Share(ref s, Va, 0x3000));
        Assert.Equal(0x8000_0000_5000_0001UL, Lookup(s, Va));
        Assert.Equal(0x5000_2001UL | PageFlags.CopyOnWrite, Lookup(s, Va + 0x2000));
    }

    [Fact]
    public void ForeignFramesAreCopiedAndNeverReleased()
    {
        using var m = new NativeGuestMemory();
        // A "runtime" page outside the pool, visible through the layout: the runtime table pool's last page.
        ulong foreign = NativeGuestMemory.RuntimeGpa + 0x1F_F000;
        m.Words(foreign)[0] = 77;
        Assert.True(AddressSpace.TryCreate(m.Physical, m.Pages, out var s));
        Assert.True(s.Map(Va, foreign, 0x1000, Permissions.ReadWrite));
        Assert.True(CopyOnWrite.Share(ref s, Va, 0x1000));
        Assert.Equal(FaultResolution.Copied, CopyOnWrite.Resolve(ref s, m.Pages, Va, WriteToPresent));
        Assert.True(s.Translate(Va, out ulong copy));
        Assert.True(m.Pages->Contains(copy));
        Assert.Equal(77UL, m.Words(copy)[0]);
    }

    [Fact]
    public void OutOfMemoryLeavesTheMappingShared()
    {
        using var m = new NativeGuestMemory();
        Assert.True(AddressSpace.TryCreate(m.Physical, m.Pages, out var s));
        Assert.True(m.Pages->Allocate(out ulong frame));
        Assert.True(s.Map(Va, frame, 0x1000, Permissions.ReadWrite));
        Assert.True(CopyOnWrite.Fork(ref s, m.Pages, Va, 0x1000, out var child));
        while (m.Pages->Allocate(out _)) { }
        Assert.Equal(FaultResolution.OutOfMemory, CopyOnWrite.Resolve(ref child, m.Pages, Va, WriteToPresent));
        Assert.Equal(frame | PageFlags.CopyOnWrite | Pte.NoExecute | Pte.Present, Lookup(child, Va));
    }

    private static ulong Lookup(AddressSpace s, ulong va) => s.Lookup(va, out ulong e, out _) ? e : 0;
}
