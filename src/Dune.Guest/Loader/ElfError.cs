namespace Dune.Loader
{
    /// <summary>Why an image was rejected. <see cref="None"/> means it is loadable.</summary>
    public enum ElfError
    {
        /// <summary>The image is loadable.</summary>
        None,
        /// <summary>The file is too short for an ELF64 header.</summary>
        TruncatedHeader,
        /// <summary>Not an ELF file (bad magic).</summary>
        BadMagic,
        /// <summary>Not a 64-bit ELF file.</summary>
        NotElf64,
        /// <summary>Not a little-endian ELF file.</summary>
        NotLittleEndian,
        /// <summary>Unknown ELF version.</summary>
        BadVersion,
        /// <summary>Not an executable (ET_EXEC or ET_DYN).</summary>
        UnsupportedType,
        /// <summary>Not an x86-64 executable.</summary>
        WrongMachine,
        /// <summary>The ELF header size is not 64.</summary>
        BadHeaderSize,
        /// <summary>The program header entry size is not 56.</summary>
        BadProgramHeaderSize,
        /// <summary>More program headers than <see cref="LoaderOptions.MaxProgramHeaders"/>.</summary>
        TooManyProgramHeaders,
        /// <summary>The program header table extends beyond the file.</summary>
        TruncatedProgramHeaders,
        /// <summary>PT_INTERP is not one NUL-terminated path.</summary>
        BadInterpreter,
        /// <summary>There is no PT_LOAD segment.</summary>
        NoLoadableSegment,
        /// <summary>More PT_LOAD segments than the mapping span holds.</summary>
        TooManyLoadSegments,
        /// <summary>A segment's file size exceeds its memory size.</summary>
        FileSizeExceedsMemorySize,
        /// <summary>A segment extends beyond the end of the file.</summary>
        SegmentBeyondFile,
        /// <summary>A segment's address range overflows.</summary>
        AddressOverflow,
        /// <summary>A segment lies outside the user address range.</summary>
        NotUserAddress,
        /// <summary>A segment's alignment is not a power of two.</summary>
        BadAlignment,
        /// <summary>A segment's file offset and address disagree modulo its alignment.</summary>
        MisalignedSegment,
        /// <summary>PT_LOAD segments overlap.</summary>
        SegmentsOverlap,
        /// <summary>The image's memory size exceeds <see cref="LoaderOptions.MaxImageMemory"/>.</summary>
        ImageTooLarge,
        /// <summary>The entry point is not inside an executable segment.</summary>
        EntryNotExecutable,
        /// <summary>The PT_TLS segment is malformed or not inside a loaded segment.</summary>
        BadTls,
        /// <summary>The load bias is not page aligned or not allowed for this image.</summary>
        BadLoadBias,
    }

    /// <summary>The outcome of validating an image: an error and, when one program header is at fault, its index.</summary>
    public readonly struct ElfResult
    {
        /// <summary>What was wrong, or <see cref="ElfError.None"/>.</summary>
        public readonly ElfError Error;

        /// <summary>Index of the offending program header, or -1 when the error concerns the whole image.</summary>
        public readonly int ProgramHeader;

        /// <summary>A result for <paramref name="error"/>, blaming program header <paramref name="programHeader"/> if not -1.</summary>
        public ElfResult(ElfError error, int programHeader = -1) { Error = error; ProgramHeader = programHeader; }

        /// <summary>Whether the image is loadable.</summary>
        public bool Ok => Error == ElfError.None;

        /// <summary>The result of a loadable image.</summary>
        public static ElfResult Success => new ElfResult(ElfError.None);

        /// <summary>A one-line message: "program header N: " (when known) followed by <see cref="Describe"/>.</summary>
        public string Message => ProgramHeader < 0 ? Describe(Error) : "program header " + ProgramHeader.ToString() + ": " + Describe(Error);

        /// <summary>A short English description of <paramref name="error"/>.</summary>
        public static string Describe(ElfError error)
        {
            switch (error)
            {
                case ElfError.None: return "ok";
                case ElfError.TruncatedHeader: return "file too short for an ELF64 header";
                case ElfError.BadMagic: return "not an ELF file (bad magic)";
                case ElfError.NotElf64: return "not a 64-bit ELF file";
                case ElfError.NotLittleEndian: return "not a little-endian ELF file";
                case ElfError.BadVersion: return "unknown ELF version";
                case ElfError.UnsupportedType: return "not an executable (ET_EXEC or ET_DYN)";
                case ElfError.WrongMachine: return "not an x86-64 executable";
                case ElfError.BadHeaderSize: return "ELF header size is not 64";
                case ElfError.BadProgramHeaderSize: return "program header entry size is not 56";
                case ElfError.TooManyProgramHeaders: return "too many program headers";
                case ElfError.TruncatedProgramHeaders: return "program header table extends beyond the file";
                case ElfError.BadInterpreter: return "PT_INTERP is not one NUL-terminated path";
                case ElfError.NoLoadableSegment: return "no PT_LOAD segment";
                case ElfError.TooManyLoadSegments: return "too many PT_LOAD segments";
                case ElfError.FileSizeExceedsMemorySize: return "segment file size exceeds its memory size";
                case ElfError.SegmentBeyondFile: return "segment extends beyond the end of the file";
                case ElfError.AddressOverflow: return "segment address range overflows";
                case ElfError.NotUserAddress: return "segment outside the user address range";
                case ElfError.BadAlignment: return "segment alignment is not a power of two";
                case ElfError.MisalignedSegment: return "segment file offset and address disagree modulo the alignment";
                case ElfError.SegmentsOverlap: return "PT_LOAD segments overlap";
                case ElfError.ImageTooLarge: return "image memory size exceeds the limit";
                case ElfError.EntryNotExecutable: return "entry point is not inside an executable segment";
                case ElfError.BadTls: return "PT_TLS segment is not inside a loaded segment or is malformed";
                case ElfError.BadLoadBias: return "load bias is not page aligned or not allowed for this image";
                default: return "unknown error";
            }
        }
    }
}
