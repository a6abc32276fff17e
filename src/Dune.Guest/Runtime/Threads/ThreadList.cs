namespace Internal.Runtime.Threads
{
    /// <summary>
    /// The threads the collector stops and scans. Changed only under the heap lock (<see cref="Gc.GcHeap.Lock"/>),
    /// so a collection, which holds that lock throughout, sees a fixed set: a thread is added before it runs any
    /// managed code and removed after its last.
    /// </summary>
    internal static unsafe class ThreadList
    {
        public static ThreadState* Head;
        public static int Count;
        /// <summary>
        /// The process the list describes: the main thread's id, its pid, when it joins at start-up; a forked child
        /// finds its parent's here (System.Threading.Thread.ForgetOthersIfForked).
        /// </summary>
        public static int Pid;

        public static void Add(ThreadState* thread)
        {
            if (Count == 0 && Pid == 0) Pid = thread->Tid;
            thread->Next = Head;
            Head = thread;
            Count++;
        }

        public static void Remove(ThreadState* thread)
        {
            ThreadState* previous = null;
            for (ThreadState* t = Head; t != thread; t = t->Next) previous = t;
            if (previous == null) Head = thread->Next;
            else previous->Next = thread->Next;
            thread->Next = null;
            Count--;
        }
    }
}
