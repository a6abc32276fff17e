namespace Internal.Runtime.Gc
{
    /// <summary>
    /// Objects above <see cref="SizeClasses.MaxSmallSize"/>: each gets a mapping of its own (header at the
    /// mapping's start), unmapped by the sweep that finds it dead. Mappings are kept sorted by address so that
    /// any interior address finds its object by binary search.
    /// </summary>
    internal static unsafe class LargeObjectSpace
    {
        /// <summary>Mapping starts, ascending; <see cref="s_sizes"/> holds the matching mapping sizes.</summary>
        private static WordList s_starts;
        private static WordList s_sizes;

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
            MappedBytes += mappingSize;
            return start;
        }

        /// <summary>The large object whose mapping contains <paramref name="address"/>, or 0.</summary>
        public static nuint FindObject(nuint address)
        {
            nuint index = UpperBound(address);
            if (index == 0) return 0;
            nuint start = s_starts.Items[index - 1];
            if (address >= start + s_sizes.Items[index - 1]) return 0;
            return start + ObjectHeader.Size;
        }

        /// <summary>Unmaps every unmarked object and clears the marks of the others.</summary>
        public static void Sweep(ref SweepResult result)
        {
            nuint kept = 0;
            for (nuint i = 0; i < s_starts.Count; i++)
            {
                nuint start = s_starts.Items[i], size = s_sizes.Items[i];
                nuint* mtSlot = (nuint*)(start + ObjectHeader.Size);
                if ((*mtSlot & Marker.MarkBit) != 0)
                {
                    *mtSlot &= ~Marker.MarkBit;
                    result.LiveBytes += size;
                    s_starts.Items[kept] = start;
                    s_sizes.Items[kept] = size;
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
