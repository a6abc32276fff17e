namespace Dune.Memory
{
    /// <summary>
    /// One 4-level page-table tree, named by its root's guest-physical address (the CR3 value). Tables this
    /// space allocates come from a <see cref="PageAllocator"/> and are private to it; tables it does not own
    /// (the runtime's, reached through a root copied by <see cref="TryCreateSharing"/>) are shared and copied
    /// before the first change under them, so changing a new space never changes the runtime's mappings.
    /// A space attached to a root it does not own (the runtime's own, <see cref="Attach"/>) is changed in
    /// place and never grows new tables there: the backend's mirror walks those tables itself.
    /// None of this touches the TLB: after changing the current space, invalidate (<c>Tlb</c>).
    /// </summary>
    public unsafe struct AddressSpace
    {
        /// <summary>Canonical 48-bit addresses: below the first, or from the second up.</summary>
        private const ulong LowerHalfEnd = 1UL << 47, UpperHalfStart = 0xFFFF_8000_0000_0000UL;

        private ulong _root;
        private readonly PhysicalMemory* _physical;
        private readonly PageAllocator* _pages;

        private AddressSpace(ulong root, PhysicalMemory* physical, PageAllocator* pages)
        {
            _root = root;
            _physical = physical;
            _pages = pages;
        }

        /// <summary>The root table's physical address: the value for CR3 (without PCID bits).</summary>
        public ulong Root => _root;

        /// <summary>Whether the root came from this space's allocator (then shared tables are copied before changes).</summary>
        public bool OwnsRoot => _pages->Contains(_root);

        /// <summary>A space over an existing root, e.g. the runtime's CR3. <paramref name="physical"/> may be null if every table is in the pool.</summary>
        public static AddressSpace Attach(ulong root, PhysicalMemory* physical, PageAllocator* pages) => new AddressSpace(root, physical, pages);

        /// <summary>A space with nothing mapped.</summary>
        public static bool TryCreate(PhysicalMemory* physical, PageAllocator* pages, out AddressSpace space)
        {
            space = default;
            if (!pages->Allocate(out ulong root)) return false;
            space = new AddressSpace(root, physical, pages);
            return true;
        }

        /// <summary>
        /// A space that starts with every mapping of <paramref name="sharedRoot"/> (its 512 top-level entries are
        /// copied, so the tables below are shared until this space changes something under them).
        /// </summary>
        public static bool TryCreateSharing(ulong sharedRoot, PhysicalMemory* physical, PageAllocator* pages, out AddressSpace space)
        {
            if (!TryCreate(physical, pages, out space)) return false;
            ulong* from = space.Table(sharedRoot), to = space.Table(space._root);
            if (from == null) { pages->Release(space._root); space = default; return false; }
            for (int i = 0; i < 512; i++) to[i] = from[i];
            return true;
        }

        /// <summary>
        /// A copy of this space: private tables are copied, shared tables stay shared, and leaves are copied as
        /// they are, so both spaces map the same frames (see <c>CopyOnWrite</c> to make that safe to write).
        /// </summary>
        public bool TryClone(out AddressSpace copy)
        {
            copy = default;
            if (!CopyTable(_root, 4, out ulong root)) return false;
            copy = new AddressSpace(root, _physical, _pages);
            return true;
        }

        /// <summary>Returns every private table to the allocator (mapped frames are the caller's).</summary>
        public void Destroy()
        {
            if (OwnsRoot) FreeTable(_root, 4);
            _root = 0;
        }

        /// <summary>
        /// Maps [va, va+length) to [physical, physical+length) with pages of <paramref name="size"/>; all three must
        /// be multiples of the page size. Replaces what was there (private tables under a replaced entry are
        /// freed). False on misalignment or when tables cannot be allocated (what was mapped so far stays).
        /// </summary>
        public bool Map(ulong va, ulong physical, ulong length, Permissions permissions, CacheMode cache = CacheMode.WriteBack,
            PageSize size = PageSize.Size4K)
        {
            ulong bytes = PageFlags.Bytes(size);
            if (((va | physical | length) & (bytes - 1)) != 0) return false;
            for (ulong offset = 0; offset < length; offset += bytes)
            {
                ulong* slot = Slot(va + offset, (int)size);
                if (slot == null) return false;
                ulong old = *slot;
                *slot = PageFlags.Leaf(physical + offset, permissions, cache, size);
                if (size != PageSize.Size4K && IsTable(old, (int)size)) FreeTable(Pte.Address(old), (int)size - 1);
            }
            return true;
        }

        /// <summary>Clears every leaf in the range, splitting large pages it covers only partly.</summary>
        public bool Unmap(ulong va, ulong length)
        {
            var v = new UnmapVisitor();
            return Modify(va, length, ref v);
        }

        /// <summary>Sets the permissions of every leaf in the range (frames, memory type and A/D bits stay).</summary>
        public bool Protect(ulong va, ulong length, Permissions permissions)
        {
            var v = new ProtectVisitor { Permissions = permissions };
            return Modify(va, length, ref v);
        }

        /// <summary>
        /// Clears the Accessed and/or Dirty bits in the range; counts the pages that had them. Invalidate the
        /// TLB afterwards, or the CPU may not set them again for pages it has cached.
        /// </summary>
        public bool ClearAccessedDirty(ulong va, ulong length, bool accessed, bool dirty, out int hadAccessed, out int hadDirty)
        {
            var v = new ClearVisitor { Mask = (accessed ? Pte.Accessed : 0) | (dirty ? Pte.Dirty : 0) };
            bool ok = Modify(va, length, ref v);
            hadAccessed = v.Accessed;
            hadDirty = v.Dirty;
            return ok;
        }

        /// <summary>The leaf entry mapping <paramref name="va"/> (non-zero, possibly not present), or false.</summary>
        public bool Lookup(ulong va, out ulong entry, out PageSize size)
        {
            ulong* leaf = LeafPointer(va, out size);
            entry = leaf == null ? 0 : *leaf;
            return leaf != null;
        }

        /// <summary>The physical address <paramref name="va"/> maps to, if present.</summary>
        public bool Translate(ulong va, out ulong physical)
        {
            physical = 0;
            if (!Lookup(va, out ulong entry, out PageSize size) || !Pte.IsPresent(entry)) return false;
            physical = PageFlags.Frame(entry, size) | (va & (PageFlags.Bytes(size) - 1));
            return true;
        }

        /// <summary>
        /// Where the leaf of <paramref name="va"/> lives, for reading A/D bits in place; null if unmapped. Writing
        /// through it changes a shared table when the space does not own it: use <see cref="Modify{TVisitor}"/>.
        /// </summary>
        public ulong* LeafPointer(ulong va, out PageSize size)
        {
            ulong* e = Find(va, false, out int level, out _);
            size = (PageSize)level;
            return e != null && IsLeaf(*e, level) ? e : null;
        }

        /// <summary>Visits every leaf in the range in address order without changing tables (no copying, no splitting).</summary>
        public void Walk<TVisitor>(ulong va, ulong length, ref TVisitor visitor) where TVisitor : struct, IPageVisitor =>
            Range(va, length, false, ref visitor);

        /// <summary>
        /// Visits every leaf in the range so the visitor may change it: shared tables on the way are made
        /// private first, and large pages the range covers only partly are split. False if a table could not
        /// be allocated.
        /// </summary>
        public bool Modify<TVisitor>(ulong va, ulong length, ref TVisitor visitor) where TVisitor : struct, IPageVisitor =>
            Range(va, length, true, ref visitor);

        private bool Range<TVisitor>(ulong va, ulong length, bool modify, ref TVisitor visitor) where TVisitor : struct, IPageVisitor
        {
            ulong end = va + length;
            if (end < va) end = ulong.MaxValue;
            va &= ~(Pte.PageSize - 1);
            while (va < end)
            {
                if (va - LowerHalfEnd < UpperHalfStart - LowerHalfEnd)
                {
                    va = UpperHalfStart; // the non-canonical hole maps nothing
                    continue;
                }
                ulong* e = Find(va, modify, out int level, out bool failed);
                if (failed) return false;
                if (level == 1)
                {
                    // The following 4 KiB pages share this leaf table: visit the rest of the range in it without walking again.
                    ulong left = (end - va + Pte.PageSize - 1) >> Pte.PageShift;
                    int count = 512 - Pte.Index(va, 1);
                    if ((ulong)count > left) count = (int)left;
                    for (int i = 0; i < count; i++, va += Pte.PageSize)
                        if (e[i] != 0 && !visitor.Visit(va, e + i, (PageSize)1)) return true;
                    if (va == 0) return true; // wrapped past the top
                    continue;
                }
                ulong span = PageFlags.Bytes((PageSize)level);
                ulong start = va & ~(span - 1);
                if (e != null && IsLeaf(*e, level))
                {
                    if (modify && level > 1 && (start < va || end - start < span))
                    {
                        if (!Split(e, level)) return false;
                        continue;
                    }
                    if (!visitor.Visit(start, e, (PageSize)level)) return true;
                }
                ulong next = start + span;
                if (next <= va) return true; // wrapped past the top
                va = next;
            }
            return true;
        }

        /// <summary>
        /// Walks towards the 4 KiB entry of <paramref name="va"/> and stops at a leaf or at an entry with nothing
        /// below it; <paramref name="level"/> says where. When <paramref name="modify"/>, shared tables on the
        /// way are copied first (if the space owns its root); <paramref name="failed"/> reports a failed copy.
        /// </summary>
        private ulong* Find(ulong va, bool modify, out int level, out bool failed)
        {
            failed = false;
            ulong* table = Table(_root);
            bool privatize = modify && OwnsRoot;
            for (level = 4; ; level--)
            {
                ulong* e = table + Pte.Index(va, level);
                if (level == 1 || !IsTable(*e, level)) return e;
                if (privatize && !Unshare(e)) { failed = true; return null; }
                table = Table(Pte.Address(*e));
                if (table == null) { failed = true; return null; }
            }
        }

        /// <summary>The entry at <paramref name="targetLevel"/> for <paramref name="va"/>, creating or copying tables on the way.</summary>
        private ulong* Slot(ulong va, int targetLevel)
        {
            ulong* table = Table(_root);
            bool owned = OwnsRoot;
            for (int level = 4; level > targetLevel; level--)
            {
                ulong* e = table + Pte.Index(va, level);
                if (IsLeaf(*e, level))
                {
                    if (!Split(e, level)) return null;
                }
                else if (!IsTable(*e, level))
                {
                    if (!owned || !_pages->Allocate(out ulong gpa)) return null;
                    *e = Pte.Make(gpa, Pte.TableFlags);
                }
                else if (owned && !Unshare(e)) return null;
                table = Table(Pte.Address(*e));
                if (table == null) return null;
            }
            return table + Pte.Index(va, targetLevel);
        }

        /// <summary>Makes the table <paramref name="entry"/> points to private: a copy from the allocator if it is not.</summary>
        private bool Unshare(ulong* entry)
        {
            ulong gpa = Pte.Address(*entry);
            if (_pages->Contains(gpa)) return true;
            ulong* from = Table(gpa);
            if (from == null || !_pages->Allocate(out ulong copy, zero: false)) return false;
            ulong* to = Table(copy);
            for (int i = 0; i < 512; i++) to[i] = from[i];
            *entry = Pte.Make(copy, *entry & ~Pte.AddressMask);
            return true;
        }

        /// <summary>Replaces a large leaf by a table of 512 leaves one size smaller with the same frames and flags.</summary>
        private bool Split(ulong* entry, int level)
        {
            if (!OwnsRoot || !_pages->Allocate(out ulong gpa, zero: false)) return false;
            ulong* table = Table(gpa);
            PageSize from = (PageSize)level, to = (PageSize)(level - 1);
            ulong frame = PageFlags.Frame(*entry, from), step = PageFlags.Bytes(to);
            for (int i = 0; i < 512; i++) table[i] = PageFlags.Resize(*entry, from, to, frame + (ulong)i * step);
            *entry = Pte.Make(gpa, Pte.TableFlags);
            return true;
        }

        private bool CopyTable(ulong gpa, int level, out ulong copy)
        {
            copy = 0;
            ulong* from = Table(gpa);
            if (from == null || !_pages->Allocate(out copy, zero: false)) return false;
            ulong* to = Table(copy);
            for (int i = 0; i < 512; i++)
            {
                to[i] = from[i];
                if (level > 1 && IsTable(from[i], level) && _pages->Contains(Pte.Address(from[i])))
                {
                    if (!CopyTable(Pte.Address(from[i]), level - 1, out ulong child))
                    {
                        for (int j = i; j < 512; j++) to[j] = 0; // not copied yet: must not free the original's tables
                        FreeTable(copy, level);
                        return false;
                    }
                    to[i] = Pte.Make(child, from[i] & ~Pte.AddressMask);
                }
            }
            return true;
        }

        private void FreeTable(ulong gpa, int level)
        {
            if (!_pages->Contains(gpa)) return;
            if (level > 1)
            {
                ulong* table = Table(gpa);
                for (int i = 0; i < 512; i++)
                    if (IsTable(table[i], level)) FreeTable(Pte.Address(table[i]), level - 1);
            }
            _pages->Release(gpa);
        }

        /// <summary>Where physical address <paramref name="gpa"/> is visible (pool pages first), or null.</summary>
        public byte* PhysicalPointer(ulong gpa) => (byte*)Table(gpa);

        private ulong* Table(ulong gpa)
        {
            byte* p = _pages->Pointer(gpa);
            if (p == null && _physical != null) p = _physical->ToPointer(gpa);
            return (ulong*)p;
        }

        /// <summary>A present entry pointing to a next-level table (never at level 1).</summary>
        private static bool IsTable(ulong entry, int level) => level > 1 && Pte.IsPresent(entry) && (entry & Pte.LargePage) == 0;

        /// <summary>A mapping, present or protected to <see cref="Permissions.None"/>: any non-zero level-1 entry, or a large one.</summary>
        private static bool IsLeaf(ulong entry, int level) =>
            entry != 0 && (level == 1 || ((level == 2 || level == 3) && (entry & Pte.LargePage) != 0));

        private struct UnmapVisitor : IPageVisitor
        {
            public bool Visit(ulong va, ulong* entry, PageSize size)
            {
                *entry = 0;
                return true;
            }
        }

        private struct ProtectVisitor : IPageVisitor
        {
            public Permissions Permissions;

            public bool Visit(ulong va, ulong* entry, PageSize size)
            {
                *entry = PageFlags.WithPermissions(*entry, Permissions);
                return true;
            }
        }

        private struct ClearVisitor : IPageVisitor
        {
            public ulong Mask;
            public int Accessed, Dirty;

            public bool Visit(ulong va, ulong* entry, PageSize size)
            {
                if ((*entry & Pte.Accessed) != 0) Accessed++;
                if ((*entry & Pte.Dirty) != 0) Dirty++;
                *entry &= ~Mask;
                return true;
            }
        }
    }
}
