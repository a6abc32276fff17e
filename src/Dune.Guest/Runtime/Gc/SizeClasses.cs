namespace Internal.Runtime.Gc
{
    /// <summary>
    /// Cell sizes for small objects: 8-byte steps up to 64 bytes, then four steps per doubling (at most 25 %
    /// internal waste) up to <see cref="MaxSmallSize"/>. Larger objects get mappings of their own.
    /// </summary>
    internal static unsafe class SizeClasses
    {
        public const nuint MaxSmallSize = 8192;
        public const nuint MinObjectSize = 24;
        public const int MaxClasses = 48;

        /// <summary>Cell size of each class.</summary>
        public static uint* CellSizes;
        /// <summary>Class of each size, indexed by the size in 8-byte words, rounded up.</summary>
        private static byte* s_classOfSize;
        public static int Count;

        public static void Initialize(byte* memory)
        {
            CellSizes = (uint*)memory;
            s_classOfSize = memory + MaxClasses * sizeof(uint);
            uint size = (uint)MinObjectSize;
            while (size <= MaxSmallSize)
            {
                CellSizes[Count++] = size;
                size = size < 64 ? size + 8 : size + HighestPowerOfTwoBelow(size) / 4;
            }
            int cls = 0;
            for (uint slot = 0; slot <= MaxSmallSize / 8; slot++)
            {
                while (CellSizes[cls] < slot * 8) cls++;
                s_classOfSize[slot] = (byte)cls;
            }
        }

        /// <summary>Bytes <see cref="Initialize"/> needs.</summary>
        public static nuint TableBytes => MaxClasses * sizeof(uint) + MaxSmallSize / 8 + 1;

        public static int ClassOf(nuint size) => s_classOfSize[(size + 7) >> 3];

        /// <summary>The index, in a thread's runs, of a run that never has room (empty, with the largest cell size).</summary>
        public const int NoRoomRun = MaxClasses;

        /// <summary>Entries of the allocation fast paths' table (Intrinsics/threads.S): one per size in 8-byte words.</summary>
        public const nuint RunOffsetCount = MaxSmallSize / 8 + 1;

        /// <summary>
        /// Fills the allocation fast paths' table: per size in 8-byte words (rounded up) up to <see cref="MaxSmallSize"/>,
        /// the byte offset of its class's run in a thread's runs, or, with <paramref name="slowPathOnly"/>, that of
        /// <see cref="NoRoomRun"/>.
        /// </summary>
        public static void FillRunOffsets(ushort* runOffsets, bool slowPathOnly)
        {
            for (nuint words = 0; words < RunOffsetCount; words++)
                runOffsets[words] = (ushort)((slowPathOnly ? NoRoomRun : ClassOf(words * 8)) * sizeof(AllocationRun));
        }

        private static uint HighestPowerOfTwoBelow(uint value)
        {
            uint p = 1;
            while (p * 2 <= value) p *= 2;
            return p;
        }
    }
}
