using System.Text;
using Dune.Loader;

namespace Dune.Guest.Tests.Loader;

public class InitialStackTests
{
    private const ulong Top = 0x7FFF_FFFF_F000;
    private static readonly byte[] Random16 = Enumerable.Range(0xA0, 16).Select(i => (byte)i).ToArray();

    private static byte[][] Utf8(params string[] s) => s.Select(Encoding.UTF8.GetBytes).ToArray();

    private static InitialStackInfo Info() => new()
    {
        ProgramHeaderAddress = 0x400040, ProgramHeaderCount = 6, Entry = 0x4014F0, PageSize = 0x1000,
        Uid = 1000, Euid = 1001, Gid = 100, Egid = 101, Secure = true, HardwareCapabilities = 0x178BFBFF, HardwareCapabilities2 = 2,
    };

    private static (StackReader Reader, ulong Sp) Build(string[] argv, string[] envp, string execfn, InitialStackInfo info, int size = 0x10000)
    {
        var memory = new byte[size];
        Assert.Equal(StackError.None, InitialStack.Build(memory, Top, Utf8(argv), Utf8(envp), Encoding.UTF8.GetBytes(execfn), Random16, info, out ulong sp));
        return (new StackReader(memory, Top), sp);
    }

    [Fact]
    public void StackParsesBackToTheSameArgumentsEnvironmentAndAuxv()
    {
        string[] argv = { "/bin/prog", "a b", "ünïcödé", "" };
        string[] envp = { "A=1", "PATH=/usr/bin:/bin" };
        var (reader, sp) = Build(argv, envp, "/usr/local/bin/prog", Info());
        var parsed = reader.Parse(sp);

        Assert.Equal(0UL, sp % 16);
        Assert.Equal(argv, parsed.Argv);
        Assert.Equal(envp, parsed.Envp);
        var expectedTypes = new ulong[] { 16, 6, 17, 3, 4, 5, 7, 8, 9, 11, 12, 13, 14, 23, 25, 26, 31, 15, 0 };
        Assert.Equal(expectedTypes, parsed.Auxv.Select(a => a.Type));
        var aux = parsed.Auxv.ToDictionary(a => a.Type, a => a.Value);
        Assert.Equal(0x178BFBFFUL, aux[AuxVector.Hwcap]);
        Assert.Equal(0x1000UL, aux[AuxVector.Pagesz]);
        Assert.Equal(100UL, aux[AuxVector.Clktck]);
        Assert.Equal(0x400040UL, aux[AuxVector.Phdr]);
        Assert.Equal(56UL, aux[AuxVector.Phent]);
        Assert.Equal(6UL, aux[AuxVector.Phnum]);
        Assert.Equal(0UL, aux[AuxVector.Base]);
        Assert.Equal(0UL, aux[AuxVector.Flags]);
        Assert.Equal(0x4014F0UL, aux[AuxVector.Entry]);
        Assert.Equal((1000UL, 1001UL, 100UL, 101UL), (aux[AuxVector.Uid], aux[AuxVector.Euid], aux[AuxVector.Gid], aux[AuxVector.Egid]));
        Assert.Equal(1UL, aux[AuxVector.Secure]);
        Assert.Equal(2UL, aux[AuxVector.Hwcap2]);
        Assert.Equal(Random16, reader.Bytes(aux[AuxVector.Random], 16));
        Assert.Equal("x86_64", reader.CString(aux[AuxVector.Platform]));
        Assert.Equal("/usr/local/bin/prog", reader.CString(aux[AuxVector.Execfn]));
    }

    [Fact]
    public void StringsSitContiguouslyBelowTheTopWordAsLinuxPutsThem()
    {
        var (reader, sp) = Build(new[] { "p", "xy" }, new[] { "E=1" }, "/p", Info());
        var parsed = reader.Parse(sp);
        ulong execfn = parsed.Auxv.Single(a => a.Type == AuxVector.Execfn).Value;

        Assert.Equal(0UL, reader.Word(Top - 8));
        Assert.Equal(Top - 8 - 3, execfn);
        Assert.Equal(new ulong[] { execfn - 4 - 3 - 2, execfn - 4 - 3 }, parsed.ArgvPointers);
        Assert.Equal(new ulong[] { execfn - 4 }, parsed.EnvpPointers);

        ulong random = parsed.Auxv.Single(a => a.Type == AuxVector.Random).Value;
        ulong platform = parsed.Auxv.Single(a => a.Type == AuxVector.Platform).Value;
        Assert.Equal(((Top - 8 - 3 - 4 - 3 - 2) & ~15UL) - 7, platform);
        Assert.Equal(platform - 16, random);
        Assert.True(parsed.AuxvEnd <= random && random - parsed.AuxvEnd < 16, "padding between auxv and the random bytes is below 16 bytes");
    }

