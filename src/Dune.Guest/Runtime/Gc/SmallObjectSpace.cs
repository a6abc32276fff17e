using System.Runtime.InteropServices;

namespace Internal.Runtime.Gc
{
    /// <summary>
    /// Objects up to <see cref="SizeClasses.MaxSmallSize"/> bytes: 4 MB chunks (aligned, so the chunk of an
    /// address is found by masking) split into blocks of one size class each. Allocation pops a per-class free
    /// list or carves the next cell of the class's current block; sweeping rebuilds the free lists and returns
    /// empty blocks to a pool shared by all classes.
    /// </summary>
    internal static unsafe class SmallObjectSpace
    {
        public const int ChunkShift = 22;
        public const nuint ChunkSize = (nuint)1 << ChunkShift;
        private const nuint BlocksPerChunk = ChunkSize / Block.Size;
        /// <summary>Fully empty chunks kept mapped after a sweep, so steady churn does not map and unmap each cycle.</summary>
        private const int SpareChunks = 1;

        [StructLayout(LayoutKind.Sequential)]
        private struct ClassState
        {
            public nuint FreeList;
            public byte* BumpNext;
            public byte* BumpEnd;
            public Block* BumpBlock;
        }

        private static ClassState* s_classes;
        /// <summary>A mapped chunk held back from the heap, handed over when the host refuses more memory so that
        /// the OutOfMemoryException and its dispatch can still allocate.</summary>
        private static byte* s_reserve;
        private static Block* s_freeBlocks;
        /// <summary>Chunk base addresses, ascending.</summary>
        private static WordList s_chunks;

        public static nuint MappedBytes => s_chunks.Count * ChunkSize;
        public static nuint LowestAddress => s_chunks.Count == 0 ? ~(nuint)0 : s_chunks.Items[0];
        public static nuint HighestAddress => s_chunks.Count == 0 ? 0 : s_chunks.Items[s_chunks.Count - 1] + ChunkSize;

        public static void Initialize(byte* memory) => s_classes = (ClassState*)memory;

        public static nuint StateBytes => SizeClasses.MaxClasses * (nuint)sizeof(ClassState);

        /// <summary>A cell of class <paramref name="cls"/>, not yet zeroed; null if no memory could be mapped.</summary>
        public static byte* AllocateCell(int cls)
        {
            ClassState* state = s_classes + cls;
            nuint cell = state->FreeList;
            if (cell != 0)
            {
                state->FreeList = *(nuint*)cell;
                return (byte*)cell;
            }
            uint size = SizeClasses.CellSizes[cls];
            if (state->BumpNext + size > state->BumpEnd)
            {
                Block* block = TakeBlock();
                if (block == null) return null;
                block->CellSize = size;
                block->SizeClass = (uint)cls;
                block->CarvedEnd = block->FirstCell;
                state->BumpBlock = block;
                state->BumpNext = block->FirstCell;
                state->BumpEnd = block->CellsEnd;
            }
            byte* carved = state->BumpNext;
            state->BumpNext = carved + size;
            state->BumpBlock->CarvedEnd = state->BumpNext;
            return carved;
        }

        /// <summary>The object of a small-object chunk that contains <paramref name="address"/>, or 0.</summary>
        public static nuint FindObject(nuint address)
        {
            if (!ContainsChunk(address & ~(ChunkSize - 1))) return 0;
            return Block.Containing(address)->FindObject(address);
        }

        private static bool ContainsChunk(nuint chunk)
        {
            nuint lo = 0, hi = s_chunks.Count;
            while (lo < hi)
            {
                nuint mid = (lo + hi) / 2;
                nuint value = s_chunks.Items[mid];
                if (value == chunk) return true;
                if (value < chunk) lo = mid + 1; else hi = mid;
            }
            return false;
        }

        private static Block* TakeBlock()
        {
            if (s_freeBlocks == null && !MapChunk()) return null;
            Block* block = s_freeBlocks;
            s_freeBlocks = block->NextFree;
            block->NextFree = null;
            return block;
        }

