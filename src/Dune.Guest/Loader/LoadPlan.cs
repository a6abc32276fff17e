namespace Dune.Loader
{
    /// <summary>Everything the ring-0 side needs to map an image and start it, besides the mappings themselves.</summary>
    public struct LoadPlan
    {
        /// <summary>Number of entries written to the caller's mapping span.</summary>
        public int MappingCount;

        /// <summary>Entry point (load bias applied).</summary>
        public ulong Entry;

        /// <summary>Amount added to every virtual address: 0 for ET_EXEC, the chosen base for static-pie.</summary>
        public ulong LoadBias;

        /// <summary>Whether the image is static-pie (ET_DYN), loaded at a chosen bias.</summary>
        public bool PositionIndependent;

        /// <summary>Where the program headers are visible in memory (AT_PHDR), or 0 when no segment loads them.</summary>
        public ulong ProgramHeaderAddress;
        /// <summary>The size of one program header (AT_PHENT).</summary>
        public ushort ProgramHeaderEntrySize;
        /// <summary>The number of program headers (AT_PHNUM).</summary>
        public ushort ProgramHeaderCount;

        /// <summary>Lowest mapped address and end of the highest mapping (page aligned): the program break starts there.</summary>
        public ulong ImageStart;
        /// <summary>The end of the highest mapping, page aligned: the program break starts there.</summary>
        public ulong ImageEnd;

        /// <summary>Sum of the page-rounded sizes of all mappings.</summary>
        public ulong TotalMemory;

        /// <summary>The thread-local storage template (PT_TLS), when <see cref="HasTls"/>.</summary>
        public bool HasTls;
        /// <summary>The TLS template's address (load bias applied).</summary>
        public ulong TlsAddress;
        /// <summary>The TLS template's initialized bytes (.tdata).</summary>
        public ulong TlsFileSize;
        /// <summary>The TLS block's full size (.tdata and .tbss).</summary>
        public ulong TlsMemorySize;
        /// <summary>The TLS block's alignment.</summary>
        public ulong TlsAlignment;

        /// <summary>PT_INTERP: the program needs its dynamic linker, whose path is the <see cref="InterpreterLength"/> bytes at <see cref="InterpreterOffset"/> of the file (NUL not counted).</summary>
        public bool HasInterpreter;
        /// <summary>The file offset of the interpreter's path.</summary>
        public ulong InterpreterOffset;
        /// <summary>The length of the interpreter's path, NUL not counted.</summary>
        public int InterpreterLength;

        /// <summary>PT_GNU_STACK asked for an executable stack; without PT_GNU_STACK the x86-64 default is not executable.</summary>
        public bool StackExecutable;
    }
}
