namespace Dune.Loader
{
    /// <summary>The ELF64 numbers the loader checks (System V gABI and the x86-64 psABI).</summary>
    public static class Elf
    {
        /// <summary>The size of the ELF64 file header (Elf64_Ehdr) in bytes.</summary>
        public const int HeaderSize = 64;
        /// <summary>The size of one ELF64 program header (Elf64_Phdr) in bytes.</summary>
        public const int ProgramHeaderSize = 56;

        /// <summary>EI_CLASS for 64-bit objects (ELFCLASS64).</summary>
        public const byte ClassElf64 = 2;
        /// <summary>EI_DATA for little-endian objects (ELFDATA2LSB).</summary>
        public const byte DataLittleEndian = 1;
        /// <summary>The ELF version (EV_CURRENT).</summary>
        public const byte CurrentVersion = 1;

        /// <summary>e_type of an executable (ET_EXEC).</summary>
        public const ushort TypeExecutable = 2;
        /// <summary>e_type of a shared object or PIE (ET_DYN).</summary>
        public const ushort TypeSharedObject = 3;
        /// <summary>e_machine of x86-64 (EM_X86_64).</summary>
        public const ushort MachineX86_64 = 62;

        /// <summary>e_phnum value meaning "the real count is in section header 0"; never used by executables.</summary>
        public const ushort ExtendedNumbering = 0xFFFF;

        /// <summary>Program header types: PT_NULL, PT_LOAD, PT_DYNAMIC, PT_INTERP, PT_NOTE, PT_PHDR, PT_TLS.</summary>
        public const uint PtNull = 0, PtLoad = 1, PtDynamic = 2, PtInterp = 3, PtNote = 4, PtPhdr = 6, PtTls = 7;
        /// <summary>GNU program header types: PT_GNU_EH_FRAME, PT_GNU_STACK, PT_GNU_RELRO, PT_GNU_PROPERTY.</summary>
        public const uint PtGnuEhFrame = 0x6474E550, PtGnuStack = 0x6474E551, PtGnuRelro = 0x6474E552, PtGnuProperty = 0x6474E553;

        /// <summary>Segment flags: PF_X, PF_W, PF_R.</summary>
        public const uint PfExecute = 1, PfWrite = 2, PfRead = 4;
    }
}
