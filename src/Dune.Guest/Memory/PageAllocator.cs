namespace Dune.Memory
{
    /// <summary>
    /// Hands out 4 KiB guest-physical pages from one pool whose physical addresses are contiguous (page i at
    /// <c>Gpa + i * 4096</c>, visible at <c>Base + i * 4096</c>), with a reference count per page so frames
    /// can be shared between address spaces (copy-on-write) and freed when the last user lets go.
    /// Bookkeeping lives in caller-provided memory; nothing allocates managed memory.
    /// </summary>
    public unsafe struct PageAllocator
    {
        /// <summary>The most references one page can have.</summary>
        public const ushort MaxReferences = 0xFFFF;

        private readonly byte* _base;
        private readonly ulong _gpa;
        private readonly int _capacity;
        private readonly ushort* _references;
        private readonly int* _freeStack;
        private int _freeCount;

        /// <summary>Bytes of bookkeeping a pool of <paramref name="pages"/> needs (a count and a free-stack slot per page).</summary>
        public static ulong BookkeepingBytes(int pages) => (ulong)pages * (sizeof(ushort) + sizeof(int));

        /// <summary>All pages start free; hands out the lowest addresses first.</summary>
        public PageAllocator(byte* bookkeeping, byte* pages, ulong gpa, int capacity)
        {
            _base = pages;
            _gpa = gpa;
            _capacity = capacity;
            _references = (ushort*)bookkeeping;
            _freeStack = (int*)(bookkeeping + (ulong)capacity * sizeof(ushort));
            for (int i = 0; i < capacity; i++)
            {
                _references[i] = 0;
                _freeStack[i] = capacity - 1 - i;
            }
            _freeCount = capacity;
        }

        /// <summary>Where the pool's first page is visible.</summary>
        public byte* Base => _base;
        /// <summary>The guest-physical address of the pool's first page.</summary>
        public ulong Gpa => _gpa;
        /// <summary>The number of pages in the pool.</summary>
        public int Capacity => _capacity;
        /// <summary>The number of pages not allocated.</summary>
        public int FreePages => _freeCount;

        /// <summary>Whether <paramref name="gpa"/> lies in the pool.</summary>
        public bool Contains(ulong gpa) => gpa - _gpa < (ulong)_capacity * Pte.PageSize;

        /// <summary>Where the pool page holding <paramref name="gpa"/> is visible, or null outside the pool.</summary>
        public byte* Pointer(ulong gpa) => Contains(gpa) ? _base + (gpa - _gpa) : null;

        /// <summary>Takes a free page with one reference; zero-filled when <paramref name="zero"/>. False when the pool is empty.</summary>
        public bool Allocate(out ulong gpa, bool zero = true)
        {
            gpa = 0;
            if (_freeCount == 0) return false;
            int index = _freeStack[--_freeCount];
            _references[index] = 1;
            gpa = _gpa + (ulong)index * Pte.PageSize;
            if (zero)
            {
                ulong* p = (ulong*)(_base + (ulong)index * Pte.PageSize);
                for (int i = 0; i < 512; i++) p[i] = 0;
            }
            return true;
        }

        /// <summary>References to the page at <paramref name="gpa"/>; 0 when free or outside the pool.</summary>
        public int References(ulong gpa) => Contains(gpa) ? _references[Index(gpa)] : 0;

        /// <summary>One more user of an allocated page; false if it is free, foreign, or at <see cref="MaxReferences"/>.</summary>
        public bool AddReference(ulong gpa)
        {
            if (!Contains(gpa)) return false;
            ushort* r = _references + Index(gpa);
            if (*r == 0 || *r == MaxReferences) return false;
            (*r)++;
            return true;
        }

        /// <summary>Drops one reference; the page returns to the pool at zero. True when this freed it.</summary>
        public bool Release(ulong gpa)
        {
            if (!Contains(gpa)) return false;
            int index = Index(gpa);
            if (_references[index] == 0 || --_references[index] != 0) return false;
            _freeStack[_freeCount++] = index;
            return true;
        }

        private int Index(ulong gpa) => (int)((gpa - _gpa) >> Pte.PageShift);
    }
}
