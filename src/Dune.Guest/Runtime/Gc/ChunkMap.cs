using System.Runtime;
using System.Runtime.CompilerServices;
using Dune.Memory;

namespace Internal.Runtime.Gc
{
    /// <summary>
    /// Which addresses lie in a small-object chunk: a byte per 4 MiB chunk of the region the runtime maps its memory
    /// in (<see cref="DuneLayout"/>: the heap's chunks come from there), one load. The marker asks this for every
    /// reference it follows and the write barriers (Intrinsics/WriteBarrier.S) for every store, so the map lives in
    /// the barriers' file (3.75 MiB of bss, almost all of it never written) and the layout here must match theirs
    /// (both take the region from DuneLayout, the assembly through layouts.inc).
    /// </summary>
    internal static unsafe class ChunkMap
    {
        private const nuint FirstChunk = (nuint)(DuneLayout.MappingsStart >> SmallObjectSpace.ChunkShift);
        private const nuint Chunks = (nuint)((DuneLayout.End - DuneLayout.MappingsStart) >> SmallObjectSpace.ChunkShift);

        private static byte* s_chunks;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneGcChunkMap")]
        private static extern byte* Map();

        /// <summary>Not inlined: inlined into GcHeap.Initialize, ilc 10.0.12 dropped the call and the store.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void Initialize() => s_chunks = Map();

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static bool Contains(nuint address)
        {
            nuint chunk = (address >> SmallObjectSpace.ChunkShift) - FirstChunk;
            return chunk < Chunks && s_chunks[chunk] != 0;
        }

        /// <summary>Records that the chunk at <paramref name="chunk"/> (in the runtime's mappings) is (or is no longer) part of the heap.</summary>
        public static void Set(nuint chunk, bool present)
        {
            nuint index = (chunk >> SmallObjectSpace.ChunkShift) - FirstChunk;
            if (index >= Chunks) Dune.Runtime.Fatal.Exit("fatal runtime error: a heap chunk outside the runtime's mappings", Dune.Runtime.ExitCodes.RuntimeFailure);
            s_chunks[index] = present ? (byte)1 : (byte)0;
        }
    }
}
