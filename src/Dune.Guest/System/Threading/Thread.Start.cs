using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Dune.Platform;
using Internal.Runtime;
using Internal.Runtime.Gc;
using Internal.Runtime.Threads;

namespace System.Threading
{
    /// <summary>
    /// Starting a thread: one private mapping holds, from the bottom, a guard page, the stack, the thread's area
    /// (TLS block, <see cref="ThreadState"/>, allocation runs) and the alternate stack of its fault handlers. The
    /// thread is registered with the collector and cloned under the heap lock, so no collection can miss it; it
    /// leaves the same way. Its mapping is unmapped by a later <see cref="Start()"/> once the kernel has reported
    /// the thread gone (CLONE_CHILD_CLEARTID), because the thread cannot unmap the stack it exits on.
    /// </summary>
    public sealed unsafe partial class Thread
    {
        private const nuint PageBytes = 4096;
        /// <summary>Default stack, as .NET gives secondary threads on Linux.</summary>
        private const nuint DefaultStackBytes = 1536 * 1024;
        private const nuint MinStackBytes = 64 * 1024;
        private const long EAGAIN = 11;

        /// <summary>Threads that have exited but whose mappings are not unmapped yet (linked through Next); under the heap lock.</summary>
        private static ThreadState* s_exited;

        public void Start() => Start(null, parameterized: false);

        public void Start(object parameter) => Start(parameter, parameterized: true);

        private void Start(object parameter, bool parameterized)
        {
            if (parameterized && _start is not ParameterizedThreadStart)
                throw new InvalidOperationException("The thread was created with a ThreadStart delegate that does not accept a parameter.");
            if (_start == null || Interlocked.CompareExchange(ref _state, Running, Unstarted) != Unstarted)
                throw new ThreadStateException("Thread is running or terminated; it cannot restart.");
            _argument = parameter;

            nuint stackBytes = _maxStackSize == 0 ? DefaultStackBytes : RoundToPages((nuint)_maxStackSize);
            if (stackBytes < MinStackBytes) stackBytes = MinStackBytes;
            nuint areaBytes = RoundToPages(ThreadStatics.AreaBytes);
            nuint mappingBytes = PageBytes + stackBytes + areaBytes + Signals.AlternateStackBytes;
            byte* mapping = (byte*)Linux.Mmap(null, mappingBytes, Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous | Linux.MapNoReserve);
            if (mapping == null)
            {
                Volatile.Write(ref _state, Unstarted);
                throw new OutOfMemoryException();
            }
            Linux.Mprotect(mapping, PageBytes, Linux.ProtNone);
            byte* stackTop = mapping + PageBytes + stackBytes;
            ThreadState* state = ThreadStatics.CreateArea(stackTop);
            state->StackTop = (nuint)stackTop;
            state->Mapping = mapping;
            state->MappingBytes = mappingBytes;
            state->ManagedThreadId = _id;
            state->ExitTid = 1;
            Thread self = this;
            state->ManagedThread = Unsafe.As<Thread, nint>(ref self);
            GcHeap.InitializeThread(state);
            if (!_background) Interlocked.Increment(ref s_foregroundRunning);

            GcHeap.Lock();
            if (ThreadList.Count > 1) ForgetOthersIfForked(Linux.GetPid());
            UnmapExited();
            ThreadList.Add(state);
            // In Dune mode the thread runs in guest ring 0 on a vCPU of its own, driven by its own Linux thread.
            Dune.Backends.IBackend backend = Dune.Backends.Backend.Current;
            long tid = backend != null
                ? backend.StartThread(stackTop, &state->Tid, &state->ExitTid, state, state)
                : Linux.CloneThread(Linux.CloneThreadFlags, stackTop, &state->Tid, &state->ExitTid, state, state,
                    (delegate* unmanaged<ThreadState*, void>)&HostThreadStart);
            if (tid < 0) ThreadList.Remove(state);
            GcHeap.Unlock();
            if (tid < 0)
            {
                if (!_background) LeaveForeground();
                Linux.Munmap(mapping, mappingBytes);
                Volatile.Write(ref _state, Unstarted);
                throw new OutOfMemoryException(backend != null && tid == -EAGAIN
                    ? "Thread creation failed: every vCPU of the Dune VM runs a thread."
                    : "Thread creation failed (clone returned " + tid.ToString() + ").");
            }
        }

        /// <summary>A host-mode thread's first frame (DuneCloneThread, Intrinsics/threads.S).</summary>
        [UnmanagedCallersOnly]
        private static void HostThreadStart(ThreadState* state) => ThreadMain(state);

        /// <summary>The new thread's first C# frame: FS already points at its state. A Dune-mode thread's vCPU
        /// starts here by name (guest-thread-entry.S).</summary>
        [RuntimeExport("DuneThreadStart")]
        private static void ThreadMain(ThreadState* state)
        {
            Signals.UseAlternateStack((byte*)state->Mapping + state->MappingBytes - Signals.AlternateStackBytes);
            nint reference = state->ManagedThread;
            Thread thread = Unsafe.As<nint, Thread>(ref reference);
            thread.Run();
            thread.Finish();
            // From here on no collection stops or scans this thread: it must not allocate any more.
            GcHeap.Lock();
            GcHeap.RetireThread(state);
            state->Next = s_exited;
            s_exited = state;
            GcHeap.Unlock();
            Linux.ExitThread();
        }

        /// <summary>Unmaps the mappings of threads the kernel reports gone; under the heap lock.</summary>
        private static void UnmapExited()
        {
            ThreadState* previous = null;
            for (ThreadState* t = s_exited; t != null;)
            {
                ThreadState* next = t->Next;
                if (Volatile.Read(ref t->ExitTid) != 0) previous = t;
                else
                {
                    if (previous == null) s_exited = next;
                    else previous->Next = next;
                    Linux.Munmap(t->Mapping, t->MappingBytes);
                }
                t = next;
            }
        }

        private static nuint RoundToPages(nuint bytes) => (bytes + PageBytes - 1) & ~(PageBytes - 1);
    }
}
