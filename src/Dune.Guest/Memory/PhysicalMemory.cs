namespace Dune.Memory
{
    /// <summary>
    /// Converts between guest-physical and virtual addresses through the mirror's
    /// <see cref="GuestPhysicalLayout"/> (guest virtual == host virtual, so a window's host address is also
    /// where the guest sees that physical memory). Page tables hold physical addresses; walking them needs
    /// the way back, which this finds by scanning the windows, remembering the last hit because tables
    /// cluster in one or two windows (the runtime's pool and ours).
    /// </summary>
    public unsafe struct PhysicalMemory
    {
        private readonly GuestPhysicalLayout* _layout;
        private int _lastWindow;

        /// <summary>Reads <paramref name="layout"/> live: windows the host adds later are seen.</summary>
        public PhysicalMemory(GuestPhysicalLayout* layout)
        {
            _layout = layout;
            _lastWindow = 0;
        }

        /// <summary>The guest-physical address of <paramref name="va"/>; false if no window covers it.</summary>
        public bool TryToPhysical(ulong va, out ulong gpa) => _layout->TryTranslate(va, out gpa);

        /// <summary>Where physical address <paramref name="gpa"/> is visible, or null if no window holds it.</summary>
        public byte* ToPointer(ulong gpa)
        {
            int count = _layout->Count;
            if (_lastWindow < count && Holds((*_layout)[_lastWindow], gpa, out byte* hit)) return hit;
            for (int i = 0; i < count; i++)
            {
                if (!Holds((*_layout)[i], gpa, out byte* p)) continue;
                _lastWindow = i;
                return p;
            }
            return null;
        }

        private static bool Holds(GpaWindow w, ulong gpa, out byte* p)
        {
            bool inside = gpa - w.Gpa < w.Size;
            p = inside ? (byte*)(w.HostVa + (gpa - w.Gpa)) : null;
            return inside;
        }
    }
}
