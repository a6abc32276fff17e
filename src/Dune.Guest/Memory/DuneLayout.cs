namespace Dune.Memory
{
    /// <summary>
    /// Where a Dune process keeps itself: one high region of the lower half that Linux never gives an ordinary
    /// program (non-PIE images sit at 0x400000, PIE images and their break near 0x5555_5555_4000, the mmap area
    /// and the stack below 0x7fff_ffff_f000). The executable is linked at <see cref="ImageBase"/>
    /// (linker/dune.ld) and every mapping the runtime makes for itself (GC heap, stacks, backend areas, the
    /// mirror's bookkeeping) is placed in [<see cref="MappingsStart"/>, <see cref="End"/>), so a program run in
    /// ring 3 finds the whole usual user range free at the addresses it was linked for.
    /// </summary>
    public static class DuneLayout
    {
        /// <summary>The first address of the Dune region.</summary>
        public const ulong Start = 0x6000_0000_0000;
        /// <summary>Must equal the address linker/dune.ld links at (checked by a unit test).</summary>
        public const ulong ImageBase = Start;
        /// <summary>The image gets 1 TiB; the runtime's mappings the rest.</summary>
        public const ulong MappingsStart = 0x6100_0000_0000;
        /// <summary>The end (exclusive) of the Dune region.</summary>
        public const ulong End = 0x7000_0000_0000;

        /// <summary>Whether [va, va+length) touches the region (ring 3 may not map or hint there).</summary>
        public static bool Overlaps(ulong va, ulong length) => va < End && va + length > Start && va + length >= va;
    }
}
