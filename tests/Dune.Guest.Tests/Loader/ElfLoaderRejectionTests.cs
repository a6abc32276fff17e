using Dune.Loader;

namespace Dune.Guest.Tests.Loader;

/// <summary>Each malformation of a valid static executable is rejected with its own error and program header index.</summary>
public class ElfLoaderRejectionTests
{
    // The tiny program's table: 0 = LOAD R at 0x400000, 1 = LOAD R+X at 0x401000 (entry), 2 = LOAD R at 0x402000, 3 = GNU_STACK.
    private static ElfBytes Tiny()
    {
        var elf = ElfBytes.Load(GccBinaries.Tiny);
        Assert.Equal(new[] { 0, 1, 2 }, elf.IndexesOf(Elf.PtLoad));
        Assert.Equal(0x401000UL, elf.VAddr(1));
        return elf;
    }

    private static void AssertRejected(byte[] image, ElfError error, int programHeader = -1, LoaderOptions? options = null, int capacity = 16)
    {
        var outcome = Plan.Of(image, options, capacity);
        Assert.Equal(error, outcome.Error);
        Assert.Equal(programHeader, outcome.Result.ProgramHeader);
    }

    [Fact] public void ValidBaseline() => AssertRejected(Tiny().Bytes, ElfError.None);

    [Theory]
    [InlineData(0)]
    [InlineData(4)]
    [InlineData(63)]
    public void TruncatedHeader(int length) => AssertRejected(Tiny().Bytes[..length], ElfError.TruncatedHeader);

    [Fact] public void TruncatedProgramHeaders() => AssertRejected(Tiny().Bytes[..(64 + 56 * 2)], ElfError.TruncatedProgramHeaders);
    [Fact] public void ProgramHeaderOffsetBeyondFile() => AssertRejected(Tiny().Header64(32, ulong.MaxValue - 8).Bytes, ElfError.TruncatedProgramHeaders);
    [Fact] public void WrongMagic() { var e = Tiny(); e.Bytes[1] = (byte)'X'; AssertRejected(e.Bytes, ElfError.BadMagic); }
    [Fact] public void Class32() { var e = Tiny(); e.Bytes[4] = 1; AssertRejected(e.Bytes, ElfError.NotElf64); }
    [Fact] public void BigEndian() { var e = Tiny(); e.Bytes[5] = 2; AssertRejected(e.Bytes, ElfError.NotLittleEndian); }
    [Fact] public void IdentVersion() { var e = Tiny(); e.Bytes[6] = 0; AssertRejected(e.Bytes, ElfError.BadVersion); }
    [Fact] public void HeaderVersion() => AssertRejected(Tiny().Header16(20, 2).Bytes, ElfError.BadVersion);
    [Fact] public void RelocatableObject() => AssertRejected(Tiny().Header16(16, 1).Bytes, ElfError.UnsupportedType);
    [Fact] public void WrongMachine() => AssertRejected(Tiny().Header16(18, 3).Bytes, ElfError.WrongMachine);
    [Fact] public void HeaderSize() => AssertRejected(Tiny().Header16(52, 52).Bytes, ElfError.BadHeaderSize);
    [Fact] public void ProgramHeaderEntrySize() => AssertRejected(Tiny().Header16(54, 32).Bytes, ElfError.BadProgramHeaderSize);
    [Fact] public void NoProgramHeaders() => AssertRejected(Tiny().Header16(56, 0).Bytes, ElfError.NoLoadableSegment);
    [Fact] public void ExtendedProgramHeaderCount() => AssertRejected(Tiny().Header16(56, 0xFFFF).Bytes, ElfError.TooManyProgramHeaders);

    [Fact]
    public void MoreProgramHeadersThanTheLimit()
    {
        var options = LoaderOptions.Default;
        options.MaxProgramHeaders = 3;
        AssertRejected(Tiny().Bytes, ElfError.TooManyProgramHeaders, options: options);
    }

    [Fact]
    public void NoLoadSegment()
    {
        var e = Tiny();
        foreach (int i in new[] { 0, 1, 2 }) e.SetType(i, Elf.PtNote);
        AssertRejected(e.Bytes, ElfError.NoLoadableSegment);
    }

    [Fact] public void MoreLoadSegmentsThanTheCaller_sBuffer() => AssertRejected(Tiny().Bytes, ElfError.TooManyLoadSegments, 2, capacity: 2);

    [Fact] public void OverlappingSegments() => AssertRejected(Tiny().SetVAddr(2, 0x401000).Bytes, ElfError.SegmentsOverlap, 2);

    [Fact]
    public void SegmentsSharingAPage() => AssertRejected(Tiny().SetVAddr(2, 0x401000 + 0xF00).SetOffset(2, 0x2F00).SetFileSize(2, 0).Bytes,
        ElfError.SegmentsOverlap, 2);

    [Fact] public void FileSizeAboveMemorySize() => AssertRejected(Tiny().SetFileSize(1, 0x20).Bytes, ElfError.FileSizeExceedsMemorySize, 1);

    [Fact]
    public void SegmentBeyondFileEnd()
    {
        var e = Tiny();
        AssertRejected(e.SetOffset(2, (ulong)e.Bytes.Length - 8).Bytes, ElfError.SegmentBeyondFile, 2);
    }

    [Fact] public void SegmentOffsetNearUlongMax() => AssertRejected(Tiny().SetOffset(2, ulong.MaxValue - 4).Bytes, ElfError.SegmentBeyondFile, 2);

