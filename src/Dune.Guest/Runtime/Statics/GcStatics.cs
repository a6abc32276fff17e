using Internal.Runtime.Gc;

namespace Internal.Runtime.Statics
{
    /// <summary>
    /// The GC static bases of every type (region 201 of ilc's module header). ilc 10 emits the region as 32-bit
    /// relative pointers to 8-byte cells. Until start-up a cell holds a 32-bit relative pointer to the MethodTable
    /// of the statics object, with bit 0 set (not allocated yet) and bit 1 set when the next 32 bits are a relative
    /// pointer to preinitialized field data. Start-up allocates each object, copies the data in, and stores the
    /// object's address over the whole cell; from then on generated code reads the fields through it, and the
    /// collector treats every cell as a root.
    /// </summary>
    internal static unsafe class GcStatics
    {
        private const int Uninitialized = 1;
        private const int HasPreinitializedData = 2;
        private const int FlagMask = Uninitialized | HasPreinitializedData;

        public static void Initialize()
        {
            if (!Modules.TryGetSection(ModuleSection.GCStaticRegion, out byte* start, out byte* end)) return;
            for (int* entry = (int*)start; entry < (int*)end; entry++)
            {
                nuint* cell = CellOf(entry);
                int encoded = *(int*)cell;
                if ((encoded & Uninitialized) == 0) continue;
                var mt = (MethodTable*)(((nint)cell + encoded) & ~(nint)FlagMask);
                byte* obj = (byte*)GcHeap.Allocate(mt->BaseSize, mt, 0);
                if ((encoded & HasPreinitializedData) != 0)
                {
                    int* dataPointer = (int*)cell + 1;
                    byte* data = (byte*)dataPointer + *dataPointer;
                    Memory.Move(obj + sizeof(nuint), data, mt->BaseSize - 2 * (nuint)sizeof(nuint));
                }
                *cell = (nuint)obj;
            }
        }

        /// <summary>Marks the statics object of every allocated cell.</summary>
        public static void MarkRoots()
        {
            if (!Modules.TryGetSection(ModuleSection.GCStaticRegion, out byte* start, out byte* end)) return;
            for (int* entry = (int*)start; entry < (int*)end; entry++)
            {
                nuint value = *CellOf(entry);
                if ((value & Uninitialized) == 0) Marker.MarkReference(value);
            }
        }

        private static nuint* CellOf(int* entry) => (nuint*)((byte*)entry + *entry);
    }
}
