using System.Runtime.InteropServices;
using Internal.Runtime.Gc;

namespace Internal.Runtime.Threads
{
    /// <summary>
    /// Everything the runtime keeps per thread, in one place: it sits at the thread pointer (FS base), just above
    /// the thread's TLS block, so the first word is the pointer to itself that the x86-64 TLS ABI asks for and
    /// fs:0 finds it (<see cref="Current"/>). The allocation fast path (Intrinsics/threads.S) reads
    /// <see cref="Runs"/> at a fixed offset, checked by a unit test.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe partial struct ThreadState
    {
        /// <summary>Points to this structure (TLS ABI: the thread control block starts with its own address).</summary>
        public ThreadState* Self;
        /// <summary>The thread's allocation run per size class.</summary>
        public AllocationRun* Runs;
        /// <summary>Next registered thread (<see cref="ThreadList"/>).</summary>
        public ThreadState* Next;
        /// <summary>Kernel thread id, for tgkill.</summary>
        public int Tid;
        public int ManagedThreadId;
        /// <summary>The kernel clears this word and wakes its futex when the thread has exited (CLONE_CHILD_CLEARTID):
        /// only then may its stack be unmapped.</summary>
        public int ExitTid;
        /// <summary>Nonzero while the thread runs code whose references the collector cannot see (a signal handler
        /// on the alternate stack): its allocations then only take memory.</summary>
        public int CollectionsSuspended;
        /// <summary>Highest address (exclusive) of the thread's stack.</summary>
        public nuint StackTop;
        /// <summary>While the thread is stopped for a collection: the lowest stack address that can hold its
        /// references (its registers, saved by the kernel in the signal frame, lie above it).</summary>
        public nuint StoppedSp;
        /// <summary>Start of the TLS block, which ends at this structure: a root range (thread-static storage).</summary>
        public byte* TlsBlock;
        /// <summary>The thread's own mapping (stack, TLS block, this structure); null for the main thread.</summary>
        public byte* Mapping;
        public nuint MappingBytes;
        /// <summary>The System.Threading.Thread object (a reference the collector finds by scanning this structure).</summary>
        public nint ManagedThread;
        /// <summary>The exception dispatcher's state (Runtime/ExceptionHandling).</summary>
        public ExceptionState Exceptions;
        /// <summary>
        /// How many of the runtime's own locks (<see cref="FutexLock"/>, <see cref="StopSafeSpinLock"/>) the thread holds
        /// or waits for. C# signal handlers run on the interrupted thread (Platform/PosixSignals): not while this is
        /// nonzero, since their allocations, dispatch and class constructors take those locks, which are not reentrant.
        /// </summary>
        public int RuntimeLocks;
        /// <summary>
        /// Bit n-1: signal n arrived while <see cref="RuntimeLocks"/> was nonzero, or (host mode) while the thread ran
        /// handlers: its handlers run as the last lock goes, or after the running ones.
        /// </summary>
        public ulong DeferredSignals;
        /// <summary>Host mode: nonzero while the thread runs C# signal handlers, which run one at a time, as on .NET.</summary>
        public int RunningHandlers;
    }

    /// <summary>Per-thread state of the exception dispatcher.</summary>
    [StructLayout(LayoutKind.Sequential)]
    internal unsafe struct ExceptionState
    {
        /// <summary>Innermost funclet record (ExInfo*) of the dispatcher.</summary>
        public void* FuncletRecords;
        /// <summary>Nonzero while the dispatcher runs (a fault then is fatal).</summary>
        public int Busy;
        public int Nesting;
        public bool ReportingUnhandled;
    }
}
