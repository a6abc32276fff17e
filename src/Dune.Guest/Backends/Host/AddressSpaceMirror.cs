using Dune.Memory;
using Dune.Platform;

namespace Dune.Backends
{
    /// <summary>
    /// Keeps the guest's view of memory equal to the process's: every accessible host mapping is mapped in
    /// the guest page tables at the same virtual address, backed by a KVM memslot whose userspace address is
    /// that host address (or, on dune.ko, a window of the same shape). <see cref="Sync(ulong, ulong)"/> re-reads
    /// /proc/self/maps for a range, so one routine serves the initial mirror and every mmap/munmap/mprotect/mremap/brk
    /// the guest makes later.
    /// </summary>
    internal unsafe struct AddressSpaceMirror
    {
        public GuestPhysicalLayout Layout;
        public PageTables Tables;
        private int _vmFd, _maxSlots, _slotsRegistered;
        /// <summary>Gives the backend window number n (fd, n, window): a KVM memslot, or a dune.ko window (Backends/Kmod).</summary>
        private delegate*<int, int, GpaWindow*, bool> _register;
        private byte* _mapsBuffer;
        private int _mapsCapacity;

        public AddressSpaceMirror(int vmFd, int maxSlots, delegate*<int, int, GpaWindow*, bool> register, GuestPhysicalLayout layout,
            byte* mapsBuffer, int mapsCapacity)
        {
            _vmFd = vmFd;
            _maxSlots = maxSlots;
            _register = register;
            Layout = layout;
            Tables = default;
            _slotsRegistered = 0;
            _mapsBuffer = mapsBuffer;
            _mapsCapacity = mapsCapacity;
        }

        /// <summary>Registers every window again as the memslots of another VM (a forked child's: same layout, its own memory).</summary>
        public bool AttachVm(int vmFd)
        {
            _vmFd = vmFd;
            _slotsRegistered = 0;
            return RegisterNewWindows();
        }

        /// <summary>Gives [va, va+length) guest-physical addresses and memslots (without mapping it).</summary>
        public bool Cover(ulong va, ulong length) => Layout.Cover(va, length) >= 0 && RegisterNewWindows();

        /// <summary>Makes the guest page tables for [start, end) match the host's mappings now.</summary>
        public bool Sync(ulong start, ulong end) => Sync(start, end, 0, out _, out _);

        /// <summary>
        /// <see cref="Sync(ulong, ulong)"/>, also giving the host mapping that contains <paramref name="probe"/>
        /// (0 and 0 if none) from the same read of /proc/self/maps.
        /// </summary>
        public bool Sync(ulong start, ulong end, ulong probe, out ulong probeStart, out ulong probeEnd)
        {
            probeStart = probeEnd = 0;
            Tables.UnmapRange(start, end);
            int length = ReadMaps();
            if (length < 0) return false;
            var maps = new ProcMaps(_mapsBuffer, length);
            while (maps.Next(out MapsEntry e))
            {
                if (probe >= e.Start && probe < e.End)
                {
                    probeStart = e.Start;
                    probeEnd = e.End;
                }
                if (e.KernelSpecial || !(e.Read || e.Write || e.Execute)) continue;
                ulong s = e.Start > start ? e.Start : start;
                ulong t = e.End < end ? e.End : end;
                if (s < t && !Map(s, t, Pte.LeafFlags(e.Write, e.Execute, user: false))) return false;
            }
            return true;
        }

        /// <summary>
        /// Mirrors [start, end), which now has protection <paramref name="prot"/> as a whole (the result of an mmap,
        /// a successful mprotect; PROT_NONE or munmap: nothing), from the call's own arguments: no read of
        /// /proc/self/maps, which cost about 0.1 M instructions per call.
        /// </summary>
        public bool SetProtection(ulong start, ulong end, long prot)
        {
            Tables.UnmapRange(start, end);
            if ((prot & (Linux.ProtRead | Linux.ProtWrite | Linux.ProtExec)) == 0) return true;
            return Map(start, end, Pte.LeafFlags((prot & Linux.ProtWrite) != 0, (prot & Linux.ProtExec) != 0, user: false));
        }

        /// <summary>
        /// Mirrors [start, end), which the host half has just mapped read-write and anonymous itself, without
        /// reading /proc/self/maps again.
        /// </summary>
        public bool MapReadWrite(ulong start, ulong end) => Map(start, end, Pte.LeafFlags(write: true, execute: false, user: false));

        private bool Map(ulong start, ulong end, ulong flags)
        {
            if (!Cover(start, end - start)) return false;
            for (ulong va = start; va < end;)
            {
                Layout.TryTranslate(va, out ulong gpa, out ulong windowEnd);
                ulong stop = windowEnd < end ? windowEnd : end;
                if (!Tables.Map(va, gpa, stop - va, flags)) return false;
                va = stop;
            }
            return true;
        }

        private bool RegisterNewWindows()
        {
            for (; _slotsRegistered < Layout.Count; _slotsRegistered++)
            {
                if (_slotsRegistered >= _maxSlots) return false;
                GpaWindow w = Layout[_slotsRegistered];
                if (!_register(_vmFd, _slotsRegistered, &w)) return false;
            }
            return true;
        }

        /// <summary>Reads /proc/self/maps into the buffer; its length, or -1.</summary>
        private int ReadMaps()
        {
            int fd = HostSyscall.Open("/proc/self/maps", 0);
            if (fd < 0) return -1;
            int total = 0;
            while (true)
            {
                long n = HostSyscall.Invoke(SyscallNumber.Read, fd, (long)(_mapsBuffer + total), _mapsCapacity - total, 0, 0, 0);
                if (n <= 0) break;
                total += (int)n;
                if (total == _mapsCapacity) { total = -1; break; }
            }
            HostSyscall.Invoke(SyscallNumber.Close, fd, 0, 0, 0, 0, 0);
            return total;
        }
    }
}
