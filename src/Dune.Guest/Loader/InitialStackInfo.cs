namespace Dune.Loader
{
    /// <summary>The values the auxiliary vector reports, besides the strings and random bytes.</summary>
    public struct InitialStackInfo
    {
        public ulong ProgramHeaderAddress;
        public ulong ProgramHeaderCount;
        /// <summary>The program's own entry point (AT_ENTRY), also when the interpreter starts first.</summary>
        public ulong Entry;
        /// <summary>Where the interpreter (PT_INTERP) was loaded (AT_BASE); 0 without one.</summary>
        public ulong InterpreterBase;
        public ulong PageSize;
        public ulong Uid, Euid, Gid, Egid;
        public bool Secure;
        public ulong HardwareCapabilities;
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
