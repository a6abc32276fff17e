namespace Dune.Conformance.Tests;

public class HelloTests
{
    [Fact]
    public void HelloPrintsGreetingAndExitsZero()
    {
        var r = DuneProgram.Run("samples/hello");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("Hello from DuneAot! A C# program on its own runtime, statically linked, no libc.\n", r.Stdout);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void HelloIsStaticWithNoInterpreterOrDynamicSection()
    {
        string exe = DuneProgram.Build("samples/hello");
        byte[] elf = File.ReadAllBytes(exe);
        Assert.Equal(new byte[] { 0x7f, (byte)'E', (byte)'L', (byte)'F' }, elf[..4]);
        Assert.Equal(2, BitConverter.ToUInt16(elf, 16)); // ET_EXEC
        long phoff = BitConverter.ToInt64(elf, 32);
        int phentsize = BitConverter.ToUInt16(elf, 54), phnum = BitConverter.ToUInt16(elf, 56);
        for (int i = 0; i < phnum; i++)
        {
            uint type = BitConverter.ToUInt32(elf, (int)phoff + i * phentsize);
            Assert.NotEqual(3u, type); // PT_INTERP
            Assert.NotEqual(2u, type); // PT_DYNAMIC
        }
        Assert.True(elf.Length < 1 << 20, $"hello is {elf.Length} bytes");
    }
}