        private static bool MapChunk()
        {
            byte* chunk = (byte*)HostMemory.MapAligned(ChunkSize, ChunkSize);
            if (chunk == null) return false;
            AddChunk(chunk);
            return true;
        }

        /// <summary>Maps the reserve chunk if none is held (it may fail: the host is short of memory).</summary>
        public static void TryMapReserve()
        {
            if (s_reserve == null) s_reserve = (byte*)HostMemory.MapAligned(ChunkSize, ChunkSize);
        }

        /// <summary>Gives the reserve chunk to the heap; false if there is none left.</summary>
        public static bool ReleaseReserve()
        {
            if (s_reserve == null) return false;
            AddChunk(s_reserve);
            s_reserve = null;
            return true;
        }

        private static void AddChunk(byte* chunk)
        {
            nuint index = 0;
            while (index < s_chunks.Count && s_chunks.Items[index] < (nuint)chunk) index++;
            s_chunks.Insert(index, (nuint)chunk);
            for (nuint i = BlocksPerChunk; i-- > 0;)
            {
                Block* block = (Block*)(chunk + i * Block.Size);
                block->CellSize = 0;
                block->NextFree = s_freeBlocks;
                s_freeBlocks = block;
            }
        }

        /// <summary>
        /// Frees every unmarked object, clears the marks, rebuilds the free lists (in address order) and the
        /// block pool, and unmaps chunks left empty beyond <see cref="SpareChunks"/> (or keeps one as the reserve).
        /// </summary>
        public static void Sweep(ref SweepResult result)
        {
            for (int c = 0; c < SizeClasses.Count; c++) s_classes[c].FreeList = 0;
            s_freeBlocks = null;
            int emptyChunksKept = 0;
            for (nuint ci = s_chunks.Count; ci-- > 0;)
            {
                byte* chunk = (byte*)s_chunks.Items[ci];
                Block* chunkFreeBlocks = s_freeBlocks;
                nuint unusedBlocks = 0;
                for (nuint bi = BlocksPerChunk; bi-- > 0;)
                {
                    Block* block = (Block*)(chunk + bi * Block.Size);
                    if (block->CellSize != 0 && SweepBlock(block, ref result)) continue;
                    block->CellSize = 0;
                    block->NextFree = chunkFreeBlocks;
                    chunkFreeBlocks = block;
                    unusedBlocks++;
                }
                if (unusedBlocks == BlocksPerChunk && emptyChunksKept++ >= SpareChunks)
                {
                    s_chunks.RemoveAt(ci);
                    if (s_reserve == null) s_reserve = chunk;
                    else HostMemory.Unmap(chunk, ChunkSize);
                    continue;
                }
                s_freeBlocks = chunkFreeBlocks;
            }
        }

        /// <summary>Sweeps one block; false if it holds no object any more and can go back to the pool.</summary>
        private static bool SweepBlock(Block* block, ref SweepResult result)
        {
            ClassState* state = s_classes + block->SizeClass;
            nuint size = block->CellSize;
            nuint live = 0, head = 0;
            nuint* tail = &head;
            for (byte* cell = block->FirstCell; cell < block->CarvedEnd; cell += size)
            {
                nuint* mtSlot = (nuint*)(cell + ObjectHeader.Size);
                nuint mt = *mtSlot;
                if ((mt & Marker.MarkBit) != 0)
                {
                    *mtSlot = mt & ~Marker.MarkBit;
                    live++;
                    continue;
                }
                if (mt != 0)
                {
                    *mtSlot = 0;
                    result.FreedObjects++;
                    result.FreedBytes += size;
                }
                *tail = (nuint)cell;
                tail = (nuint*)cell;
            }
            result.LiveBytes += live * size;
            if (live == 0 && block != state->BumpBlock) return false;
            *tail = state->FreeList;
            state->FreeList = head;
            return true;
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
