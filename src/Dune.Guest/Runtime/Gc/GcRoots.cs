using System.Runtime;
using System.Runtime.CompilerServices;
using Internal.Runtime.Statics;

namespace Internal.Runtime.Gc
{
    /// <summary>
    /// Where the mark phase starts: GC statics and frozen objects (precisely), then conservatively the current
    /// stack, the callee-saved registers and any ranges registered with <see cref="AddRange"/> (thread-static
    /// blocks, other stacks). Conservative scanning also covers the objects the JIT allocates on the stack.
    /// </summary>
    public static unsafe class GcRoots
    {
        /// <summary>No sane stack is this deep: a stack pointer further below the top is on some other stack.</summary>
        private const nuint MaxStackDepth = (nuint)1 << 30;

        private static nuint s_stackTop;
        /// <summary>Registered ranges as (start, end) word pairs.</summary>
        private static WordList s_ranges;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneGcSpillCalleeSaved")]
        private static extern void SpillCalleeSaved(nuint* buffer);

        /// <summary>Highest address (exclusive) of the stack the program started on; recorded once at start-up.</summary>
        internal static void SetStackTop(void* top) => s_stackTop = (nuint)top;

        /// <summary>Registers memory the collector must scan conservatively for references (e.g. a thread's TLS block).</summary>
        public static void AddRange(void* start, void* end)
        {
            s_ranges.Add((nuint)start);
            s_ranges.Add((nuint)end);
        }

        /// <summary>Forgets a range given earlier to <see cref="AddRange"/> (same bounds).</summary>
        public static void RemoveRange(void* start, void* end)
        {
            for (nuint i = 0; i < s_ranges.Count; i += 2)
            {
                if (s_ranges.Items[i] != (nuint)start || s_ranges.Items[i + 1] != (nuint)end) continue;
                s_ranges.RemoveAt(i);
                s_ranges.RemoveAt(i);
                return;
            }
        }

        /// <summary>
        /// Marks everything the roots reach. The callee-saved registers are spilled into a buffer in this frame,
        /// so scanning from the buffer to the stack top sees them along with every caller's frame.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal static void MarkAll()
        {
            nuint* registers = stackalloc nuint[6];
            SpillCalleeSaved(registers);
            if ((nuint)registers >= s_stackTop || s_stackTop - (nuint)registers > MaxStackDepth)
                Dune.Runtime.Fatal.Exit("fatal runtime error: garbage collection on a stack the collector does not know", Dune.Runtime.ExitCodes.RuntimeFailure);
            Marker.MarkRange(registers, (nuint*)s_stackTop);
            for (nuint i = 0; i < s_ranges.Count; i += 2)
                Marker.MarkRange((nuint*)((s_ranges.Items[i] + 7) & ~(nuint)7), (nuint*)s_ranges.Items[i + 1]);
            GcStatics.MarkRoots();
            FrozenObjects.MarkRoots();
            Marker.Drain();
        }
    }
}
