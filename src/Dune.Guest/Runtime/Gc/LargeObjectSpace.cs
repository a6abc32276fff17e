namespace Internal.Runtime.Gc
{
    /// <summary>
    /// Objects above <see cref="SizeClasses.MaxSmallSize"/>: each gets a mapping of its own (header at the
    /// mapping's start), unmapped by the sweep that finds it dead. Mappings are kept sorted by address so that
    /// any interior address finds its object by binary search. Mark flags live beside the mappings (an object's
    /// own words belong to the program): like small objects' mark bits they stay set after a sweep, meaning "old".
    /// </summary>
    internal static unsafe class LargeObjectSpace
    {
        /// <summary>Mapping starts, ascending; <see cref="s_sizes"/> and <see cref="s_marks"/> hold the matching
        /// mapping sizes and mark flags.</summary>
        private static WordList s_starts;
        private static WordList s_sizes;
        private static WordList s_marks;

        public static nuint MappedBytes { get; private set; }
        public static nuint LowestAddress => s_starts.Count == 0 ? ~(nuint)0 : s_starts.Items[0];
        public static nuint HighestAddress => s_starts.Count == 0 ? 0 : s_starts.Items[s_starts.Count - 1] + s_sizes.Items[s_starts.Count - 1];

        /// <summary>Page-rounded size of the mapping an object of <paramref name="size"/> bytes takes.</summary>
        public static nuint MappingSize(nuint size) => HostMemory.RoundToPages(size);

        /// <summary>A zeroed mapping for an object of <paramref name="size"/> bytes (header included); null if the host refuses.</summary>
        public static byte* Allocate(nuint size)
        {
            nuint mappingSize = MappingSize(size);
            byte* start = (byte*)HostMemory.Map(mappingSize);
            if (start == null) return null;
            nuint index = UpperBound((nuint)start);
            s_starts.Insert(index, (nuint)start);
            s_sizes.Insert(index, mappingSize);
            s_marks.Insert(index, 0);
            MappedBytes += mappingSize;
            return start;
        }

        /// <summary>The large object whose mapping contains <paramref name="address"/>, or 0.</summary>
        public static nuint FindObject(nuint address)
        {
            nuint index = IndexOf(address);
            return index == 0 ? 0 : s_starts.Items[index - 1] + ObjectHeader.Size;
        }

        /// <summary>Marks the large object containing <paramref name="address"/>; returns it, or 0 if there is
        /// none or it was marked already.</summary>
        public static nuint TryMark(nuint address)
        {
            nuint index = IndexOf(address);
            if (index == 0 || s_marks.Items[index - 1] != 0) return 0;
            s_marks.Items[index - 1] = 1;
            return s_starts.Items[index - 1] + ObjectHeader.Size;
        }

        /// <summary>Before a major collection: nothing is old any more.</summary>
        public static void ClearMarks()
        {
            for (nuint i = 0; i < s_marks.Count; i++) s_marks.Items[i] = 0;
        }

        /// <summary>A minor collection's remembered set here: the references of every old large object.</summary>
        public static void ScanOld()
        {
            for (nuint i = 0; i < s_starts.Count; i++)
            {
                if (s_marks.Items[i] == 0) continue;
                nuint obj = s_starts.Items[i] + ObjectHeader.Size;
                var mt = *(MethodTable**)obj;
                if (mt->ContainsGCPointers) Marker.ScanFields(obj, mt);
            }
        }

        /// <summary>Unmaps every unmarked object; marked ones stay marked (old).</summary>
        public static void Sweep(ref SweepResult result)
        {
            nuint kept = 0;
            for (nuint i = 0; i < s_starts.Count; i++)
            {
                nuint start = s_starts.Items[i], size = s_sizes.Items[i];
                if (s_marks.Items[i] != 0)
                {
                    result.LiveBytes += size;
                    s_starts.Items[kept] = start;
                    s_sizes.Items[kept] = size;
                    s_marks.Items[kept] = 1;
                    kept++;
                    continue;
                }
                HostMemory.Unmap((void*)start, size);
                MappedBytes -= size;
                result.FreedObjects++;
                result.FreedBytes += size;
            }
            s_starts.Count = kept;
            s_sizes.Count = kept;
            s_marks.Count = kept;
        }

        /// <summary>1 + the index of the mapping containing <paramref name="address"/>, or 0.</summary>
        private static nuint IndexOf(nuint address)
        {
            nuint index = UpperBound(address);
            if (index == 0 || address >= s_starts.Items[index - 1] + s_sizes.Items[index - 1]) return 0;
            return index;
        }

        /// <summary>Index of the first mapping that starts above <paramref name="address"/>.</summary>
        private static nuint UpperBound(nuint address)
        {
            nuint lo = 0, hi = s_starts.Count;
            while (lo < hi)
            {
                nuint mid = (lo + hi) / 2;
                if (s_starts.Items[mid] <= address) lo = mid + 1; else hi = mid;
            }
            return lo;
        }
    }
}
