using System.Runtime.CompilerServices;
using Internal.Runtime.Gc;
using Internal.Runtime.Threads;

namespace System.Threading
{
    /// <summary>
    /// A forked child has only the thread that called fork, as on Linux (in Dune mode too: the backend's host half
    /// lets the other vCPUs go). Its runtime finds out the first time it needs the thread list, by the process id
    /// the list was made in: the others are forgotten then, so a collection does not wait for them, Main's return
    /// does not wait for them, and their mappings and allocation runs are given back.
    /// </summary>
    public sealed unsafe partial class Thread
    {
        /// <summary>
        /// Under the heap lock, with the current process id: in a forked child, every thread but the caller leaves
        /// the list (counted finished, so joining one returns at once) and its mapping is unmapped by the next
        /// <see cref="Start()"/>.
        /// </summary>
        internal static void ForgetOthersIfForked(int pid)
        {
            if (pid == ThreadList.Pid) return;
            ThreadList.Pid = pid;
            ThreadState* self = ThreadState.Current;
            self->Tid = pid;
            for (ThreadState* t = ThreadList.Head; t != null;)
            {
                ThreadState* next = t->Next;
                if (t != self) Forget(t);
                t = next;
            }
        }

        private static void Forget(ThreadState* state)
        {
            GcHeap.RetireThread(state);
            nint reference = state->ManagedThread;
            if (reference != 0)
            {
                Thread thread = Unsafe.As<nint, Thread>(ref reference);
                // Only started threads count among the foreground ones (the main thread's Thread has no start delegate).
                if (Interlocked.Exchange(ref thread._state, Stopped) == Running && thread._start != null && !thread._background) s_foregroundRunning--;
                thread._finished = 1;
            }
            // The main thread's area and stack are the process's own, not a mapping of Start's.
            if (state->Mapping == null) return;
            state->ExitTid = 0;
            state->Next = s_exited;
            s_exited = state;
        }
    }
}
