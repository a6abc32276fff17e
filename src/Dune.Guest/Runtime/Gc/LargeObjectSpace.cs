namespace Internal.Runtime.Gc
{
    /// <summary>
    /// Objects above <see cref="SizeClasses.MaxSmallSize"/>: each gets a mapping of its own (header at the
    /// mapping's start). The sweep that finds one dead keeps its mapping for reuse if it is small and the cache
    /// has room (growing collections free and allocate arrays of the same sizes over and over; every mapping
    /// costs system calls, hypercalls in Dune mode, and page faults), and unmaps it otherwise. Mappings are kept
    /// sorted by address so that any interior address finds its object by binary search. Mark flags live beside
    /// the mappings (an object's own words belong to the program): like small objects' mark bits they stay set
    /// after a sweep, meaning "old".
    /// </summary>
    internal static unsafe class LargeObjectSpace
    {
        /// <summary>Mapping starts, ascending; <see cref="s_sizes"/> and <see cref="s_marks"/> hold the matching
        /// mapping sizes and mark flags.</summary>
        private static WordList s_starts;
        private static WordList s_sizes;
        private static WordList s_marks;
        /// <summary>Dead objects' mappings kept for reuse: starts and sizes.</summary>
        private static WordList s_cachedStarts;
        private static WordList s_cachedSizes;
        private static nuint s_cachedBytes;

        /// <summary>Largest mapping the cache keeps, and the most it holds.</summary>
        private const nuint MaxCachedMapping = 1 << 20;
        private const nuint CacheCapacity = 2 << 20;

        public static nuint MappedBytes { get; private set; }
        public static nuint LowestAddress => s_starts.Count == 0 ? ~(nuint)0 : s_starts.Items[0];
        public static nuint HighestAddress => s_starts.Count == 0 ? 0 : s_starts.Items[s_starts.Count - 1] + s_sizes.Items[s_starts.Count - 1];

        /// <summary>Page-rounded size of the mapping an object of <paramref name="size"/> bytes takes.</summary>
        public static nuint MappingSize(nuint size) => HostMemory.RoundToPages(size);

        /// <summary>A zeroed mapping for an object of <paramref name="size"/> bytes (header included); null if the host refuses.</summary>
        public static byte* Allocate(nuint size)
        {
            nuint mappingSize = MappingSize(size);
            byte* start = TakeCached(ref mappingSize, size);
            if (start == null)
            {
                start = (byte*)HostMemory.Map(mappingSize);
                if (start == null) return null;
                MappedBytes += mappingSize;
            }
            nuint index = UpperBound((nuint)start);
            s_starts.Insert(index, (nuint)start);
            s_sizes.Insert(index, mappingSize);
            s_marks.Insert(index, 0);
            return start;
        }

        /// <summary>A cached mapping of at least <paramref name="mappingSize"/> bytes and at most a quarter more
        /// (the smallest such), zeroed for <paramref name="size"/> bytes; null if there is none.</summary>
        private static byte* TakeCached(ref nuint mappingSize, nuint size)
        {
            nuint best = 0;
            for (nuint i = 0; i < s_cachedSizes.Count; i++)
            {
                nuint cached = s_cachedSizes.Items[i];
                if (cached >= mappingSize && cached <= mappingSize + mappingSize / 4 && (best == 0 || cached < s_cachedSizes.Items[best - 1])) best = i + 1;
            }
            if (best-- == 0) return null;
            byte* start = (byte*)s_cachedStarts.Items[best];
            mappingSize = s_cachedSizes.Items[best];
            s_cachedBytes -= mappingSize;
            s_cachedStarts.RemoveAt(best);
            s_cachedSizes.RemoveAt(best);
            Memory.Zero(start, size);
            return start;
        }

        /// <summary>The host is short of memory: every cached mapping goes back to it.</summary>
        public static void DropCache()
        {
            for (nuint i = 0; i < s_cachedStarts.Count; i++)
            {
                HostMemory.Unmap((void*)s_cachedStarts.Items[i], s_cachedSizes.Items[i]);
                MappedBytes -= s_cachedSizes.Items[i];
            }
            s_cachedStarts.Count = 0;
            s_cachedSizes.Count = 0;
            s_cachedBytes = 0;
        }

        /// <summary>A dead object's mapping: into the cache if it fits there, else back to the host.</summary>
        private static void Release(nuint start, nuint size)
        {
            if (size <= MaxCachedMapping && s_cachedBytes + size <= CacheCapacity)
            {
                s_cachedStarts.Add(start);
                s_cachedSizes.Add(size);
                s_cachedBytes += size;
                return;
            }
            HostMemory.Unmap((void*)start, size);
            MappedBytes -= size;
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
                Release(start, size);
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
