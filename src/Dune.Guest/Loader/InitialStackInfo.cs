namespace Dune.Loader
{
    /// <summary>The values the auxiliary vector reports, besides the strings and random bytes.</summary>
    public struct InitialStackInfo
    {
        public ulong ProgramHeaderAddress;
        public ulong ProgramHeaderCount;
        public ulong Entry;
        public ulong PageSize;
        public ulong Uid, Euid, Gid, Egid;
        public bool Secure;
        public ulong HardwareCapabilities;
        public ulong HardwareCapabilities2;

        /// <summary>AT_MINSIGSTKSZ; the entry is left out when 0.</summary>
        public ulong MinSignalStackSize;

        /// <summary>The values a static executable planned by <see cref="ElfLoader"/> needs; ids and capabilities are 0.</summary>
        public static InitialStackInfo For(in LoadPlan plan) => new InitialStackInfo
        {
            ProgramHeaderAddress = plan.ProgramHeaderAddress,
            ProgramHeaderCount = plan.ProgramHeaderCount,
            Entry = plan.Entry,
            PageSize = 0x1000,
        };
    }
}
