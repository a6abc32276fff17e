using System.Runtime;
using System.Runtime.CompilerServices;

namespace Internal.Runtime.Threads
{
    internal unsafe partial struct ThreadState
    {
        /// <summary>The calling thread's state: fs:0 (Intrinsics/threads.S).</summary>
        public static ThreadState* Current
        {
            [MethodImpl(MethodImplOptions.AggressiveInlining)]
            get => CurrentThread();
        }

        /// <summary>Set once the main thread's state is in place (<see cref="Current"/> works from then on, on every thread).</summary>
        public static bool MainThreadReady;

        /// <summary>A runtime lock was let go: with none held any more, the signals that came meanwhile get their handlers.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void LeaveRuntimeLock()
        {
            ThreadState* self = Current;
            if (--self->RuntimeLocks == 0 && self->DeferredSignals != 0) Dune.Platform.PosixSignals.DeliverDeferred();
        }

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneCurrentThread")]
        private static extern ThreadState* CurrentThread();
    }
}
