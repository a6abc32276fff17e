using System.Runtime.CompilerServices;

namespace Internal.Runtime.Gc
{
    /// <summary>
    /// The mark phase. Small objects are marked in their block's mark bitmap, large ones in a flag beside their
    /// mapping; an object already marked is not traced again (in a minor collection that is every old object).
    /// Newly marked objects are pushed on an explicit mark stack; those with references are scanned precisely from
    /// the GCDesc that ilc emits in front of their MethodTable.
    /// </summary>
    internal static unsafe class Marker
    {
        private static WordList s_stack;
        /// <summary>Objects between the prefetch of one and its scan (a power of two).</summary>
        private const int PrefetchDistance = 8;

        [MethodImpl(MethodImplOptions.InternalCall), System.Runtime.RuntimeImport("*", "DuneGcPrefetch")]
        private static extern void Prefetch(void* address);
        private static nuint s_heapLow, s_heapSpan;

        /// <summary>Records the address range the heap spans, for quick rejection of non-heap words.</summary>
        public static void Begin()
        {
            nuint small = SmallObjectSpace.LowestAddress, large = LargeObjectSpace.LowestAddress;
            s_heapLow = small < large ? small : large;
            small = SmallObjectSpace.HighestAddress;
            large = LargeObjectSpace.HighestAddress;
            nuint high = small > large ? small : large;
            s_heapSpan = high > s_heapLow ? high - s_heapLow : 0;
        }

        /// <summary>A word that may or may not be a reference (stacks, registers, raw root ranges):
        /// marks the object it points at or into, if any.</summary>
        public static void MarkConservative(nuint word)
        {
            if (word - s_heapLow >= s_heapSpan) return;
            nuint obj = SmallObjectSpace.FindObject(word);
            if (obj != 0)
            {
                if (Block.Containing(obj)->TryMark(obj)) Push(obj);
                return;
            }
            obj = LargeObjectSpace.TryMark(word);
            if (obj != 0) Push(obj);
        }

        public static void MarkRange(nuint* start, nuint* end)
        {
            for (nuint* p = start; p < end; p++) MarkConservative(*p);
        }

        /// <summary>
        /// A reference field: null, a heap object or an object outside the heap (frozen, on a stack). A field that
        /// points into a small-object chunk points at the start of an allocated object: objects hold references
        /// only to objects that were reachable when stored, and a sweep frees a target only with its referrers.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void MarkReference(nuint reference)
        {
            if (reference - s_heapLow >= s_heapSpan) return;
            if (ChunkMap.Contains(reference))
            {
                if (Block.Containing(reference)->TryMark(reference)) Push(reference);
                return;
            }
            nuint obj = LargeObjectSpace.TryMark(reference);
            if (obj != 0) Push(obj);
        }

        /// <summary>A newly marked object waits on the stack untouched: reading its MethodTable now would stall on a
        /// cache miss per object.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static void Push(nuint obj) => s_stack.Add(obj);

        /// <summary>
        /// Scans marked objects until nothing reachable is left unmarked. Each object popped is prefetched and
        /// scanned only <see cref="PrefetchDistance"/> pops later, so its cache miss overlaps the scanning of the
        /// objects before it.
        /// </summary>
        public static void Drain()
        {
            nuint* window = stackalloc nuint[PrefetchDistance];
            int head = 0, waiting = 0;
            while (true)
            {
                nuint obj;
                if (s_stack.Count > 0)
                {
                    nuint next = s_stack.Pop();
                    Prefetch((void*)next);
                    if (waiting < PrefetchDistance)
                    {
                        window[(head + waiting++) & (PrefetchDistance - 1)] = next;
                        continue;
                    }
                    obj = window[head];
                    window[head] = next;
                }
                else if (waiting > 0)
                {
                    obj = window[head];
                    waiting--;
                }
                else return;
                head = (head + 1) & (PrefetchDistance - 1);
                MethodTable* mt = *(MethodTable**)obj;
                if (mt->ContainsGCPointers) ScanFields(obj, mt);
            }
        }

        /// <summary>
        /// Visits the references of an object as its GCDesc describes them. The GCDesc grows down from the
        /// MethodTable: the word just before it holds the series count N. N &gt; 0: N (size, offset) pairs below it,
        /// each a run of references at offset whose byte length is size plus the object's size. N &lt; 0 (arrays of
        /// structs): one offset, then -N (pointer count, skip bytes) pairs of 32-bit halves repeated per element.
        /// </summary>
        public static void ScanFields(nuint obj, MethodTable* mt)
        {
            nuint size = mt->BaseSize;
            if (mt->HasComponentSize) size += (nuint)(*(uint*)(obj + 8)) * mt->ComponentSize;
            nint* desc = (nint*)mt - 1;
            nint seriesCount = *desc;
            if (seriesCount > 0)
            {
                nint* series = desc - 2;
                for (nint i = 0; i < seriesCount; i++, series -= 2)
                {
                    nuint* p = (nuint*)(obj + (nuint)series[1]);
                    nuint* stop = (nuint*)((byte*)p + (nuint)(series[0] + (nint)size));
                    for (; p < stop; p++) MarkReference(*p);
                }
                return;
            }
            byte* cursor = (byte*)(obj + (nuint)desc[-1]);
            byte* end = (byte*)(obj + size - ObjectHeader.Size);
            uint* items = (uint*)(desc - 2);
            while (cursor < end)
            {
                for (nint i = 0; i > seriesCount; i--)
                {
                    uint pointers = items[2 * i], skip = items[2 * i + 1];
                    for (uint k = 0; k < pointers; k++, cursor += sizeof(nuint)) MarkReference(*(nuint*)cursor);
                    cursor += skip;
                }
            }
        }
    }
}
