using System.Runtime.InteropServices;

namespace Internal.Runtime.Gc
{
    /// <summary>
    /// A thread's allocation state for one size class: zeroed cells from <see cref="Next"/> up to <see cref="End"/>
    /// that only this thread bumps through (Intrinsics/threads.S, without a lock), and the block they are in.
    /// Each thread has one per size class (<see cref="Threads.ThreadState.Runs"/>); the heap lock is taken only to
    /// start a new run. 32 bytes, so the fast path finds a class's run with a shift.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct AllocationRun
    {
        public byte* Next;
        public byte* End;
        /// <summary>The block the run is in, and (<see cref="Cursor"/>) the cell from which to look for its next run.</summary>
        public Block* Current;
        public uint CellSize;
        public uint Cursor;
    }
}
