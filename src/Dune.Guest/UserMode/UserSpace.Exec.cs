using System.Collections.Generic;
using Dune.Memory;
using Dune.Platform;

namespace Dune.UserMode
{
    /// <summary>execve's end of the old image: every page the program owns goes, from this space and from the host.</summary>
    public sealed unsafe partial class UserSpace
    {
        /// <summary>
        /// Unmaps all of the program's pages (images, break, stack, mmaps, PROT_NONE reservations) here and in the
        /// host, and forgets the break and the stack; the runtime's pages stay. The space is then as
        /// <see cref="TryCreate"/> made it, for a new image.
        /// </summary>
        public void ReleaseProgramMemory()
        {
            var ranges = new ProgramRanges { Found = new List<ulong>() };
            _space.Walk(0, UserAddressLimit, ref ranges);
            ranges.Close();
            List<ulong> found = ranges.Found;
            for (int i = 0; i < found.Count; i += 2)
            {
                Syscall.Invoke(SyscallNumber.Munmap, (long)found[i], (long)(found[i + 1] - found[i]));
                _space.Unmap(found[i], found[i + 1] - found[i]);
            }
            ProgramBytes = 0;
            BreakStart = Break = 0;
            StackLow = StackFloor = 0;
        }

        /// <summary>Collects the program's pages as [start, end) pairs, neighbours merged.</summary>
        private struct ProgramRanges : IPageVisitor
        {
            public List<ulong> Found;
            private ulong _start, _end;

            public bool Visit(ulong va, ulong* entry, PageSize size)
            {
                if ((*entry & ProgramPage) == 0) return true;
                ulong end = va + PageFlags.Bytes(size);
                if (va != _end) Close();
                if (_start == _end) _start = va;
                _end = end;
                return true;
            }

            public void Close()
            {
                if (_end != _start) { Found.Add(_start); Found.Add(_end); }
                _start = _end = 0;
            }
        }
    }
}
