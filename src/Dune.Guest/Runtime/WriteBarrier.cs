using Internal.Runtime.Gc;

namespace Internal.Runtime
{
    /// <summary>
    /// The managed side of the write barrier. Every store of an object reference into the heap goes through
    /// the RhpAssignRef family (intrinsics/WriteBarrier.S), which dirties the destination's card for the
    /// generational collector, or, for bulk copies, through RecordRange, which dirties every card of the range.
    /// Runtime code that writes references with raw memory copies must call RecordRange too.
    /// </summary>
    internal static unsafe class WriteBarrier
    {
        public static void RecordRange(void* destination, nuint byteCount)
        {
            nuint start = (nuint)destination;
            if (byteCount == 0 || !ChunkMap.Contains(start)) return;
            Block.Containing(start)->MarkCards(start, start + byteCount);
        }
    }
}
