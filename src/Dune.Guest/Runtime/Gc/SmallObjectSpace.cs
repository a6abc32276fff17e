namespace Internal.Runtime.Gc
{
    /// <summary>
    /// Objects up to <see cref="SizeClasses.MaxSmallSize"/> bytes: 4 MB chunks (aligned, so the chunk of an
    /// address is found by masking) split into blocks of one size class each. Each thread allocates by bumping a
    /// pointer through its own run of free, already zeroed cells of the class (<see cref="AllocationRun"/>, no
    /// lock); when the run ends, the next run of free cells is found (under the heap lock) in the allocation
    /// bitmap of the run's current block, then of the blocks the last sweep left with
    /// free cells, then of an empty block from the pool shared by all classes. Sweeping is per block bitmap work;
    /// empty chunks beyond what the next cycle will use go back to the host.
    /// </summary>
    internal static unsafe class SmallObjectSpace
    {
        public const int ChunkShift = 22;
        public const nuint ChunkSize = (nuint)1 << ChunkShift;
        private const nuint BlocksPerChunk = ChunkSize / Block.Size;
        /// <summary>Bytes of a run cleared at a time (<see cref="ClearMore"/>): a quarter of a 32 KiB L1 data cache.</summary>
        private const nuint ClearStep = 8192;

        /// <summary>Per size class: blocks that the last sweep left with free cells, in address order.</summary>
        private static Block** s_partial;
        /// <summary>A mapped chunk held back from the heap, handed over when the host refuses more memory so that
        /// the OutOfMemoryException and its dispatch can still allocate.</summary>
        private static byte* s_reserve;
        /// <summary>The reserve came straight from the host (rather than from a sweep): its memory is zero.</summary>
        private static bool s_reserveZeroed;
        private static Block* s_freeBlocks;
        /// <summary>
        /// The blocks of the newest chunk from the host that nothing has written yet, [s_fresh, s_freshEnd), taken in
        /// address order before the free list runs dry: a small heap touches only the pages it uses (as transparent
        /// huge pages, one 2 MiB clear rather than one per half of the chunk, 0.5 M instructions each at start-up).
        /// </summary>
        private static Block* s_fresh, s_freshEnd;
        /// <summary>Chunk base addresses, ascending.</summary>
        private static WordList s_chunks;

        public static nuint MappedBytes => s_chunks.Count * ChunkSize;
        public static nuint LowestAddress => s_chunks.Count == 0 ? ~(nuint)0 : s_chunks.Items[0];
        public static nuint HighestAddress => s_chunks.Count == 0 ? 0 : s_chunks.Items[s_chunks.Count - 1] + ChunkSize;

        public static nuint StateBytes => SizeClasses.MaxClasses * (nuint)sizeof(Block*);

        /// <summary>Bytes of a thread's allocation runs (<see cref="InitializeRuns"/>): one per class, then
        /// <see cref="SizeClasses.NoRoomRun"/>.</summary>
        public static nuint RunsBytes => (SizeClasses.NoRoomRun + 1) * (nuint)sizeof(AllocationRun);

        /// <summary>Takes the memory of the per-class lists.</summary>
        public static void Initialize(byte* memory) => s_partial = (Block**)memory;

        /// <summary>A new thread's allocation runs, all empty; the size classes must be initialized.</summary>
        public static void InitializeRuns(AllocationRun* runs)
        {
            for (int c = 0; c < SizeClasses.Count; c++) runs[c].CellSize = SizeClasses.CellSizes[c];
            runs[SizeClasses.NoRoomRun].CellSize = uint.MaxValue;
        }

        /// <summary>
        /// Starts a new allocation run for class <paramref name="cls"/> in <paramref name="state"/> (a thread's run,
        /// used up). Returns the bytes of the run, or 0 if no memory could be mapped. Under the heap lock.
        /// </summary>
        public static nuint Refill(AllocationRun* state, int cls)
        {
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
                        state->Next = run;
                        if (block->Zeroed)
                        {
                            block->Zeroed = false;
                            state->End = run + bytes;
                        }
                        else
                        {
                            state->End = run;
                            ClearMore(state);
                        }
                        return bytes;
                    }
                }
                block = s_partial[cls];
                if (block != null) s_partial[cls] = block->Next;
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

        /// <summary>
        /// The thread's run ends before the cells it took from the block do (<see cref="Refill"/> clears a run a
        /// step at a time): clears the next step and extends the run over it. False if the run is used up. Under the heap lock.
        /// </summary>
        public static bool ExtendRun(AllocationRun* state)
        {
            if (state->Current == null || state->End >= RunLimit(state)) return false;
            ClearMore(state);
            return true;
        }

        /// <summary>Where the cells taken for the thread's run end: its <see cref="AllocationRun.Cursor"/> is the index after them.</summary>
        private static byte* RunLimit(AllocationRun* state) => state->Current->Cell(state->Cursor);

        /// <summary>
        /// Clears up to <see cref="ClearStep"/> bytes after the run's end and moves the end past them: the allocations
        /// that follow find those lines still in the L1 cache. Clearing a whole run of up to a block at once evicted
        /// its first lines before they were used, so each was missed twice (binary trees: twice the write misses of NativeAOT).
        /// </summary>
        private static void ClearMore(AllocationRun* state)
        {
            nuint cells = ClearStep / state->CellSize;
            nuint bytes = (cells == 0 ? 1 : cells) * state->CellSize;
            nuint left = (nuint)(RunLimit(state) - state->End);
            if (bytes > left) bytes = left;
            Clear(state->End, bytes);
            state->End += bytes;
        }

        /// <summary>Zeroes part of a run: short ones with word stores (a rep stosb costs more to start than they take).</summary>
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
        /// Before a collection, for every thread's runs (the threads stopped): the unused rest of each allocation
        /// run is free again, so the allocation bits name exactly the objects. Returns the bytes given back.
        /// </summary>
        public static nuint RetireRuns(AllocationRun* runs)
        {
            nuint unused = 0;
            for (int c = 0; c < SizeClasses.Count; c++)
            {
                AllocationRun* state = runs + c;
                Block* block = state->Current;
                if (block != null && state->Next < RunLimit(state))
                {
                    block->SetAllocated(block->CellIndex((nuint)state->Next), state->Cursor, false);
                    unused += (nuint)(RunLimit(state) - state->Next);
                }
                state->Next = state->End = null;
                state->Current = null;
                state->Cursor = 0;
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

        /// <summary>
        /// A minor collection's remembered set here: the old objects of every dirty card. Blocks with nothing old
        /// forget their cards first, in a pass of their own: scanning may promote objects anywhere, and the cards
        /// that dirties must stay.
        /// </summary>
        public static void ScanDirtyCards()
        {
            for (nuint ci = 0; ci < s_chunks.Count; ci++)
                for (nuint bi = 0; bi < BlocksPerChunk; bi++)
                {
                    Block* block = (Block*)(s_chunks.Items[ci] + bi * Block.Size);
                    if (block->CellSize != 0 && block->OldCells == 0) block->ClearCards();
                }
            for (nuint ci = 0; ci < s_chunks.Count; ci++)
                for (nuint bi = 0; bi < BlocksPerChunk; bi++)
                {
                    Block* block = (Block*)(s_chunks.Items[ci] + bi * Block.Size);
                    if (block->CellSize != 0 && block->OldCells != 0) RememberedSet.ScanDirtyCards(block);
                }
        }

        /// <summary>The object of a small-object chunk that contains <paramref name="address"/>, or 0.</summary>
        public static nuint FindObject(nuint address) =>
            ChunkMap.Contains(address) ? Block.Containing(address)->FindObject(address) : 0;

        private static Block* TakeBlock()
        {
            if (s_freeBlocks == null && s_fresh == s_freshEnd && !MapChunk()) return null;
            Block* block = s_freeBlocks;
            if (block != null)
            {
                s_freeBlocks = block->Next;
                return block;
            }
            block = s_fresh;
            s_fresh = (Block*)((byte*)block + Block.Size);
            block->Zeroed = true;
            return block;
        }

        private static bool MapChunk()
        {
            byte* chunk = (byte*)HostMemory.MapAligned(ChunkSize, ChunkSize);
            if (chunk == null) return false;
            Insert(chunk);
            s_fresh = (Block*)chunk;
            s_freshEnd = (Block*)(chunk + ChunkSize);
            return true;
        }

        /// <summary>How many blocks of <paramref name="chunk"/> have been taken at some time (all but the fresh ones).</summary>
        private static nuint TouchedBlocks(byte* chunk) =>
            s_fresh != s_freshEnd && (byte*)s_fresh >= chunk && (byte*)s_fresh < chunk + ChunkSize
                ? (nuint)((byte*)s_fresh - chunk) / Block.Size
                : BlocksPerChunk;

        private static void Insert(byte* chunk)
        {
            nuint index = 0;
            while (index < s_chunks.Count && s_chunks.Items[index] < (nuint)chunk) index++;
            s_chunks.Insert(index, (nuint)chunk);
            ChunkMap.Set((nuint)chunk, true);
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
            Insert(chunk);
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
        /// Frees every unmarked object and ages the marked ones (<see cref="Block.Sweep"/>; all become old if
        /// <paramref name="promoteAll"/>), rebuilds each class's list of blocks with free
        /// cells and the pool of empty blocks (both in address order), and gives chunks left empty back to the
        /// host, except <paramref name="spareChunks"/> of them (the next cycle would map them again) and the reserve.
        /// Call <see cref="RetireRuns"/> before marking.
        /// </summary>
        public static void Sweep(ref SweepResult result, nuint spareChunks, bool promoteAll)
        {
            s_freeBlocks = null;
            for (int c = 0; c < SizeClasses.Count; c++) s_partial[c] = null;
            nuint emptyChunksKept = 0;
            for (nuint ci = s_chunks.Count; ci-- > 0;)
            {
                byte* chunk = (byte*)s_chunks.Items[ci];
                Block* chunkFreeBlocks = s_freeBlocks;
                nuint touched = TouchedBlocks(chunk);
                nuint unusedBlocks = BlocksPerChunk - touched;
                for (nuint bi = touched; bi-- > 0;)
                {
                    Block* block = (Block*)(chunk + bi * Block.Size);
                    if (block->CellSize != 0)
                    {
                        nuint dead = 0;
                        uint live = block->Sweep(ref dead, promoteAll);
                        result.FreedObjects += dead;
                        result.FreedBytes += dead * block->CellSize;
                        result.LiveBytes += (nuint)live * block->CellSize;
                        if (live != 0)
                        {
                            if (live < block->CellCount)
                            {
                                block->Next = s_partial[block->SizeClass];
                                s_partial[block->SizeClass] = block;
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
                    if (touched != BlocksPerChunk) s_fresh = s_freshEnd = null;
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
