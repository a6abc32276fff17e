namespace Dune.Loader
{
    /// <summary>The ELF64 numbers the loader checks (System V gABI and the x86-64 psABI).</summary>
    public static class Elf
    {
        public const int HeaderSize = 64;
        public const int ProgramHeaderSize = 56;

        public const byte ClassElf64 = 2;
        public const byte DataLittleEndian = 1;
        public const byte CurrentVersion = 1;

        public const ushort TypeExecutable = 2;
        public const ushort TypeSharedObject = 3;
        public const ushort MachineX86_64 = 62;

        /// <summary>e_phnum value meaning "the real count is in section header 0"; never used by executables.</summary>
        public const ushort ExtendedNumbering = 0xFFFF;

        public const uint PtNull = 0, PtLoad = 1, PtDynamic = 2, PtInterp = 3, PtNote = 4, PtPhdr = 6, PtTls = 7;
        public const uint PtGnuEhFrame = 0x6474E550, PtGnuStack = 0x6474E551, PtGnuRelro = 0x6474E552, PtGnuProperty = 0x6474E553;

        public const uint PfExecute = 1, PfWrite = 2, PfRead = 4;
    }
}
