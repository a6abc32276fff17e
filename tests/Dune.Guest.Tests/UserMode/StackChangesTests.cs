using Dune.UserMode;
using Xunit;

namespace Dune.Guest.Tests.UserMode;

/// <summary>The changes a vfork child hands back to its parent's stack: exactly the bytes it changed, where they were.</summary>
public class StackChangesTests
{
    private static byte[] Replay(ulong address, byte[] before, byte[] records)
    {
        byte[] memory = (byte[])before.Clone();
        Assert.True(StackChanges.Decode(records, (at, bytes) =>
        {
            bytes.CopyTo(memory, (int)(at - address));
            return true;
        }));
        return memory;
    }

    [Fact]
    public void NothingChangedSendsNothing()
    {
        var same = new byte[4096];
        Assert.Empty(StackChanges.Encode(0x7ffd0000, same, same));
    }

    [Fact]
    public void AnErrnoWordAndAStringComeBackExactly()
    {
        var before = new byte[8192];
        for (int i = 0; i < before.Length; i++) before[i] = (byte)(i * 7);
        byte[] after = (byte[])before.Clone();
        after[100] = 2; after[101] = 0; after[102] = 0; after[103] = 0;  // an int the child set (posix_spawn's err)
        "written by the vfork child"u8.ToArray().CopyTo(after, 5000);
        after[8191] ^= 0xFF;                                               // the last byte
        byte[] records = StackChanges.Encode(0x7ffd0000, before, after);
        Assert.Equal(after, Replay(0x7ffd0000, before, records));
        // Three runs: each 12 bytes of header and no more than the changed bytes (runs apart by more than the gap).
        Assert.True(records.Length <= 3 * 12 + 4 + 26 + 1, $"{records.Length} bytes");
    }

    [Fact]
    public void NearbyChangesTravelAsOneRecord()
    {
        var before = new byte[256];
        byte[] after = (byte[])before.Clone();
        after[10] = 1;
        after[20] = 1;
        byte[] records = StackChanges.Encode(0x1000, before, after);
        Assert.Equal(12 + 11, records.Length);
        Assert.Equal(after, Replay(0x1000, before, records));
    }

    [Fact]
    public void MalformedRecordsStopTheReplay()
    {
        int calls = 0;
        byte[] header = new byte[12];
        header[8] = 200; // a length past the end
        Assert.False(StackChanges.Decode(header, (_, _) => { calls++; return true; }));
        Assert.False(StackChanges.Decode(new byte[5], (_, _) => { calls++; return true; }));
        Assert.Equal(0, calls);
    }
}
