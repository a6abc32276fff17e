using System.Text;
using Dune.Memory;

namespace Dune.Guest.Tests.Memory;

public unsafe class ProcMapsTests
{
    [Fact]
    public void ParsesRangesProtectionsAndKernelPages()
    {
        byte[] text = Encoding.ASCII.GetBytes(
            "00400000-00401000 r--p 00000000 00:1f 123                                /bin/x\n" +
            "00401000-00500000 r-xp 00001000 00:1f 123                                /bin/x\n" +
            "7ffff7ff9000-7ffff7ffd000 r--p 00000000 00:00 0                          [vvar]\n" +
            "7ffffffde000-7ffffffff000 rw-p 00000000 00:00 0                          [stack]\n" +
            "ffffffffff600000-ffffffffff601000 --xp 00000000 00:00 0                  [vsyscall]\n" +
            "7f0000000000-7f0000003000 rw-s 00000000 00:0e 1234                       anon_inode:kvm-vcpu:0\n" +
            "7f0000003000-7f0000004000 rw-p 00000000 00:00 0 \n");
        var entries = new List<MapsEntry>();
        fixed (byte* p = text)
        {
            var maps = new ProcMaps(p, text.Length);
            while (maps.Next(out MapsEntry e)) entries.Add(e);
        }
        Assert.Equal(7, entries.Count);
        Assert.Equal((0x400000UL, 0x401000UL, true, false, false, false),
            (entries[0].Start, entries[0].End, entries[0].Read, entries[0].Write, entries[0].Execute, entries[0].KernelSpecial));
        Assert.True(entries[1].Execute);
        Assert.True(entries[2].KernelSpecial);
        Assert.Equal((0x7ffffffde000UL, 0x7ffffffff000UL, true, true, false),
            (entries[3].Start, entries[3].End, entries[3].Read, entries[3].Write, entries[3].KernelSpecial));
        Assert.True(entries[4].KernelSpecial);
        Assert.True(entries[5].KernelSpecial);
        Assert.Equal((0x7f0000003000UL, 0x7f0000004000UL, true, false), (entries[6].Start, entries[6].End, entries[6].Write, entries[6].KernelSpecial));
    }
}
