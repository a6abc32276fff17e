using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Internal.Runtime.Gc
{
    /// <summary>
    /// A 64 KB block of a chunk, carved into equal cells of one size class. The header sits at the start of the
    /// block, so the block holding any address is found by masking. Three bitmaps in the header describe the cells:
    /// the allocation bits say which cells hold an object (or were handed out zeroed to an allocation run), the
    /// mark bits which objects a collection reached, the survivor bits which objects survived a collection. An
    /// object becomes old when it survives its second minor collection (or any major one): between two
    /// collections an old object has its mark and survivor bits set, an object that survived one collection only
    /// its survivor bit, a new one neither. A minor collection neither frees nor traces old objects; the objects
    /// it marks that had survived once become old, the others survive once. (Promoting at the first survival made
    /// every structure under construction at a collection old garbage that only a major collection could free.)
    /// A sweep is a few word operations per bitmap word. Dead cells are never written by the collector; the
    /// allocator zeroes them when it hands them out again. The header opens with a byte per 512-byte card that
    /// the write barriers set when they store a reference into the card (Intrinsics/WriteBarrier.S; values in
    /// <see cref="RememberedSet"/>).
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct Block
    {
        public const int Shift = 16;
        public const nuint Size = (nuint)1 << Shift;
        /// <summary>Cells start after the header, its cards and its two bitmaps, on a cache-line boundary.</summary>
        public const nuint HeaderSize = 1216;
        public const int CardShift = 9;
        public const int CardCount = (int)(Size >> CardShift);
        /// <summary>Bitmap words: enough for the most cells a block can hold (the smallest size class).</summary>
        public const int BitmapWords = (int)((Size - HeaderSize) / SizeClasses.MinObjectSize + 63) / 64;

        /// <summary>Nonzero where a reference was stored since the last collection. First: the barriers index it from the block's address.</summary>
        public fixed byte Cards[CardCount];
        /// <summary>0 while the block is unused.</summary>
        public uint CellSize;
        public uint SizeClass;
        public uint CellCount;
        /// <summary>ceil(2^32 / CellSize): a cell's index is (offset * Reciprocal) &gt;&gt; 32, exact because every
        /// offset times every cell size stays below 2^32.</summary>
        public uint Reciprocal;
        /// <summary>Link in the pool of unused blocks or in a size class's list of blocks with free cells.</summary>
        public Block* Next;
        /// <summary>Every byte of the cells is zero (memory fresh from the host): handing them out needs no clearing.</summary>
        public bool Zeroed;
        /// <summary>Old cells the last sweep left: 0 means a minor collection finds nothing old here and can skip
        /// the block's cards.</summary>
        public uint OldCells;
        public fixed ulong AllocationBits[BitmapWords];
        public fixed ulong MarkBits[BitmapWords];
        public fixed ulong SurvivorBits[BitmapWords];

        public byte* FirstCell => (byte*)Unsafe.AsPointer(ref this) + HeaderSize;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Block* Containing(nuint address) => (Block*)(address & ~(Size - 1));

        /// <summary>Gives an unused block (all bits clear) to a size class.</summary>
        public void Assign(uint sizeClass, uint cellSize)
        {
            SizeClass = sizeClass;
            CellSize = cellSize;
            CellCount = (uint)((Size - HeaderSize) / cellSize);
            Reciprocal = (uint)((((ulong)1 << 32) + cellSize - 1) / cellSize);
            OldCells = 0;
        }

        /// <summary>Index of the cell containing <paramref name="address"/> (which must lie in the cell area).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public uint CellIndex(nuint address) => (uint)(((ulong)(address - (nuint)FirstCell) * Reciprocal) >> 32);

        public byte* Cell(uint index) => FirstCell + (nuint)index * CellSize;

        /// <summary>The object whose cell contains <paramref name="address"/>, or 0 if that cell holds none.</summary>
        public nuint FindObject(nuint address)
        {
            if (CellSize == 0 || address < (nuint)FirstCell) return 0;
            uint index = CellIndex(address);
            if (index >= CellCount || (AllocationBits[index >> 6] & (1UL << (int)index)) == 0) return 0;
            nuint obj = (nuint)Cell(index) + ObjectHeader.Size;
            return *(nuint*)obj != 0 ? obj : 0;
        }

        /// <summary>
        /// Sets the mark bit of the object at <paramref name="obj"/>; false if it was already set. An object marked
        /// that had survived a collection becomes old now: its card is dirtied, because the objects it refers to
        /// may be young and only the remembered set will reach them once it is old.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool TryMark(nuint obj)
        {
            uint index = CellIndex(obj);
            ref ulong word = ref MarkBits[index >> 6];
            ulong bit = 1UL << (int)index;
            if ((word & bit) != 0) return false;
            word |= bit;
            if ((SurvivorBits[index >> 6] & bit) != 0) Cards[(obj - (nuint)Unsafe.AsPointer(ref this)) >> CardShift] = 1;
            return true;
        }

        /// <summary>
        /// After marking: unmarked objects become free cells; marked ones stay allocated and survive, old if they had
        /// survived before or <paramref name="promoteAll"/> (a major collection, which leaves nothing young). Returns
        /// the number of live cells; adds the dead objects to <paramref name="freed"/>.
        /// </summary>
        public uint Sweep(ref nuint freed, bool promoteAll)
        {
            uint live = 0, old = 0;
            nuint dead = 0;
            int words = (int)((CellCount + 63) >> 6);
            for (int i = 0; i < words; i++)
            {
                ulong marks = MarkBits[i];
                ulong oldMarks = promoteAll ? marks : marks & SurvivorBits[i];
                dead += Bits.Count(AllocationBits[i] & ~marks);
                live += Bits.Count(marks);
                old += Bits.Count(oldMarks);
                AllocationBits[i] = marks;
                SurvivorBits[i] = marks;
                MarkBits[i] = oldMarks;
            }
            freed += dead;
            OldCells = old;
            return live;
        }

        /// <summary>Before a major collection: nothing is old or has survived any more, and every card is clean.</summary>
        public void ClearMarksAndCards()
        {
            for (int i = 0; i < BitmapWords; i++)
            {
                MarkBits[i] = 0;
                SurvivorBits[i] = 0;
            }
            OldCells = 0;
            ClearCards();
        }

        /// <summary>Every card clean: stores into young objects need no remembering once they are traced.</summary>
        public void ClearCards()
        {
            fixed (byte* cards = Cards)
                for (int i = 0; i < CardCount / sizeof(ulong); i++) ((ulong*)cards)[i] = 0;
        }

        /// <summary>Dirties the cards of [<paramref name="start"/>, <paramref name="end"/>): references stored
        /// there without a barrier (bulk copies).</summary>
        public void MarkCards(nuint start, nuint end)
        {
            nuint block = (nuint)Unsafe.AsPointer(ref this);
            for (nuint card = (start - block) >> CardShift; card <= (end - 1 - block) >> CardShift; card++) Cards[card] = 1;
        }

        /// <summary>
        /// The next run of free cells at or after cell <paramref name="from"/>: marks them allocated and returns its
        /// first cell index, with the index after its last cell in <paramref name="end"/>; CellCount if there is none.
        /// </summary>
        public uint TakeFreeRun(uint from, out uint end)
        {
            uint start = NextBit(from, set: false);
            end = start >= CellCount ? CellCount : NextBit(start, set: true);
            SetAllocated(start, end, true);
            return start;
        }

        /// <summary>Sets or clears the allocation bits of cells [start, end).</summary>
        public void SetAllocated(uint start, uint end, bool allocated)
        {
            while (start < end)
            {
                uint word = start >> 6, bit = start & 63;
                uint count = end - start < 64 - bit ? end - start : 64 - bit;
                ulong mask = (count == 64 ? ~0UL : (1UL << (int)count) - 1) << (int)bit;
                if (allocated) AllocationBits[word] |= mask; else AllocationBits[word] &= ~mask;
                start += count;
            }
        }

        /// <summary>Index of the first cell at or after <paramref name="from"/> whose allocation bit equals
        /// <paramref name="set"/>, or CellCount.</summary>
        private uint NextBit(uint from, bool set)
        {
            uint words = (CellCount + 63) >> 6;
            for (uint word = from >> 6; word < words; word++)
            {
                ulong bits = set ? AllocationBits[word] : ~AllocationBits[word];
                if (word == from >> 6) bits &= ~0UL << (int)(from & 63);
                if (bits == 0) continue;
                uint index = word * 64 + Bits.TrailingZeros(bits);
                return index < CellCount ? index : CellCount;
            }
            return CellCount;
        }
    }

    /// <summary>Facts about the word that precedes every object.</summary>
    internal static class ObjectHeader
    {
        public const nuint Size = 8;
    }
}
