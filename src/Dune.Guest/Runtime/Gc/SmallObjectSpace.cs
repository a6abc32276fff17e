using System.Runtime.InteropServices;

namespace Internal.Runtime.Gc
{
    /// <summary>
    /// Objects up to <see cref="SizeClasses.MaxSmallSize"/> bytes: 4 MB chunks (aligned, so the chunk of an
    /// address is found by masking) split into blocks of one size class each. Each class allocates by bumping a
    /// pointer through a run of free, already zeroed cells; when the run ends, the next run of free cells is
    /// found in the allocation bitmap of the class's current block, then of the blocks the last sweep left with
    /// free cells, then of an empty block from the pool shared by all classes. Sweeping is per block bitmap work;
    /// empty chunks beyond what the next cycle will use go back to the host.
    /// </summary>
    internal static unsafe class SmallObjectSpace
    {
        public const int ChunkShift = 22;
        public const nuint ChunkSize = (nuint)1 << ChunkShift;
        private const nuint BlocksPerChunk = ChunkSize / Block.Size;

        [StructLayout(LayoutKind.Sequential)]
        public struct ClassState
        {
            /// <summary>The allocation run: zeroed cells from BumpNext up to BumpEnd.</summary>
            public byte* BumpNext;
            public byte* BumpEnd;
            public nuint CellSize;
            /// <summary>The block the run is in, and the cell from which to look for its next run.</summary>
            public Block* Current;
            public uint Cursor;
            /// <summary>Blocks of this class that the last sweep left with free cells, in address order.</summary>
            public Block* Partial;
        }

        /// <summary>Per size class; <see cref="GcHeap.Allocate"/> bumps through these inline.</summary>
        public static ClassState* Classes;
        /// <summary>A mapped chunk held back from the heap, handed over when the host refuses more memory so that
        /// the OutOfMemoryException and its dispatch can still allocate.</summary>
        private static byte* s_reserve;
        /// <summary>The reserve came straight from the host (rather than from a sweep): its memory is zero.</summary>
        private static bool s_reserveZeroed;
        private static Block* s_freeBlocks;
        /// <summary>Chunk base addresses, ascending.</summary>
        private static WordList s_chunks;

        public static nuint MappedBytes => s_chunks.Count * ChunkSize;
        public static nuint LowestAddress => s_chunks.Count == 0 ? ~(nuint)0 : s_chunks.Items[0];
        public static nuint HighestAddress => s_chunks.Count == 0 ? 0 : s_chunks.Items[s_chunks.Count - 1] + ChunkSize;

        public static nuint StateBytes => SizeClasses.MaxClasses * (nuint)sizeof(ClassState);

        /// <summary>Takes the class table's memory; the size classes must be initialized.</summary>
        public static void Initialize(byte* memory)
        {
            Classes = (ClassState*)memory;
            for (int c = 0; c < SizeClasses.Count; c++) Classes[c].CellSize = SizeClasses.CellSizes[c];
        }

        /// <summary>
        /// Starts a new allocation run for class <paramref name="cls"/> (the current one is used up). Returns the
        /// bytes of the run, or 0 if no memory could be mapped.
        /// </summary>
        public static nuint Refill(int cls)
        {
            ClassState* state = Classes + cls;
            while (true)
            {
                Block* block = state->Current;
                if (block != null)
                {
                    uint start = block->TakeFreeRun(state->Cursor, out uint end);
                    if (start < block->CellCount)
                    {
                        state->Cursor = end;
                        byte* run = block->Cell(start);
                        nuint bytes = (nuint)(end - start) * state->CellSize;
                        if (block->Zeroed) block->Zeroed = false;
                        else Clear(run, bytes);
                        state->BumpNext = run;
                        state->BumpEnd = run + bytes;
                        return bytes;
                    }
                }
                block = state->Partial;
                if (block != null) state->Partial = block->Next;
                else
                {
                    block = TakeBlock();
                    if (block == null) return 0;
                    block->Assign((uint)cls, (uint)state->CellSize);
                }
                block->Next = null;
                state->Current = block;
                state->Cursor = 0;
            }
        }

        /// <summary>Zeroes a run: short ones with word stores (a rep stosb costs more to start than they take).</summary>
        private static void Clear(byte* run, nuint bytes)
        {
            if (bytes > 256)
            {
                Memory.Zero(run, bytes);
                return;
            }
            for (nuint* p = (nuint*)run, end = (nuint*)(run + bytes); p < end; p++) *p = 0;
        }

        /// <summary>
        /// Before a collection: the unused rest of every allocation run is free again, so the allocation bits
        /// name exactly the objects. Returns the bytes given back.
        /// </summary>
        public static nuint RetireRuns()
        {
            nuint unused = 0;
            for (int c = 0; c < SizeClasses.Count; c++)
            {
                ClassState* state = Classes + c;
                Block* block = state->Current;
                if (block != null && state->BumpNext < state->BumpEnd)
                {
                    block->SetAllocated(block->CellIndex((nuint)state->BumpNext), block->CellIndex((nuint)state->BumpEnd - 1) + 1, false);
                    unused += (nuint)(state->BumpEnd - state->BumpNext);
                }
                state->BumpNext = state->BumpEnd = null;
                state->Current = null;
                state->Cursor = 0;
                state->Partial = null;
            }
            return unused;
        }

