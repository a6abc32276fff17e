using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using Dune.Platform;
using Internal.Runtime.Threads;

namespace Internal.Runtime
{
    /// <summary>
    /// Thread statics. ilc compiles [ThreadStatic] fields of the program into one storage object per thread
    /// whose address lives in the TLS variable tls_InlinedThreadStatics; code reaches it fs:-relative (the
    /// linker relaxes the accesses to local-exec). This class lays out each thread's area (its TLS block built
    /// from the linker's image, then the thread pointer, where the thread's <see cref="ThreadState"/> and its
    /// allocation runs sit), and allocates the storage objects on first use.
    /// </summary>
    internal static unsafe class ThreadStatics
    {
        private const int ArchSetFs = 0x1002;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneTlsImage")]
        private static extern TlsImage* Image();

        /// <summary>Bytes of the TLS block, a multiple of its alignment (at least 16) so the thread pointer is aligned.</summary>
        private static nuint BlockBytes
        {
            get
            {
                TlsImage* image = Image();
                nuint align = image->Align < 16 ? 16 : image->Align;
                return (image->MemSize + align - 1) & ~(align - 1);
            }
        }

        /// <summary>Bytes of a thread's area: TLS block, <see cref="ThreadState"/>, allocation runs.</summary>
        public static nuint AreaBytes => BlockBytes + (nuint)sizeof(ThreadState) + Gc.SmallObjectSpace.RunsBytes;

        /// <summary>
        /// Lays out a thread's area in <paramref name="area"/> (<see cref="AreaBytes"/> zeroed bytes, aligned like the
        /// TLS image): copies .tdata, and returns the thread state, which is also the thread pointer (FS base).
        /// </summary>
        public static ThreadState* CreateArea(byte* area)
        {
            TlsImage* image = Image();
            Memory.Move(area, image->Start, image->FileSize);
            var state = (ThreadState*)(area + BlockBytes);
            state->Self = state;
            state->Runs = (Gc.AllocationRun*)(state + 1);
            state->TlsBlock = area;
            return state;
        }

        /// <summary>The main thread's area, with FS pointing at it: before anything allocates or touches a thread
        /// static. <paramref name="stackTop"/> bounds the stack the program started on.</summary>
        public static void InitializeMainThread(void* stackTop)
        {
            // mmap memory is page-aligned and zeroed: .tbss needs no clearing.
            byte* area = (byte*)Linux.Mmap(null, AreaBytes, Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous);
            if (area == null) Dune.Runtime.Fatal.Exit("fatal runtime error: cannot allocate the TLS block", Dune.Runtime.ExitCodes.RuntimeFailure);
            ThreadState* main = CreateArea(area);
            main->StackTop = (nuint)stackTop;
            main->Tid = Linux.GetTid();
            main->ManagedThreadId = 1;
            if (Syscall.Invoke(SyscallNumber.ArchPrctl, ArchSetFs, (long)main) != 0) Dune.Runtime.Fatal.Exit("fatal runtime error: arch_prctl(ARCH_SET_FS) failed", Dune.Runtime.ExitCodes.RuntimeFailure);
            ThreadState.MainThreadReady = true;
        }

        /// <summary>First thread-static access of this thread: allocate the storage object (type: region
        /// ThreadStaticRegion entry 0) and publish it in the TLS slot ilc reads.</summary>
        internal static object GetInlinedThreadStaticBaseSlow(ref object threadStorage)
        {
            object storage = AllocateStorage(0);
            threadStorage = storage;
            return storage;
        }

        /// <summary>Thread statics ilc does not inline (e.g. of generic types): one storage object per type
        /// index, kept in a per-thread array.</summary>
        internal static object GetThreadStaticBaseForType(TypeManagerSlot* moduleData, int typeTlsIndex)
        {
            object[] storage = t_storage;
            if (storage == null || storage.Length <= typeTlsIndex)
            {
                object[] larger = new object[typeTlsIndex + 8];
                if (storage != null) Array.Copy(storage, larger, storage.Length);
                t_storage = storage = larger;
            }
            return storage[typeTlsIndex] ??= AllocateStorage(typeTlsIndex);
        }

        [ThreadStatic] private static object[] t_storage;

        private static object AllocateStorage(int typeTlsIndex)
        {
            if (!Modules.TryGetSection(ModuleSection.ThreadStaticRegion, out byte* start, out byte* end) || start + (typeTlsIndex + 1) * sizeof(MethodTable*) > end)
                ThrowHelpers.FailFast("thread static storage type missing");
            return Allocator.NewObject(((MethodTable**)start)[typeTlsIndex]);
        }

        private struct TlsImage
        {
            public byte* Start;
            public nuint FileSize;
            public nuint MemSize;
            public nuint Align;
        }
    }

    /// <summary>What ilc passes to GetThreadStaticBaseForType: the module's type manager and its index.</summary>
    internal struct TypeManagerSlot
    {
        public IntPtr TypeManager;
        public int ModuleIndex;
    }
}
