using System.Runtime.CompilerServices;
using Internal.Runtime.Statics;

namespace Internal.Runtime.Gc
{
    /// <summary>
    /// The managed heap: a non-moving, generational mark-sweep collector. Allocate returns zeroed memory for an
    /// object of <c>size</c> bytes (BaseSize, which counts the 8-byte header that precedes the MethodTable
    /// pointer) and gives the object's address. A collection runs when the bytes allocated since the last one
    /// exceed the young budget, or those of large objects the (smaller) large budget. It is minor (objects that survived a collection are old: not traced, not freed;
    /// old objects the write barriers saw written are roots) unless the old objects have grown to twice what
    /// the last major collection left, or the program asked for it (GC.Collect): then it is major.
    /// </summary>
    internal static unsafe class GcHeap
    {
        /// <summary>Bytes allocated between two collections: the young generation's size.</summary>
        private const nuint YoungBudget = 8 << 20;
        /// <summary>Bytes of large objects allocated between two collections: growing tables and buffers leave their
        /// old arrays dead at once, and each is resident until a collection unmaps it.</summary>
        private const nuint LargeBudget = 1 << 20;
        /// <summary>Old bytes below which no collection needs to be major.</summary>
        private const nuint MinMajorThreshold = 8 << 20;
        /// <summary>Under DUNE_GC_STRESS every this many collections is major; the others test the remembered set.</summary>
        private const int StressMajorEvery = 4;

        /// <summary>DUNE_GC_STRESS=N collects every N allocations: a test aid that makes roots the runtime
        /// forgot show up at once instead of by chance.</summary>
        private static nuint s_stressInterval;
        private static nuint s_allocationsSinceCollection;
        private static nuint s_allocatedSinceCollection;
        private static nuint s_largeAllocatedSinceCollection;
        private static nuint s_majorThreshold = MinMajorThreshold;
        private static bool s_collecting;
        private static bool s_suspended;
        private static bool s_throwingOutOfMemory;

        public static nuint LiveBytesAfterLastCollection { get; private set; }
        public static ulong AllocatedBytesTotal { get; private set; }
        public static ulong FreedBytesTotal { get; private set; }
        public static ulong FreedObjectsTotal { get; private set; }
        public static int Collections { get; private set; }
        public static nuint MappedBytes => SmallObjectSpace.MappedBytes + LargeObjectSpace.MappedBytes;
        /// <summary>Bytes in objects that may be live: what survived the last collection plus what came since.</summary>
        public static nuint BytesInUse => LiveBytesAfterLastCollection + s_allocatedSinceCollection;

        /// <summary>Start-up, before anything allocates: the collector's tables, then the GC statics it roots.</summary>
        public static void Initialize(void* stackTop)
        {
            GcRoots.SetStackTop(stackTop);
            ChunkMap.Initialize();
            nuint tableBytes = HostMemory.RoundToPages(SizeClasses.TableBytes + SmallObjectSpace.StateBytes);
            byte* tables = (byte*)HostMemory.Map(tableBytes);
            if (tables == null) HostMemory.FailOutOfMemory();
            SizeClasses.Initialize(tables + SmallObjectSpace.StateBytes);
            SmallObjectSpace.Initialize(tables);
            SmallObjectSpace.TryMapReserve();
            s_stressInterval = StressInterval.FromEnvironment(System.Environment.s_envp);
            GcStatics.Initialize();
        }