        /// <summary>Before a major collection: every block forgets its marks (nothing is old) and its cards.</summary>
        public static void ClearMarksAndCards()
        {
            for (nuint ci = 0; ci < s_chunks.Count; ci++)
                for (nuint bi = 0; bi < BlocksPerChunk; bi++)
                {
                    Block* block = (Block*)(s_chunks.Items[ci] + bi * Block.Size);
                    if (block->CellSize != 0) block->ClearMarksAndCards();
                }
        }

        /// <summary>A minor collection's remembered set here: the old objects of every dirty card.</summary>
        public static void ScanDirtyCards()
        {
            for (nuint ci = 0; ci < s_chunks.Count; ci++)
                for (nuint bi = 0; bi < BlocksPerChunk; bi++)
                {
                    Block* block = (Block*)(s_chunks.Items[ci] + bi * Block.Size);
                    if (block->CellSize != 0) RememberedSet.ScanDirtyCards(block);
                }
        }

        /// <summary>The object of a small-object chunk that contains <paramref name="address"/>, or 0.</summary>
        public static nuint FindObject(nuint address) =>
            ChunkMap.Contains(address) ? Block.Containing(address)->FindObject(address) : 0;

        private static Block* TakeBlock()
        {
            if (s_freeBlocks == null && !MapChunk()) return null;
            Block* block = s_freeBlocks;
            s_freeBlocks = block->Next;
            return block;
        }

        private static bool MapChunk()
        {
            byte* chunk = (byte*)HostMemory.MapAligned(ChunkSize, ChunkSize);
            if (chunk == null) return false;
            AddChunk(chunk, zeroed: true);
            return true;
        }

        /// <summary>Maps the reserve chunk if none is held (it may fail: the host is short of memory).</summary>
        public static void TryMapReserve()
        {
            if (s_reserve != null) return;
            s_reserve = (byte*)HostMemory.MapAligned(ChunkSize, ChunkSize);
            s_reserveZeroed = true;
        }

        /// <summary>Gives the reserve chunk to the heap; false if there is none left.</summary>
        public static bool ReleaseReserve()
        {
            if (s_reserve == null) return false;
            AddChunk(s_reserve, s_reserveZeroed);
            s_reserve = null;
            return true;
        }

        /// <summary>A chunk joins the heap; its blocks are zeroed only if it comes straight from the host.</summary>
        private static void AddChunk(byte* chunk, bool zeroed)
        {
            nuint index = 0;
            while (index < s_chunks.Count && s_chunks.Items[index] < (nuint)chunk) index++;
            s_chunks.Insert(index, (nuint)chunk);
            ChunkMap.Set((nuint)chunk, true);
            for (nuint i = BlocksPerChunk; i-- > 0;)
            {
                Block* block = (Block*)(chunk + i * Block.Size);
                block->CellSize = 0;
                block->Zeroed = zeroed;
                block->Next = s_freeBlocks;
                s_freeBlocks = block;
            }
        }

        /// <summary>
        /// Frees every unmarked object and clears the marks, rebuilds each class's list of blocks with free
        /// cells and the pool of empty blocks (both in address order), and gives chunks left empty back to the
        /// host, except <paramref name="spareChunks"/> of them (the next cycle would map them again) and the reserve.
        /// Call <see cref="RetireRuns"/> before marking.
        /// </summary>
        public static void Sweep(ref SweepResult result, nuint spareChunks)
        {
            s_freeBlocks = null;
            nuint emptyChunksKept = 0;
            for (nuint ci = s_chunks.Count; ci-- > 0;)
            {
                byte* chunk = (byte*)s_chunks.Items[ci];
                Block* chunkFreeBlocks = s_freeBlocks;
                nuint unusedBlocks = 0;
                for (nuint bi = BlocksPerChunk; bi-- > 0;)
                {
                    Block* block = (Block*)(chunk + bi * Block.Size);
                    if (block->CellSize != 0)
                    {
                        nuint dead = 0;
                        uint live = block->Sweep(ref dead);
                        result.FreedObjects += dead;
                        result.FreedBytes += dead * block->CellSize;
                        result.LiveBytes += (nuint)live * block->CellSize;
                        if (live != 0)
                        {
                            if (live < block->CellCount)
                            {
                                ClassState* state = Classes + block->SizeClass;
                                block->Next = state->Partial;
                                state->Partial = block;
                            }
                            continue;
                        }
                        block->CellSize = 0;
                    }
                    block->Next = chunkFreeBlocks;
                    chunkFreeBlocks = block;
                    unusedBlocks++;
                }
                if (unusedBlocks == BlocksPerChunk && emptyChunksKept++ >= spareChunks)
                {
                    s_chunks.RemoveAt(ci);
                    ChunkMap.Set((nuint)chunk, false);
                    if (s_reserve == null)
                    {
                        s_reserve = chunk;
                        s_reserveZeroed = false;
                    }
                    else HostMemory.Unmap(chunk, ChunkSize);
                    continue;
                }
                s_freeBlocks = chunkFreeBlocks;
            }
        }
    }

    /// <summary>What a sweep found, summed over the small and large object spaces.</summary>
    internal struct SweepResult
    {
        public nuint LiveBytes;
        public nuint FreedBytes;
        public nuint FreedObjects;
    }
}
