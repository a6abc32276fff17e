using Dune.Loader;

namespace Dune.Guest.Tests.Loader;

public class ElfLoaderRealBinaryTests
{
    private const ulong Page = 0x1000;

    /// <summary>The mappings readelf's view of the PT_LOAD segments implies, computed independently of the loader.</summary>
    private static void AssertMatchesReadelf(string path, ulong bias)
    {
        byte[] image = File.ReadAllBytes(path);
        var outcome = Plan.Of(image);
        Assert.True(outcome.Result.Ok, outcome.Result.Message);

        var loads = Readelf.Segments(path).Where(s => s.Type == "LOAD").ToList();
        Assert.Equal(loads.Count, outcome.Mappings.Length);
        for (int i = 0; i < loads.Count; i++)
        {
            var s = loads[i];
            var m = outcome.Mappings[i];
            ulong start = (s.VAddr + bias) & ~(Page - 1);
            ulong end = (s.VAddr + bias + s.MemSize + Page - 1) & ~(Page - 1);
            Assert.Equal(start, m.VirtualAddress);
            Assert.Equal(end - start, m.MemorySize);
            Assert.Equal(s.Offset & ~(Page - 1), m.FileOffset);
            Assert.Equal((s.VAddr & (Page - 1)) + s.FileSize, m.CopySize);
            Assert.Equal(m.MemorySize - m.CopySize, m.ZeroSize);
            var expected = (s.Flags[0] == 'R' ? MappingPermissions.Read : 0) | (s.Flags[1] == 'W' ? MappingPermissions.Write : 0) |
                (s.Flags[2] == 'E' ? MappingPermissions.Execute : 0);
            Assert.Equal(expected, m.Permissions);
            Assert.True(m.FileOffset + m.CopySize <= (ulong)image.Length);
        }

        Assert.Equal(Readelf.Entry(path) + bias, outcome.Plan.Entry);
        Assert.Equal(bias, outcome.Plan.LoadBias);
        Assert.Equal(outcome.Mappings[0].VirtualAddress, outcome.Plan.ImageStart);
        Assert.Equal(outcome.Mappings[^1].End, outcome.Plan.ImageEnd);
        Assert.Equal((ulong)outcome.Mappings.Sum(m => (long)m.MemorySize), outcome.Plan.TotalMemory);
        Assert.Equal(56, outcome.Plan.ProgramHeaderEntrySize);
        Assert.Equal(Readelf.Segments(path).Count, outcome.Plan.ProgramHeaderCount);

        var tls = Readelf.Segments(path).SingleOrDefault(s => s.Type == "TLS");
        Assert.Equal(tls != null, outcome.Plan.HasTls);
        if (tls != null)
        {
            Assert.Equal(tls.VAddr + bias, outcome.Plan.TlsAddress);
            Assert.Equal(tls.FileSize, outcome.Plan.TlsFileSize);
            Assert.Equal(tls.MemSize, outcome.Plan.TlsMemorySize);
            Assert.Equal(tls.Align, outcome.Plan.TlsAlignment);
        }
        Assert.False(outcome.Plan.StackExecutable);
    }

    [Fact]
    public void TinyNoStdlibProgramPlansLikeReadelf()
    {
        AssertMatchesReadelf(GccBinaries.Tiny, 0);
        var plan = Plan.Of(File.ReadAllBytes(GccBinaries.Tiny)).Plan;
        Assert.False(plan.PositionIndependent);
        Assert.Equal(0x400040UL, plan.ProgramHeaderAddress); // the table follows the ELF header in the first segment
    }

    [Fact]
    public void FullStaticGlibcProgramPlansLikeReadelf()
    {
        AssertMatchesReadelf(GccBinaries.Full, 0);
        var outcome = Plan.Of(File.ReadAllBytes(GccBinaries.Full));
        Assert.True(outcome.Plan.HasTls);
        Assert.Contains(outcome.Mappings, m => m.Permissions == (MappingPermissions.Read | MappingPermissions.Write) && m.ZeroSize > Page);
    }

    [Fact]
    public void StaticPieIsPlacedAtTheLoadBias()
    {
        AssertMatchesReadelf(GccBinaries.Pie, LoaderOptions.Default.PieLoadBias);
        var plan = Plan.Of(File.ReadAllBytes(GccBinaries.Pie)).Plan;
        Assert.True(plan.PositionIndependent);
        Assert.Equal(LoaderOptions.Default.PieLoadBias + 0x40, plan.ProgramHeaderAddress);
    }

    [Fact]
    public void StaticPieWithAnotherBias()
    {
        var options = LoaderOptions.Default;
        options.PieLoadBias = 0x10_0000_0000;
        var outcome = Plan.Of(File.ReadAllBytes(GccBinaries.Pie), options);
        Assert.True(outcome.Result.Ok, outcome.Result.Message);
        Assert.Equal(0x10_0000_0000UL, outcome.Mappings[0].VirtualAddress);
        Assert.Equal(0x10_0000_0000UL + Readelf.Entry(GccBinaries.Pie), outcome.Plan.Entry);
    }

    [Fact]
    public void DynamicallyLinkedProgramNamesItsInterpreter()
    {
        byte[] image = File.ReadAllBytes(GccBinaries.Dynamic);
        var outcome = Plan.Of(image);
        var interp = Readelf.Segments(GccBinaries.Dynamic).Single(s => s.Type == "INTERP");
        Assert.True(outcome.Result.Ok, outcome.Result.Message);
        Assert.True(outcome.Plan.HasInterpreter);
        Assert.Equal(interp.Offset, outcome.Plan.InterpreterOffset);
        Assert.Equal("/lib64/ld-linux-x86-64.so.2", System.Text.Encoding.ASCII.GetString(image, (int)interp.Offset, outcome.Plan.InterpreterLength));
    }

    [Fact]
    public void TheDynamicLinkerItselfPlansAtAChosenBias()
    {
        var options = LoaderOptions.Default;
        options.PieLoadBias = 0x7f00_0000_0000;
        var outcome = Plan.Of(File.ReadAllBytes("/lib64/ld-linux-x86-64.so.2"), options);
        Assert.True(outcome.Result.Ok, outcome.Result.Message);
        Assert.False(outcome.Plan.HasInterpreter);
        Assert.Equal(0x7f00_0000_0000UL, outcome.Plan.ImageStart);
        Assert.Equal(0x7f00_0000_0000UL + Readelf.Entry("/lib64/ld-linux-x86-64.so.2"), outcome.Plan.Entry);
    }

    [Fact]
    public void ExecutableStackIsReported()
    {
        var elf = ElfBytes.Load(GccBinaries.Tiny);
        int stack = elf.IndexesOf(Elf.PtGnuStack).Single();
        elf.SetFlags(stack, Elf.PfRead | Elf.PfWrite | Elf.PfExecute);
        Assert.True(Plan.Of(elf.Bytes).Plan.StackExecutable);
    }
}
