using System.Runtime.CompilerServices;
using Internal.Runtime.Gc;

namespace System
{
    /// <summary>Counters of the collector, as <see cref="GC.GetHeapStatistics"/> reports them.</summary>
    public struct GCHeapStatistics
    {
        /// <summary>Bytes of heap memory currently mapped from the host (chunks and large-object mappings; the
        /// 4 MB chunk held in reserve for out-of-memory handling is not counted).</summary>
        public long MappedBytes;
        /// <summary>Bytes in objects that survived the last collection.</summary>
        public long LiveBytesAfterLastCollection;
        /// <summary>Bytes handed out since the process started (cell or mapping sizes).</summary>
        public long AllocatedBytesTotal;
        /// <summary>Bytes and objects reclaimed by all collections so far.</summary>
        public long FreedBytesTotal;
        public long FreedObjectsTotal;
        public int Collections;
    }

    /// <summary>The garbage collector: one generation, non-moving mark-sweep (see Runtime/Gc).</summary>
    public static class GC
    {
        public static int MaxGeneration => 0;

        public static void Collect() => GcHeap.Collect();

        public static void Collect(int generation)
        {
            if (generation < 0) ThrowHelpers.ThrowArgumentOutOfRangeException();
            GcHeap.Collect();
        }

        /// <summary>Collections of <paramref name="generation"/> so far; every collection is of generation 0.</summary>
        public static int CollectionCount(int generation)
        {
            if (generation < 0) ThrowHelpers.ThrowArgumentOutOfRangeException();
            return GcHeap.Collections;
        }

        /// <summary>Bytes thought to be allocated: exact right after a collection, which <paramref name="forceFullCollection"/> requests.</summary>
        public static long GetTotalMemory(bool forceFullCollection)
        {
            if (forceFullCollection) GcHeap.Collect();
            return (long)GcHeap.BytesInUse;
        }

        public static GCHeapStatistics GetHeapStatistics() => new GCHeapStatistics
        {
            MappedBytes = (long)GcHeap.MappedBytes,
            LiveBytesAfterLastCollection = (long)GcHeap.LiveBytesAfterLastCollection,
            AllocatedBytesTotal = (long)GcHeap.AllocatedBytesTotal,
            FreedBytesTotal = (long)GcHeap.FreedBytesTotal,
            FreedObjectsTotal = (long)GcHeap.FreedObjectsTotal,
            Collections = GcHeap.Collections,
        };

        /// <summary>Keeps <paramref name="obj"/> reachable up to the call: the call itself is the use.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        public static void KeepAlive(object obj) { }

        /// <summary>Finalizers never run, so there is nothing to suppress or re-register.</summary>
        public static void SuppressFinalize(object obj) { }
        public static void ReRegisterForFinalize(object obj) { }
    }
}
