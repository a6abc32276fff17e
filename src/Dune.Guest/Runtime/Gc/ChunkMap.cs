using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime.Gc
{
    /// <summary>
    /// Which addresses lie in a small-object chunk: a byte per 4 MiB chunk of the 47-bit user address space, one
    /// load. The marker asks this for every reference it follows and the write barriers (Intrinsics/WriteBarrier.S)
    /// for every store, so the map lives in the barriers' file (32 MiB of bss, almost all of it never written) and
    /// the layout here must match theirs.
    /// </summary>
    internal static unsafe class ChunkMap
    {
        private const nuint Chunks = (nuint)1 << (47 - SmallObjectSpace.ChunkShift);

        private static byte* s_chunks;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneGcChunkMap")]
        private static extern byte* Map();

        /// <summary>Not inlined: inlined into GcHeap.Initialize, ilc 10.0.12 dropped the call and the store.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Initialize() => s_chunks = Map();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Contains(nuint address)
        {
            nuint chunk = address >> SmallObjectSpace.ChunkShift;
            return chunk < Chunks && s_chunks[chunk] != 0;
        }

        /// <summary>Records that the chunk at <paramref name="chunk"/> is (or is no longer) part of the heap.</summary>
        public static void Set(nuint chunk, bool present) => s_chunks[chunk >> SmallObjectSpace.ChunkShift] = present ? (byte)1 : (byte)0;
    }
}
