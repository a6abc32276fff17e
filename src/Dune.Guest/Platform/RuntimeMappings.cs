using Dune.Memory;

namespace Dune.Platform
{
    /// <summary>
    /// Places every mapping the runtime makes for itself inside the Dune region (<see cref="DuneLayout"/>): the
    /// address comes from a <see cref="RegionAllocator"/> and the host maps exactly there with
    /// MAP_FIXED_NOREPLACE, so nothing of the runtime ever lands in the ordinary user range a sandboxed program
    /// needs. The system call is passed in because the KVM host half maps with the real instruction while the
    /// rest of the runtime goes through <see cref="Syscall"/>.
    /// </summary>
    public static unsafe class RuntimeMappings
    {
        /// <summary>MAP_FIXED_NOREPLACE: map exactly at the address, failing with EEXIST if something is there.</summary>
        public const int MapFixedNoReplace = 0x100000;
        private const long EEXIST = 17;
        /// <summary>An address taken by a mapping the allocator does not know of is skipped; this many times at most.</summary>
        private const int MaxAttempts = 8;

        private static RegionAllocator s_region = new RegionAllocator(DuneLayout.MappingsStart, DuneLayout.End);
        /// <summary>
        /// Guards <see cref="s_region"/> (threads map and unmap concurrently); never held across a system call. A
        /// collection maps and unmaps too, so the collector's stop must not park a thread that holds it.
        /// </summary>
        private static Internal.Runtime.Threads.StopSafeSpinLock s_lock;

        /// <summary>mmap(NULL, ...) for the runtime: the new mapping's address, or -errno.</summary>
        public static long Map(ulong length, int prot, int flags, int fd, long offset,
            delegate*<long, long, long, long, long, long, long, long> syscall)
        {
            for (int attempt = 0; attempt < MaxAttempts; attempt++)
            {
                ulong at = Take(length);
                if (at == 0) return -Linux.ENOMEM;
                long r = syscall(SyscallNumber.Mmap, (long)at, (long)length, prot, flags | MapFixedNoReplace, fd, offset);
                if (r == -EEXIST) continue;
                if (r < 0 && r > -4096) Unmapped(at, length);
                return r;
            }
            return -Linux.ENOMEM;
        }

        /// <summary>Reports an unmapped range, so its addresses are used again.</summary>
        public static void Unmapped(ulong address, ulong length)
        {
            Lock();
            s_region.Release(address, length);
            Unlock();
        }

        private static ulong Take(ulong length)
        {
            Lock();
            ulong at = s_region.Take(length);
            Unlock();
            return at;
        }

        private static void Lock() => s_lock.Enter();

        private static void Unlock() => s_lock.Exit();

        /// <summary>For the collector's stop handler (Runtime/Threads/Suspension): whether its thread holds the lock, and if so the stop is owed.</summary>
        internal static bool OweStopIfLocked(nuint stackLow, nuint stackHigh) => s_lock.OweStopIfHeld(stackLow, stackHigh);

        /// <summary>The system call of the runtime (a hypercall in Dune mode), in the shape <see cref="Map"/> takes.</summary>
        public static long RuntimeSyscall(long nr, long a0, long a1, long a2, long a3, long a4, long a5) =>
            Syscall.Invoke(nr, a0, a1, a2, a3, a4, a5);
    }
}
