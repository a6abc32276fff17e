namespace Dune.Loader
{
    /// <summary>Why an image was rejected. <see cref="None"/> means it is loadable.</summary>
    public enum ElfError
    {
        None,
        TruncatedHeader,
        BadMagic,
        NotElf64,
        NotLittleEndian,
        BadVersion,
        UnsupportedType,
        WrongMachine,
        BadHeaderSize,
        BadProgramHeaderSize,
        TooManyProgramHeaders,
        TruncatedProgramHeaders,
        BadInterpreter,
        NoLoadableSegment,
        TooManyLoadSegments,
        FileSizeExceedsMemorySize,
        SegmentBeyondFile,
        AddressOverflow,
        NotUserAddress,
        BadAlignment,
        MisalignedSegment,
        SegmentsOverlap,
        ImageTooLarge,
        EntryNotExecutable,
        BadTls,
        BadLoadBias,
    }

    /// <summary>The outcome of validating an image: an error and, when one program header is at fault, its index.</summary>
    public readonly struct ElfResult
    {
        public readonly ElfError Error;

        /// <summary>Index of the offending program header, or -1 when the error concerns the whole image.</summary>
        public readonly int ProgramHeader;

        public ElfResult(ElfError error, int programHeader = -1) { Error = error; ProgramHeader = programHeader; }

        public bool Ok => Error == ElfError.None;

        public static ElfResult Success => new ElfResult(ElfError.None);

        /// <summary>A one-line message: "program header N: " (when known) followed by <see cref="Describe"/>.</summary>
        public string Message => ProgramHeader < 0 ? Describe(Error) : "program header " + ProgramHeader.ToString() + ": " + Describe(Error);

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
