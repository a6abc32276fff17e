namespace Dune.Memory
{
    /// <summary>
    /// Chooses addresses for mappings inside one region: first fit among ranges given back, else the next
    /// unused address (a bump pointer that also falls back when the topmost range is freed). Freed ranges are
    /// coalesced with their neighbours so churn (heap chunks, large objects, buffers) reuses the same addresses,
    /// and with them the same guest-physical windows of the KVM mirror, which are never freed. At most
    /// <see cref="Capacity"/> free ranges are remembered; a range that does not fit is simply not reused.
    /// Pure bookkeeping: the caller maps at the address (MAP_FIXED_NOREPLACE) and reports unmaps.
    /// </summary>
    public unsafe struct RegionAllocator
    {
        /// <summary>The most free ranges remembered.</summary>
        public const int Capacity = 64;
        /// <summary>The granularity of addresses and lengths (4 KiB).</summary>
        public const ulong PageSize = 4096;

        private fixed ulong _freeStart[Capacity];
        private fixed ulong _freeEnd[Capacity];
        private int _freeCount;
        private ulong _start, _next, _end;

        /// <summary>An allocator over [<paramref name="start"/>, <paramref name="end"/>), all free.</summary>
        public RegionAllocator(ulong start, ulong end)
        {
            _start = start;
            _next = start;
            _end = end;
            _freeCount = 0;
        }

        /// <summary>The lowest address never handed out (everything from there to the region's end is free).</summary>
        public ulong Next => _next;

        /// <summary>The number of given-back ranges remembered for reuse.</summary>
        public int FreeRanges => _freeCount;

        /// <summary>A page-aligned address with <paramref name="length"/> free bytes after it, or 0 when the region is full.</summary>
        public ulong Take(ulong length)
        {
            if (length == 0 || length > _end - _start) return 0;
            length = Round(length);
            for (int i = 0; i < _freeCount; i++)
            {
                if (_freeEnd[i] - _freeStart[i] < length) continue;
                ulong at = _freeStart[i];
                _freeStart[i] += length;
                if (_freeStart[i] == _freeEnd[i]) RemoveAt(i);
                return at;
            }
            if (length > _end - _next) return 0;
            ulong result = _next;
            _next += length;
            return result;
        }

        /// <summary>Gives back [address, address+length) (part of one or more earlier Takes); outside the region it is ignored.</summary>
        public void Release(ulong address, ulong length)
        {
            if (length == 0) return;
            ulong start = address & ~(PageSize - 1), end = Round(address + length);
            if (start < _start || end > _next || end <= start) return;
            for (int i = 0; i < _freeCount; i++)
            {
                if (_freeEnd[i] == start) { start = _freeStart[i]; RemoveAt(i--); }
                else if (_freeStart[i] == end) { end = _freeEnd[i]; RemoveAt(i--); }
            }
            if (end == _next) { _next = start; return; }
            if (_freeCount == Capacity) return;
            _freeStart[_freeCount] = start;
            _freeEnd[_freeCount] = end;
            _freeCount++;
        }

        private void RemoveAt(int i)
        {
            _freeCount--;
            _freeStart[i] = _freeStart[_freeCount];
            _freeEnd[i] = _freeEnd[_freeCount];
        }

        private static ulong Round(ulong v) => (v + PageSize - 1) & ~(PageSize - 1);
    }
}
