using System;
using System.Runtime;
using System.Runtime.CompilerServices;
using Dune.Platform;

namespace Internal.Runtime
{
    /// <summary>
    /// Thread statics. ilc compiles [ThreadStatic] fields of the program into one storage object per thread
    /// whose address lives in the TLS variable tls_InlinedThreadStatics; code reaches it fs:-relative (the
    /// linker relaxes the accesses to local-exec). This class builds the thread's TLS block from the linker's
    /// image and points FS at it, and allocates the storage objects on first use.
    /// </summary>
    internal static unsafe class ThreadStatics
    {
        private const int ArchSetFs = 0x1002;
        /// <summary>Bytes above the thread pointer: the TCB, whose first word points to itself (ABI).</summary>
        private const int ControlBlockSize = 64;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneTlsImage")]
        private static extern TlsImage* Image();

        /// <summary>The thread pointer (FS base) of the main thread; in Dune mode the backend loads it into FS_BASE.</summary>
        public static void* ThreadPointer { get; private set; }

        /// <summary>Start of the TLS block [BlockStart, ThreadPointer), a GC root range: it holds the pointers to the
        /// thread's storage objects.</summary>
        public static void* BlockStart { get; private set; }

        /// <summary>Builds the main thread's TLS block, registers it with the GC and sets the FS base to it. Call after
        /// the heap exists and before any thread static is used.</summary>
        public static void Initialize()
        {
            TlsImage* image = Image();
            nuint align = image->Align < 16 ? 16 : image->Align;
            nuint blockSize = (image->MemSize + align - 1) & ~(align - 1);
            // mmap memory is page-aligned and zeroed: .tbss needs no clearing and the thread pointer is aligned.
            byte* block = (byte*)Linux.Mmap(null, blockSize + ControlBlockSize, Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous);
            if (block == null) ThrowHelpers.FailFast("cannot allocate the TLS block");
            Memory.Move(block, image->Start, image->FileSize);
            byte* threadPointer = block + blockSize;
            *(byte**)threadPointer = threadPointer;
            if (Syscall.Invoke(SyscallNumber.ArchPrctl, ArchSetFs, (long)threadPointer) != 0) ThrowHelpers.FailFast("arch_prctl(ARCH_SET_FS) failed");
            BlockStart = block;
            ThreadPointer = threadPointer;
            Gc.GcRoots.AddRange(block, threadPointer);
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
