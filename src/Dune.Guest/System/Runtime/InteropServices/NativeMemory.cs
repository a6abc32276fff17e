using Internal.Runtime;
using Internal.Runtime.Gc;

namespace System.Runtime.InteropServices
{
    /// <summary>
    /// Unmanaged memory (malloc/free semantics) from the runtime's own page allocator, not libc: blocks up to
    /// 32 KiB come from power-of-two size classes carved out of 256 KiB chunks and kept on free lists; larger
    /// blocks are mappings of their own. Every block starts with a 16-byte header holding its capacity, so
    /// Free and Realloc know the size and the payload stays 16-byte aligned.
    /// </summary>
    public static unsafe class NativeMemory
    {
        private const int HeaderSize = 16;
        private const int SmallestClassShift = 4, LargestClassShift = 15;
        private const nuint ChunkSize = 256 * 1024;

        private static void** s_freeLists;
        private static byte* s_chunkCursor, s_chunkEnd;

        public static void* Alloc(nuint byteCount)
        {
            void* p = Allocate(byteCount == 0 ? 1 : byteCount);
            if (p == null) throw new OutOfMemoryException();
            return p;
        }

        public static void* Alloc(nuint elementCount, nuint elementSize) => Alloc(checked(elementCount * elementSize));

        public static void* AllocZeroed(nuint byteCount)
        {
            void* p = Alloc(byteCount);
            Memory.Zero(p, byteCount);
            return p;
        }

        public static void* AllocZeroed(nuint elementCount, nuint elementSize) => AllocZeroed(checked(elementCount * elementSize));

        public static void Free(void* ptr)
        {
            if (ptr == null) return;
            nuint capacity = Capacity(ptr);
            byte* block = (byte*)ptr - HeaderSize;
            int cls = ClassOf(capacity + HeaderSize);
            if (cls < 0) { HostMemory.Unmap(block, capacity + HeaderSize); return; }
            *(void**)block = s_freeLists[cls];
            s_freeLists[cls] = block;
        }

        public static void* Realloc(void* ptr, nuint byteCount)
        {
            if (ptr == null) return Alloc(byteCount);
            nuint capacity = Capacity(ptr);
            if (byteCount <= capacity && byteCount != 0) return ptr;
            void* fresh = Alloc(byteCount);
            Memory.Move(fresh, ptr, capacity < byteCount ? capacity : byteCount);
            Free(ptr);
            return fresh;
        }

        public static void Clear(void* ptr, nuint byteCount) => Memory.Zero(ptr, byteCount);
        public static void Fill(void* ptr, nuint byteCount, byte value) => Memory.Set(ptr, value, byteCount);
        public static void Copy(void* source, void* destination, nuint byteCount) => Memory.Move(destination, source, byteCount);

        /// <summary>Aligned blocks over-allocate and keep the underlying block's address just below the payload.</summary>
        public static void* AlignedAlloc(nuint byteCount, nuint alignment)
        {
            if (alignment == 0 || (alignment & (alignment - 1)) != 0)
                throw new ArgumentException("The alignment must be a power of two.");
            byte* raw = (byte*)Alloc(checked(byteCount + alignment + (nuint)sizeof(void*)));
            byte* aligned = (byte*)(((nuint)raw + (nuint)sizeof(void*) + alignment - 1) & ~(alignment - 1));
            ((void**)aligned)[-1] = raw;
            return aligned;
        }

        public static void AlignedFree(void* ptr)
        {
            if (ptr != null) Free(((void**)ptr)[-1]);
        }

        public static void* AlignedRealloc(void* ptr, nuint byteCount, nuint alignment)
        {
            void* fresh = AlignedAlloc(byteCount, alignment);
            if (ptr != null)
            {
                byte* raw = (byte*)((void**)ptr)[-1];
                nuint available = Capacity(raw) - (nuint)((byte*)ptr - raw);
                Memory.Move(fresh, ptr, available < byteCount ? available : byteCount);
                AlignedFree(ptr);
            }
            return fresh;
        }

        private static nuint Capacity(void* ptr) => *(nuint*)((byte*)ptr - HeaderSize);

        /// <summary>Size class index for a block of <paramref name="blockSize"/> bytes, or -1 if it gets its own mapping.</summary>
        private static int ClassOf(nuint blockSize)
        {
            if (blockSize > (nuint)1 << LargestClassShift) return -1;
            int shift = System.Numerics.BitOperations.Log2(blockSize - 1) + 1;
            return shift < SmallestClassShift ? 0 : shift - SmallestClassShift;
        }

        private static void* Allocate(nuint byteCount)
        {
            if (byteCount > ~(nuint)0 >> 1) return null;
            nuint blockSize = byteCount + HeaderSize;
            int cls = ClassOf(blockSize);
            byte* block;
            if (cls < 0)
            {
                blockSize = HostMemory.RoundToPages(blockSize);
                block = (byte*)HostMemory.Map(blockSize);
                if (block == null) return null;
            }
            else
            {
                if (s_freeLists == null && !InitializeFreeLists()) return null;
                blockSize = (nuint)1 << (cls + SmallestClassShift);
                block = (byte*)s_freeLists[cls];
                if (block != null) s_freeLists[cls] = *(void**)block;
                else if ((block = Carve(blockSize)) == null) return null;
            }
            *(nuint*)block = blockSize - HeaderSize;
            return block + HeaderSize;
        }

        private static bool InitializeFreeLists()
        {
            s_freeLists = (void**)HostMemory.Map(HostMemory.PageSize);
            return s_freeLists != null;
        }

        private static byte* Carve(nuint blockSize)
        {
            if ((nuint)(s_chunkEnd - s_chunkCursor) < blockSize)
            {
                s_chunkCursor = (byte*)HostMemory.Map(ChunkSize);
                if (s_chunkCursor == null) return null;
                s_chunkEnd = s_chunkCursor + ChunkSize;
            }
            byte* block = s_chunkCursor;
            s_chunkCursor += blockSize;
            return block;
        }
    }
}
