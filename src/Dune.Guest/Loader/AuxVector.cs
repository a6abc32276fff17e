namespace Dune.Loader
{
    /// <summary>Auxiliary vector entry types (include/uapi/linux/auxvec.h and the x86 additions).</summary>
    public static class AuxVector
    {
        public const ulong Null = 0, Phdr = 3, Phent = 4, Phnum = 5, Pagesz = 6, Base = 7, Flags = 8, Entry = 9,
            Uid = 11, Euid = 12, Gid = 13, Egid = 14, Platform = 15, Hwcap = 16, Clktck = 17, Secure = 23,
            Random = 25, Hwcap2 = 26, Execfn = 31, SysinfoEhdr = 33, MinSigStackSize = 51;
    }
}
