using Dune.Platform;
using Internal.Runtime;

namespace System.Runtime
{
    /// <summary>
    /// Resolved generic virtual calls by (receiver type, method handle): a fixed bucket array of chained entries in
    /// mmap'ed memory (never freed; the set of pairs a program uses is bounded by its call sites and types). Added
    /// to under <see cref="DispatchLock"/>; an entry is complete before it is linked in, so Find needs no lock.
    /// </summary>
    internal static unsafe class GvmCache
    {
        private struct Entry
        {
            public MethodTable* Type;
            public GvmMethodHandle* Method;
            public IntPtr Target;
            public Entry* Next;
        }

        private const int BucketCount = 1024;
        private const nuint ChunkSize = 64 * 1024;
        private static Entry** s_buckets;
        private static byte* s_next, s_end;

        public static IntPtr Find(MethodTable* type, GvmMethodHandle* method)
        {
            if (s_buckets == null) return IntPtr.Zero;
            for (Entry* e = s_buckets[Bucket(type, method)]; e != null; e = e->Next)
                if (e->Type == type && e->Method == method) return e->Target;
            return IntPtr.Zero;
        }

        public static void Add(MethodTable* type, GvmMethodHandle* method, IntPtr target)
        {
            if (s_buckets == null) s_buckets = (Entry**)Allocate((nuint)(BucketCount * sizeof(Entry*)));
            Entry* e = (Entry*)Allocate((nuint)sizeof(Entry));
            e->Type = type;
            e->Method = method;
            e->Target = target;
            int b = Bucket(type, method);
            e->Next = s_buckets[b];
            // Release: a thread in Find that reaches the entry sees it whole.
            System.Threading.Volatile.Write(ref *(IntPtr*)&s_buckets[b], (IntPtr)e);
        }

        /// <summary>Zeroed memory that lives as long as the process (cache entries, fat-pointer cells).</summary>
        public static void* Allocate(nuint size)
        {
            DispatchLock.Enter();
            void* p = AllocateLocked(size);
            DispatchLock.Exit();
            return p;
        }

        private static void* AllocateLocked(nuint size)
        {
            size = (size + 15) & ~(nuint)15;
            if (s_next + size > s_end)
            {
                nuint chunk = size > ChunkSize ? size : ChunkSize;
                s_next = (byte*)Linux.Mmap(null, chunk, Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous);
                if (s_next == null) ThrowHelpers.FailFast("out of memory for generic virtual method caches");
                s_end = s_next + chunk;
            }
            void* p = s_next;
            s_next += size;
            return p;
        }

        private static int Bucket(MethodTable* type, GvmMethodHandle* method) =>
            (int)((((ulong)type >> 4) ^ ((ulong)method >> 3)) & (BucketCount - 1));
    }
}
