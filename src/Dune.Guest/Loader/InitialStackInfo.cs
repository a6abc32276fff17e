namespace Dune.Loader
{
    /// <summary>The values the auxiliary vector reports, besides the strings and random bytes.</summary>
    public struct InitialStackInfo
    {
        /// <summary>Where the program headers are in memory (AT_PHDR).</summary>
        public ulong ProgramHeaderAddress;
        /// <summary>The number of program headers (AT_PHNUM).</summary>
        public ulong ProgramHeaderCount;
        /// <summary>The program's own entry point (AT_ENTRY), also when the interpreter starts first.</summary>
        public ulong Entry;
        /// <summary>Where the interpreter (PT_INTERP) was loaded (AT_BASE); 0 without one.</summary>
        public ulong InterpreterBase;
        /// <summary>The page size (AT_PAGESZ).</summary>
        public ulong PageSize;
        /// <summary>The real and effective user and group IDs (AT_UID, AT_EUID, AT_GID, AT_EGID).</summary>
        public ulong Uid, Euid, Gid, Egid;
        /// <summary>Whether the program runs in secure mode, e.g. setuid (AT_SECURE).</summary>
        public bool Secure;
        /// <summary>The CPU feature bits (AT_HWCAP).</summary>
        public ulong HardwareCapabilities;
        /// <summary>The extra CPU feature bits (AT_HWCAP2).</summary>
        public ulong HardwareCapabilities2;

        /// <summary>AT_MINSIGSTKSZ; the entry is left out when 0.</summary>
        public ulong MinSignalStackSize;

        /// <summary>The values an executable planned by <see cref="ElfLoader"/> gives; ids, capabilities and the interpreter's base are 0.</summary>
        public static InitialStackInfo For(in LoadPlan plan) => new InitialStackInfo
        {
            ProgramHeaderAddress = plan.ProgramHeaderAddress,
            ProgramHeaderCount = plan.ProgramHeaderCount,
            Entry = plan.Entry,
            PageSize = 0x1000,
        };
    }
}
