using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Internal.Runtime.Gc
{
    /// <summary>
    /// A 64 KB block of a chunk, carved into equal cells of one size class. The header sits at the start of the
    /// block, so the block holding any address is found by masking. A cell is an object (8-byte header, then the
    /// MethodTable pointer) or free: free cells have a zero MethodTable word and link to the next free cell
    /// through their header word.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct Block
    {
        public const int Shift = 16;
        public const nuint Size = (nuint)1 << Shift;
        /// <summary>Cells start one cache line into the block.</summary>
        public const nuint HeaderSize = 64;

        /// <summary>0 while the block is unused.</summary>
        public uint CellSize;
        public uint SizeClass;
        /// <summary>Cells below this address have been handed out at least once; the rest hold no objects.</summary>
        public byte* CarvedEnd;
        /// <summary>Link in the pool of unused blocks.</summary>
        public Block* NextFree;

        public byte* FirstCell => (byte*)Unsafe.AsPointer(ref this) + HeaderSize;

        /// <summary>End of the last whole cell that fits in the block.</summary>
        public byte* CellsEnd => FirstCell + (Size - HeaderSize) / CellSize * CellSize;

        public static Block* Containing(nuint address) => (Block*)(address & ~(Size - 1));

        /// <summary>The object whose cell contains <paramref name="address"/>, or 0 if that cell is free or never used.</summary>
        public nuint FindObject(nuint address)
        {
            byte* first = FirstCell;
            if (CellSize == 0 || address < (nuint)first || address >= (nuint)CarvedEnd) return 0;
            nuint cell = (nuint)first + (address - (nuint)first) / CellSize * CellSize;
            nuint obj = cell + ObjectHeader.Size;
            return *(nuint*)obj != 0 ? obj : 0;
        }
    }

    /// <summary>Facts about the word that precedes every object.</summary>
    internal static class ObjectHeader
    {
        public const nuint Size = 8;
    }
}
