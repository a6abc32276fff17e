namespace Dune.Memory
{
    /// <summary>One host virtual range mirrored at a guest-physical range of the same size (one KVM memslot).</summary>
    public struct GpaWindow
    {
        /// <summary>The host virtual start, the guest-physical start and the length in bytes of the window.</summary>
        public ulong HostVa, Gpa, Size;
    }

    /// <summary>
    /// Gives host virtual addresses guest-physical addresses. The host's user address space (47 bits) can be
    /// wider than the guest's physical address width, so addresses are not identity-mapped: each range that
    /// needs mirroring is rounded out to 2 MiB granules and the granules not yet covered get the next free
    /// guest-physical addresses, packed from <see cref="FirstGpa"/> upwards. Windows are never moved or
    /// freed, so a virtual address keeps its physical address for the life of the VM (munmap only removes
    /// page-table entries). GPAs below <see cref="FirstGpa"/> stay free for the backend (e.g. VMX's TSS).
    /// </summary>
    public unsafe struct GuestPhysicalLayout
    {
        /// <summary>The 2 MiB unit in which ranges are mirrored.</summary>
        public const ulong Granule = 2UL << 20;
        /// <summary>The lowest guest-physical address handed out to windows.</summary>
        public const ulong FirstGpa = Granule;
        /// <summary>
        /// The end of x86-64 Linux user space (TASK_SIZE_MAX, one page below 2^47): a window may not reach
        /// past it, or KVM rejects the memslot, so the topmost window stops one page short of its granule.
        /// </summary>
        public const ulong UserSpaceEnd = 0x7FFF_FFFF_F000UL;

        private readonly GpaWindow* _windows;
        private readonly int _capacity;
        private readonly ulong _limit;
        private int _count;
        private ulong _next;

        /// <summary>An empty layout keeping up to <paramref name="capacity"/> windows in <paramref name="storage"/>, for a guest with <paramref name="physicalAddressBits"/> physical address bits.</summary>
        public GuestPhysicalLayout(GpaWindow* storage, int capacity, int physicalAddressBits)
        {
            _windows = storage;
            _capacity = capacity;
            _limit = physicalAddressBits >= 64 ? ulong.MaxValue : 1UL << physicalAddressBits;
            _count = 0;
            _next = FirstGpa;
        }

        /// <summary>The number of windows made so far.</summary>
        public int Count => _count;

        /// <summary>The window at <paramref name="index"/> (0 to <see cref="Count"/> - 1).</summary>
        public GpaWindow this[int index] => _windows[index];

        /// <summary>Guest-physical bytes handed out so far.</summary>
        public ulong Used => _next - FirstGpa;

        /// <summary>
        /// Makes sure every byte of [va, va+length) has a guest-physical address. Returns the number of
        /// windows added (the last ones of the list), or -1 when the physical space or the window list is full.
        /// </summary>
        public int Cover(ulong va, ulong length)
        {
            if (length == 0) return 0;
            ulong start = va & ~(Granule - 1);
            ulong end = (va + length + Granule - 1) & ~(Granule - 1);
            int added = 0;
            ulong g = start;
            while (g < end)
            {
                if (Find(g) >= 0) { g += Granule; continue; }
                ulong runEnd = g + Granule;
                while (runEnd < end && Find(runEnd) < 0) runEnd += Granule;
                ulong span = runEnd - g;
                if (_count == _capacity || _next + span > _limit || _next + span < _next) return -1;
                ulong size = runEnd > UserSpaceEnd && g < UserSpaceEnd ? UserSpaceEnd - g : span;
                _windows[_count++] = new GpaWindow { HostVa = g, Gpa = _next, Size = size };
                _next += span; // keeps later windows granule-aligned in physical space too
                added++;
                g = runEnd;
            }
            return added;
        }

        /// <summary>The guest-physical address of <paramref name="va"/>, if a window covers it.</summary>
        public bool TryTranslate(ulong va, out ulong gpa) => TryTranslate(va, out gpa, out _);

        /// <summary>Also gives where the covering window ends: up to there, physical follows virtual linearly.</summary>
        public bool TryTranslate(ulong va, out ulong gpa, out ulong windowEnd)
        {
            int i = Find(va);
            gpa = i < 0 ? 0 : _windows[i].Gpa + (va - _windows[i].HostVa);
            windowEnd = i < 0 ? 0 : _windows[i].HostVa + _windows[i].Size;
            return i >= 0;
        }

        private int Find(ulong va)
        {
            for (int i = 0; i < _count; i++)
                if (va - _windows[i].HostVa < _windows[i].Size) return i;
            return -1;
        }
    }
}