        /// <summary>
        /// The allocation fast path: bump through the size class's run of zeroed cells. Everything else (a new
        /// run, large objects, collections, stress mode) is in <see cref="AllocateSlow"/>.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void* Allocate(nuint size)
        {
            if (size <= SizeClasses.MaxSmallSize && s_stressInterval == 0)
            {
                SmallObjectSpace.ClassState* state = SmallObjectSpace.Classes + SizeClasses.ClassOf(size);
                byte* cell = state->BumpNext;
                if (cell + state->CellSize <= state->BumpEnd)
                {
                    state->BumpNext = cell + state->CellSize;
                    return cell + ObjectHeader.Size;
                }
            }
            return AllocateSlow(size);
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static void* AllocateSlow(nuint size)
        {
            if (s_stressInterval != 0 && ++s_allocationsSinceCollection >= s_stressInterval)
                Collect(major: Collections % StressMajorEvery == 0);
            if (size > SizeClasses.MaxSmallSize) return AllocateLarge(size);
            size = size < SizeClasses.MinObjectSize ? SizeClasses.MinObjectSize : (size + 7) & ~(nuint)7;
            int cls = SizeClasses.ClassOf(size);
            SmallObjectSpace.ClassState* state = SmallObjectSpace.Classes + cls;
            if (state->BumpNext + state->CellSize > state->BumpEnd)
            {
                if (s_allocatedSinceCollection > YoungBudget) CollectForAllocation();
                nuint run = SmallObjectSpace.Refill(cls);
                if (run == 0)
                {
                    CollectForLackOfMemory();
                    run = SmallObjectSpace.Refill(cls);
                    if (run == 0) ThrowOutOfMemory();
                }
                s_allocatedSinceCollection += run;
                AllocatedBytesTotal += run;
            }
            byte* cell = state->BumpNext;
            state->BumpNext = cell + state->CellSize;
            return cell + ObjectHeader.Size;
        }

        /// <summary>Objects above the small sizes: a zeroed mapping of their own.</summary>
        private static void* AllocateLarge(nuint size)
        {
            nuint charged = LargeObjectSpace.MappingSize(size);
            if (s_allocatedSinceCollection + charged > YoungBudget || s_largeAllocatedSinceCollection + charged > LargeBudget) CollectForAllocation();
            byte* start = LargeObjectSpace.Allocate(size);
            if (start == null)
            {
                CollectForLackOfMemory();
                start = LargeObjectSpace.Allocate(size);
                if (start == null) ThrowOutOfMemory();
            }
            s_allocatedSinceCollection += charged;
            s_largeAllocatedSinceCollection += charged;
            AllocatedBytesTotal += charged;
            return start + ObjectHeader.Size;
        }

        /// <summary>
        /// While code runs on a stack the roots do not cover (a signal handler on its alternate stack), its
        /// allocations only take memory: a collection there could not see the interrupted thread's references.
        /// </summary>
        public static void SuspendCollections() => s_suspended = true;

        public static void ResumeCollections() => s_suspended = false;

        /// <summary>A full collection: everything unreachable is freed.</summary>
        public static void Collect() => Collect(major: true);

        /// <summary>The young budget is used up: minor, unless the old objects have grown too much.</summary>
        private static void CollectForAllocation() => Collect(major: LiveBytesAfterLastCollection > s_majorThreshold);

        /// <summary>The host refused memory: free all that can be freed and give cached mappings back.</summary>
        private static void CollectForLackOfMemory()
        {
            Collect(major: true);
            LargeObjectSpace.DropCache();
        }

        /// <summary>Marks from the roots (and, for a minor collection, the remembered set), then sweeps both spaces.</summary>
        private static void Collect(bool major)
        {
            if (s_collecting || s_suspended) return;
            s_collecting = true;
            AllocatedBytesTotal -= SmallObjectSpace.RetireRuns();
            Marker.Begin();
            if (major)
            {
                SmallObjectSpace.ClearMarksAndCards();
                LargeObjectSpace.ClearMarks();
            }
            else
            {
                SmallObjectSpace.ScanDirtyCards();
                LargeObjectSpace.ScanOld();
            }
            GcRoots.MarkAll();
            var result = new SweepResult();
            SmallObjectSpace.Sweep(ref result, spareChunks: YoungBudget / SmallObjectSpace.ChunkSize + 1);
            LargeObjectSpace.Sweep(ref result);
            LiveBytesAfterLastCollection = result.LiveBytes;
            if (major) s_majorThreshold = 2 * result.LiveBytes > MinMajorThreshold ? 2 * result.LiveBytes : MinMajorThreshold;
            FreedBytesTotal += result.FreedBytes;
            FreedObjectsTotal += result.FreedObjects;
            Collections++;
            s_allocatedSinceCollection = 0;
            s_largeAllocatedSinceCollection = 0;
            s_allocationsSinceCollection = 0;
            SmallObjectSpace.TryMapReserve();
            s_collecting = false;
        }

        /// <summary>
        /// The exception object and its dispatch need memory too, so the reserve chunk joins the heap first. If
        /// there is no reserve, or allocating the exception fails anyway, the process ends with a message.
        /// </summary>
        private static void ThrowOutOfMemory()
        {
            if (s_throwingOutOfMemory || !SmallObjectSpace.ReleaseReserve())
                Dune.Runtime.Fatal.Exit("fatal runtime error: out of memory", Dune.Runtime.ExitCodes.RuntimeFailure);
            s_throwingOutOfMemory = true;
            var exception = new System.OutOfMemoryException();
            s_throwingOutOfMemory = false;
            throw exception;
        }
    }
}
