using Internal.Runtime.Threads;

namespace Internal.Runtime
{
    /// <summary>
    /// Serializes dispatch resolution (interface cells, generic virtual methods) and the caches and memory it fills;
    /// the dispatch stubs and cache lookups read without it (entries are published complete). Reentrant, because
    /// resolving can reach code that resolves again. Before the first thread's state exists the runtime is
    /// single-threaded and nothing is locked.
    /// </summary>
    internal static unsafe class DispatchLock
    {
        private static FutexLock s_lock;
        private static ThreadState* s_owner;
        private static int s_depth;

        public static void Enter()
        {
            ThreadState* self = ThreadState.Current;
            if (self == null) return;
            if (s_owner != self)
            {
                s_lock.Enter();
                s_owner = self;
            }
            s_depth++;
        }

        /// <summary>Whether the calling thread holds the lock (always, before threads exist).</summary>
        public static bool IsHeld => ThreadState.Current == null || s_owner == ThreadState.Current;

        public static void Exit()
        {
            if (ThreadState.Current == null || --s_depth > 0) return;
            s_owner = null;
            s_lock.Exit();
        }
    }
}
