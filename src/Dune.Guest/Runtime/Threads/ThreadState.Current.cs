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

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneCurrentThread")]
        private static extern ThreadState* CurrentThread();
    }
}
