namespace Dune.Memory
{
    /// <summary>
    /// Builds and walks 4-level page tables held in one contiguous pool of 4 KiB pages whose guest-physical
    /// addresses are contiguous too (pool page i is at <c>PoolGpa + i * 4096</c>), so a table's physical
    /// address converts to a pointer without any other lookup. Never allocates managed memory.
    /// </summary>
    public unsafe struct PageTables
    {
        private readonly byte* _pool;
        private readonly ulong _poolGpa;
        private readonly int _capacity;
        private int _used;

        /// <summary>Uses the first pool page as the PML4; the pool must be zeroed.</summary>
        public PageTables(byte* pool, ulong poolGpa, int capacityPages)
        {
            _pool = pool;
            _poolGpa = poolGpa;
            _capacity = capacityPages;
            _used = 1;
        }

        /// <summary>The value for CR3.</summary>
        public ulong Root => _poolGpa;

        /// <summary>The number of table pages taken from the pool, the root included.</summary>
        public int PagesUsed => _used;

        /// <summary>
        /// Maps [virt, virt + length) to physical pages from <paramref name="phys"/> on, with 4 KiB pages (length
        /// rounded up to whole pages). The upper levels are walked once per 2 MiB, then the leaf entries are
        /// filled in a row: mirroring a whole address space costs about one store per page. False when the pool
        /// is exhausted (the pages before that stay mapped).
        /// </summary>
        public bool Map(ulong virt, ulong phys, ulong length, ulong leafFlags)
        {
            ulong pages = (length + Pte.PageSize - 1) >> Pte.PageShift;
            while (pages > 0)
            {
                ulong* leaf = LeafTable(virt);
                if (leaf == null) return false;
                int first = Pte.Index(virt, 1);
                int count = 512 - first;
                if ((ulong)count > pages) count = (int)pages;
                for (int i = 0; i < count; i++, phys += Pte.PageSize) leaf[first + i] = Pte.Make(phys, leafFlags);
                virt += (ulong)count * Pte.PageSize;
                pages -= (ulong)count;
            }
            return true;
        }

        /// <summary>The last-level table covering <paramref name="virt"/>, creating missing levels; null when the pool is exhausted.</summary>
        private ulong* LeafTable(ulong virt)
        {
            ulong* table = TableAt(_poolGpa);
            for (int level = 4; level > 1; level--)
            {
                ulong* entry = table + Pte.Index(virt, level);
                if (!Pte.IsPresent(*entry))
                {
                    if (_used == _capacity) return null;
                    ulong gpa = _poolGpa + (ulong)_used++ * Pte.PageSize;
                    *entry = Pte.Make(gpa, Pte.TableFlags);
                }
                table = TableAt(Pte.Address(*entry));
            }
            return table;
        }

        /// <summary>Clears the leaf entry of <paramref name="virt"/> if there is one (tables are kept).</summary>
        public void Unmap(ulong virt)
        {
            ulong* leaf = Leaf(virt);
            if (leaf != null) *leaf = 0;
        }

        /// <summary>
        /// Clears every leaf entry in [start, end). Skips whole subtrees that are not present, so clearing the
        /// entire address space costs only as much as what is mapped.
        /// </summary>
        public void UnmapRange(ulong start, ulong end)
        {
            ulong va = start & ~(Pte.PageSize - 1);
            while (va < end)
            {
                ulong* table = TableAt(_poolGpa);
                int level = 4;
                for (; level > 1; level--)
                {
                    ulong entry = table[Pte.Index(va, level)];
                    if (!Pte.IsPresent(entry)) break;
                    table = TableAt(Pte.Address(entry));
                }
                if (level == 1) table[Pte.Index(va, 1)] = 0;
                ulong span = 1UL << (Pte.PageShift + 9 * (level - 1));
                ulong next = (va & ~(span - 1)) + span;
                if (next <= va) return; // wrapped past the top of the address space
                va = next;
            }
        }

        /// <summary>The leaf entry for <paramref name="virt"/>, or 0 when a level is not present.</summary>
        public ulong Lookup(ulong virt)
        {
            ulong* leaf = Leaf(virt);
            return leaf == null ? 0 : *leaf;
        }

        private ulong* Leaf(ulong virt)
        {
            ulong* table = TableAt(_poolGpa);
            for (int level = 4; level > 1; level--)
            {
                ulong entry = table[Pte.Index(virt, level)];
                if (!Pte.IsPresent(entry)) return null;
                table = TableAt(Pte.Address(entry));
            }
            return table + Pte.Index(virt, 1);
        }

        private ulong* TableAt(ulong gpa) => (ulong*)(_pool + (gpa - _poolGpa));
    }
}
