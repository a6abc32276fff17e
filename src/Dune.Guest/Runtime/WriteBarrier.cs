namespace Internal.Runtime
{
    /// <summary>
    /// The managed side of the write barrier. Every store of an object reference into the heap goes through
    /// the RhpAssignRef family (intrinsics/WriteBarrier.S) or, for bulk copies, through RecordRange: this is
    /// the one place a collector that tracks modified memory hooks in. The mark-sweep collector scans the
    /// whole heap, so it records nothing.
    /// </summary>
    internal static unsafe class WriteBarrier
    {
        public static void RecordRange(void* destination, nuint byteCount) { }
    }
}
