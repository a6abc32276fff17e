using Dune.Platform;

namespace Internal.Runtime.Gc
{
    /// <summary>Anonymous read/write mappings from the host: where every byte of the heap comes from.</summary>
    internal static unsafe class HostMemory
    {
        public const nuint PageSize = 4096;

        /// <summary>Maps zeroed memory; null when the host refuses.</summary>
        public static void* Map(nuint size) =>
            Linux.Mmap(null, size, Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous);

        /// <summary>Maps <paramref name="size"/> bytes aligned to <paramref name="alignment"/> (a power of two)
        /// by over-mapping and trimming the ends.</summary>
        public static void* MapAligned(nuint size, nuint alignment)
        {
            byte* raw = (byte*)Map(size + alignment);
            if (raw == null) return null;
            byte* aligned = (byte*)(((nuint)raw + alignment - 1) & ~(alignment - 1));
            if (aligned > raw) Unmap(raw, (nuint)(aligned - raw));
            byte* tail = aligned + size;
            nuint tailSize = (nuint)(raw + size + alignment - tail);
            if (tailSize > 0) Unmap(tail, tailSize);
            return aligned;
        }

        public static void Unmap(void* start, nuint size) => Linux.Munmap(start, size);

        public static nuint RoundToPages(nuint size) => (size + PageSize - 1) & ~(PageSize - 1);

        /// <summary>The collector's own bookkeeping could not get memory: nothing sensible is left to do.</summary>
        public static void FailOutOfMemory() =>
            Dune.Runtime.Fatal.Exit("fatal runtime error: out of memory for the collector's bookkeeping", Dune.Runtime.ExitCodes.RuntimeFailure);
    }
}