    [Fact] public void AddressPlusSizeOverflows() => AssertRejected(Tiny().SetVAddr(2, 0xFFFF_FFFF_FFFF_F000).SetMemSize(2, 0x2000).Bytes, ElfError.AddressOverflow, 2);

    [Fact] public void KernelHalfAddress() => AssertRejected(Tiny().SetVAddr(2, 0xFFFF_8000_0000_0000).Bytes, ElfError.NotUserAddress, 2);

    [Fact] public void SegmentCrossingTheTopOfUserSpace() => AssertRejected(Tiny().SetVAddr(2, 0x7FFF_FFFF_F000).SetMemSize(2, 0x2000).Bytes, ElfError.NotUserAddress, 2);

    [Fact] public void NullPage() => AssertRejected(Tiny().SetVAddr(0, 0).Bytes, ElfError.NotUserAddress, 0);

    [Fact] public void EntryInNonExecutableSegment() => AssertRejected(Tiny().Entry(0x400010).Bytes, ElfError.EntryNotExecutable);

    [Fact] public void EntryPastTheExecutableBytes() => AssertRejected(Tiny().Entry(0x401010).Bytes, ElfError.EntryNotExecutable);

    [Fact] public void EntryUnmapped() => AssertRejected(Tiny().Entry(0x1234_5678).Bytes, ElfError.EntryNotExecutable);

    [Fact] public void AbsurdSegmentSize() => AssertRejected(Tiny().SetMemSize(2, 1UL << 40).Bytes, ElfError.ImageTooLarge, 2);

    [Fact]
    public void ImageLargerThanTheConfiguredLimit()
    {
        var options = LoaderOptions.Default;
        options.MaxImageMemory = 0x2000;
        AssertRejected(Tiny().Bytes, ElfError.ImageTooLarge, 2, options);
    }

    [Fact] public void EmptyInterpreterPath() => AssertRejected(Tiny().SetType(3, Elf.PtInterp).Bytes, ElfError.BadInterpreter, 3);

    // The tiny program's first page starts with the ELF header: bytes 0-3 are "\x7fELF", byte 4 is 2 (ELFCLASS64).
    [Fact] public void InterpreterPathWithoutNul() =>
        AssertRejected(Tiny().SetType(3, Elf.PtInterp).SetOffset(3, 0).SetFileSize(3, 4).Bytes, ElfError.BadInterpreter, 3);

    [Fact] public void InterpreterPathWithAnInnerNul() =>
        AssertRejected(Tiny().SetType(3, Elf.PtInterp).SetOffset(3, 1).SetFileSize(3, 16).Bytes, ElfError.BadInterpreter, 3);

    [Fact] public void InterpreterPathBeyondTheFile() =>
        AssertRejected(Tiny().SetType(3, Elf.PtInterp).SetOffset(3, 1UL << 40).SetFileSize(3, 8).Bytes, ElfError.SegmentBeyondFile, 3);

    [Fact] public void OffsetAndAddressDisagreeModuloThePage() => AssertRejected(Tiny().SetOffset(2, 0x2008).Bytes, ElfError.MisalignedSegment, 2);

    [Fact] public void OffsetAndAddressDisagreeModuloTheAlignment() => AssertRejected(Tiny().SetAlign(2, 0x800000).Bytes, ElfError.MisalignedSegment, 2);

    [Fact] public void AlignmentNotAPowerOfTwo() => AssertRejected(Tiny().SetAlign(2, 0x1001).Bytes, ElfError.BadAlignment, 2);

    [Fact]
    public void TlsFileSizeAboveMemorySize()
    {
        var e = ElfBytes.Load(GccBinaries.Full);
        int tls = e.IndexesOf(Elf.PtTls).Single();
        AssertRejected(e.SetFileSize(tls, e.MemSize(tls) + 1).Bytes, ElfError.BadTls, tls);
    }

    [Fact]
    public void TlsOutsideLoadedData()
    {
        var e = ElfBytes.Load(GccBinaries.Full);
        int tls = e.IndexesOf(Elf.PtTls).Single();
        AssertRejected(e.SetVAddr(tls, 0x7000_0000).Bytes, ElfError.BadTls, tls);
    }

    [Fact]
    public void PieLoadBiasNotPageAligned()
    {
        var options = LoaderOptions.Default;
        options.PieLoadBias = 0x5555_5555_4010;
        AssertRejected(File.ReadAllBytes(GccBinaries.Pie), ElfError.BadLoadBias, options: options);
    }

    [Fact]
    public void BssOnlySegmentCopiesNothingWhateverItsOffset()
    {
        var e = Tiny().SetOffset(2, 0x7777_7777_7000).SetFileSize(2, 0).SetMemSize(2, 0x3000);
        var outcome = Plan.Of(e.Bytes);
        Assert.True(outcome.Result.Ok, outcome.Result.Message);
        Assert.Equal(0UL, outcome.Mappings[2].CopySize);
        Assert.Equal(0x3000UL, outcome.Mappings[2].ZeroSize);
    }

    [Fact]
    public void EveryErrorHasItsOwnMessage()
    {
        var messages = Enum.GetValues<ElfError>().Select(ElfResult.Describe).ToList();
        Assert.Equal(messages.Count, messages.Distinct().Count());
        Assert.DoesNotContain("unknown error", messages);
        Assert.Equal("file too short for an ELF64 header", new ElfResult(ElfError.TruncatedHeader).Message);
    }
}
