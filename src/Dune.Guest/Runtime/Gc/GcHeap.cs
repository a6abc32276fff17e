using Dune.Platform;

namespace Internal.Runtime.Gc
{
    /// <summary>
    /// The managed heap. Allocate returns zeroed memory for an object of <c>size</c> bytes (BaseSize, which
    /// counts the 8-byte header that precedes the MethodTable pointer) and gives the object's address.
    /// </summary>
    internal static unsafe class GcHeap
    {
        private const nuint ChunkSize = 1 << 20;
        private static byte* s_next, s_end;

        public static void* Allocate(nuint size)
        {
            if (s_next + size > s_end)
            {
                nuint chunk = size > ChunkSize ? (size + 0xFFFF) & ~(nuint)0xFFFF : ChunkSize;
                s_next = (byte*)Linux.Mmap(null, chunk, Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous);
                if (s_next == null) System.ThrowHelpers.FailFast("out of memory");
                s_end = s_next + chunk;
            }
            byte* obj = s_next + 8;
            s_next += size;
            return obj;
        }
    }
}
