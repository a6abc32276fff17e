namespace Dune.Backends
{
    /// <summary>
    /// Which system calls the host half only forwards: everything except the calls that change the VM (fork,
    /// threads, their start (<see cref="StartThread"/>) and exit, the address space the mirror follows, the FS base of the vCPU). Those few are told apart with
    /// one bit test, so a plain hypercall pays almost nothing above the exit.
    /// </summary>
    internal static class PlainHypercalls
    {
        private const long Mmap = 9, Mprotect = 10, Munmap = 11, Brk = 12, Mremap = 25, Clone = 56, Fork = 57, Vfork = 58, Exit = 60;
        private const long ArchPrctl = 158, Clone3 = 435;

        /// <summary>
        /// Not a Linux call: IBackend.StartThread through the hypercall block, on a backend whose only way out of the
        /// guest is the hypercall (dune.ko; KVM has a port of its own). Arguments as IBackend.StartThread's.
        /// </summary>
        public const long StartThread = 0x100000;

        /// <summary>The calls below 64 that are not plain, as a bit per number.</summary>
        private const ulong NotPlainBelow64 = 1UL << (int)Mmap | 1UL << (int)Mprotect | 1UL << (int)Munmap | 1UL << (int)Brk
            | 1UL << (int)Mremap | 1UL << (int)Clone | 1UL << (int)Fork | 1UL << (int)Vfork | 1UL << (int)Exit;

        /// <summary>True when the host half makes call <paramref name="nr"/> and returns its result, nothing else.</summary>
        public static bool Contains(long nr) =>
            (ulong)nr < 64 ? (NotPlainBelow64 >> (int)nr & 1) == 0 : nr != ArchPrctl && nr != Clone3 && nr != StartThread;
    }
}
