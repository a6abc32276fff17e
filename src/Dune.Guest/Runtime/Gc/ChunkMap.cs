using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime.Gc
{
    /// <summary>
    /// Which addresses lie in a small-object chunk, answered with two loads: a top table of 16 GiB regions
    /// (covering the 47-bit user address space) points to a byte per chunk of the region. The marker asks this for
    /// every reference it follows and the write barriers (Intrinsics/WriteBarrier.S) for every store, so the top
    /// table lives in the barriers' file and the layout here must match theirs.
    /// </summary>
    internal static unsafe class ChunkMap
    {
        private const int RegionShift = 34;
        private const nuint Regions = (nuint)1 << (47 - RegionShift);
        private const nuint ChunksPerRegion = (nuint)1 << (RegionShift - SmallObjectSpace.ChunkShift);

        private static byte** s_regions;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneGcChunkRegionTable")]
        private static extern byte** RegionTable();

        /// <summary>Not inlined: inlined into GcHeap.Initialize, ilc 10.0.12 dropped the call and the store.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Initialize() => s_regions = RegionTable();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Contains(nuint address)
        {
            nuint region = address >> RegionShift;
            if (region >= Regions) return false;
            byte* chunks = s_regions[region];
            return chunks != null && chunks[(address >> SmallObjectSpace.ChunkShift) & (ChunksPerRegion - 1)] != 0;
        }

        /// <summary>Records that the chunk at <paramref name="chunk"/> is (or is no longer) part of the heap.</summary>
        public static void Set(nuint chunk, bool present)
        {
            nuint region = chunk >> RegionShift;
            if (s_regions[region] == null)
            {
                s_regions[region] = (byte*)HostMemory.Map(ChunksPerRegion);
                if (s_regions[region] == null) HostMemory.FailOutOfMemory();
            }
            s_regions[region][(chunk >> SmallObjectSpace.ChunkShift) & (ChunksPerRegion - 1)] = present ? (byte)1 : (byte)0;
        }
    }
}
