namespace Dune.Loader
{
    /// <summary>Auxiliary vector entry types (include/uapi/linux/auxvec.h and the x86 additions).</summary>
    public static class AuxVector
    {
        /// <summary>The AT_* types: AT_NULL (end), AT_PHDR, AT_PHENT, AT_PHNUM, AT_PAGESZ, AT_BASE, AT_FLAGS, AT_ENTRY, AT_UID, AT_EUID, AT_GID, AT_EGID, AT_PLATFORM, AT_HWCAP, AT_CLKTCK, AT_SECURE, AT_RANDOM, AT_HWCAP2, AT_EXECFN, AT_SYSINFO_EHDR and AT_MINSIGSTKSZ.</summary>
        public const ulong Null = 0, Phdr = 3, Phent = 4, Phnum = 5, Pagesz = 6, Base = 7, Flags = 8, Entry = 9,
            Uid = 11, Euid = 12, Gid = 13, Egid = 14, Platform = 15, Hwcap = 16, Clktck = 17, Secure = 23,
            Random = 25, Hwcap2 = 26, Execfn = 31, SysinfoEhdr = 33, MinSigStackSize = 51;
    }
}
