using System.Runtime;
using System.Runtime.CompilerServices;
using Internal.Runtime.Statics;
using Internal.Runtime.Threads;

namespace Internal.Runtime.Gc
{
    /// <summary>
    /// Where the mark phase starts: GC statics and frozen objects (precisely), then conservatively, for every
    /// thread, its stack and registers and its TLS block with its <see cref="ThreadState"/> (thread-static storage,
    /// the Thread object). Conservative scanning also covers the objects the JIT allocates on the stack.
    /// </summary>
    public static unsafe class GcRoots
    {
        /// <summary>No sane stack is this deep: a stack pointer further below the top is on some other stack.</summary>
        private const nuint MaxStackDepth = (nuint)1 << 30;

        /// <summary>Stores rbx, rbp and r12-r15 in the 6 words at <paramref name="buffer"/> (Intrinsics/gc-registers.S).</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneGcSpillCalleeSaved")]
        internal static extern void SpillCalleeSaved(nuint* buffer);

        /// <summary>
        /// Marks everything the roots reach; the other threads are stopped. The collecting thread's callee-saved
        /// registers are spilled into a buffer in this frame, so scanning from the buffer to the stack top sees
        /// them along with every caller's frame; a stopped thread is scanned from below its signal frame, which
        /// holds all its registers.
        /// </summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        internal static void MarkAll()
        {
            nuint* registers = stackalloc nuint[6];
            SpillCalleeSaved(registers);
            ThreadState* self = ThreadState.Current;
            for (ThreadState* t = ThreadList.Head; t != null; t = t->Next)
            {
                nuint low = t == self ? (nuint)registers : t->StoppedSp;
                if (low >= t->StackTop || t->StackTop - low > MaxStackDepth)
                    Dune.Runtime.Fatal.Exit("fatal runtime error: garbage collection on a stack the collector does not know", Dune.Runtime.ExitCodes.RuntimeFailure);
                Marker.MarkRange((nuint*)low, (nuint*)t->StackTop);
                Marker.MarkRange((nuint*)t->TlsBlock, (nuint*)(t + 1));
            }
            GcStatics.MarkRoots();
            FrozenObjects.MarkRoots();
            Marker.Drain();
        }
    }
}