    [Fact]
    public void StackPointerIsAlignedForEveryShape()
    {
        for (int argc = 0; argc < 6; argc++)
            for (int envc = 0; envc < 4; envc++)
                for (int len = 0; len < 17; len += 3)
                {
                    string[] argv = Enumerable.Range(0, argc).Select(i => new string('a', len + i)).ToArray();
                    string[] envp = Enumerable.Range(0, envc).Select(i => "K" + new string('v', len)).ToArray();
                    var info = Info();
                    info.MinSignalStackSize = (ulong)(len % 2) * 2048;
                    var (reader, sp) = Build(argv, envp, new string('/', len + 1), info);
                    Assert.Equal(0UL, sp % 16);
                    var parsed = reader.Parse(sp);
                    Assert.Equal(argv, parsed.Argv);
                    Assert.Equal(envp, parsed.Envp);
                    Assert.Equal(info.MinSignalStackSize != 0, parsed.Auxv[0].Type == AuxVector.MinSigStackSize);
                }
    }

    [Fact]
    public void ErrorsAreReportedNotThrown()
    {
        var info = Info();
        byte[][] argv = Utf8("prog");
        byte[] execfn = Encoding.UTF8.GetBytes("/prog");
        Assert.Equal(StackError.StackTooSmall, InitialStack.Build(new byte[200], Top, argv, Utf8(), execfn, Random16, info, out _));
        Assert.Equal(StackError.StackTooSmall, InitialStack.Build(new byte[0x1000], 0x800, argv, Utf8(), execfn, Random16, info, out _));
        Assert.Equal(StackError.StackTopMisaligned, InitialStack.Build(new byte[0x1000], Top - 8, argv, Utf8(), execfn, Random16, info, out _));
        Assert.Equal(StackError.BadRandomSize, InitialStack.Build(new byte[0x1000], Top, argv, Utf8(), execfn, new byte[15], info, out _));
        Assert.Equal(StackError.InvalidString, InitialStack.Build(new byte[0x1000], Top, new[] { new byte[] { 65, 0, 66 } }, Utf8(), execfn, Random16, info, out _));
        Assert.Equal(StackError.InvalidString, InitialStack.Build(new byte[0x1000], Top, new byte[][] { null }, Utf8(), execfn, Random16, info, out _));
        Assert.Equal(StackError.InvalidString, InitialStack.Build(new byte[0x1000], Top, argv, null, execfn, Random16, info, out _));
    }

    [Fact]
    public void SmallestAcceptedStackEndsExactlyAtTheStackPointer()
    {
        byte[][] argv = Utf8("prog", "arg");
        byte[] execfn = Encoding.UTF8.GetBytes("/prog");
        int fits = Enumerable.Range(64, 1024).First(n => InitialStack.Build(new byte[n], Top, argv, Utf8("A=B"), execfn, Random16, Info(), out _) == StackError.None);
        Assert.Equal(StackError.StackTooSmall, InitialStack.Build(new byte[fits - 1], Top, argv, Utf8("A=B"), execfn, Random16, Info(), out _));
        var memory = new byte[fits];
        InitialStack.Build(memory, Top, argv, Utf8("A=B"), execfn, Random16, Info(), out ulong sp);
        Assert.Equal(Top - (ulong)fits, sp);
        Assert.Equal(new[] { "prog", "arg" }, new StackReader(memory, Top).Parse(sp).Argv);
    }

    [Fact]
    public void InfoFromALoadPlan()
    {
        var outcome = Plan.Of(File.ReadAllBytes(GccBinaries.Full));
        var info = InitialStackInfo.For(outcome.Plan);
        Assert.Equal(outcome.Plan.Entry, info.Entry);
        Assert.Equal(outcome.Plan.ProgramHeaderAddress, info.ProgramHeaderAddress);
        Assert.Equal((ulong)outcome.Plan.ProgramHeaderCount, info.ProgramHeaderCount);
        Assert.Equal(0x1000UL, info.PageSize);
    }
}
