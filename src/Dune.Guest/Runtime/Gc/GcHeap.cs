using System.Runtime;
using System.Runtime.CompilerServices;
using Internal.Runtime.Statics;
using Internal.Runtime.Threads;

namespace Internal.Runtime.Gc
{
    /// <summary>
    /// The managed heap: a non-moving, generational mark-sweep collector shared by all threads. Each thread
    /// allocates from runs of its own without a lock; the heap lock guards the rest. A collection stops every
    /// other thread and scans all their stacks and registers. A collection runs when the bytes allocated since the last one
    /// exceed the young budget, or those of large objects the (smaller) large budget. It is minor (small objects that
    /// survived two collections, and large ones that survived one, are old: not traced, not freed; old objects the
    /// write barriers saw written are roots) unless what survived has grown to one and a half times what the last
    /// major collection left, or the program asked for it (GC.Collect): then it is major, and everything it keeps is old.
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
        private static bool s_throwingOutOfMemory;
        /// <summary>Guards the heap's shared state (free blocks, partial lists, large objects, counters) and the
        /// thread list: taken to start an allocation run, for large objects and for the whole of a collection.</summary>
        private static FutexLock s_lock;

        public static nuint LiveBytesAfterLastCollection { get; private set; }
        public static ulong AllocatedBytesTotal { get; private set; }
        public static ulong FreedBytesTotal { get; private set; }
        public static ulong FreedObjectsTotal { get; private set; }
        public static int Collections { get; private set; }
        public static nuint MappedBytes => SmallObjectSpace.MappedBytes + LargeObjectSpace.MappedBytes;
        /// <summary>Bytes in objects that may be live: what survived the last collection plus what came since.</summary>
        public static nuint BytesInUse => LiveBytesAfterLastCollection + s_allocatedSinceCollection;

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneGcAlloc")]
        private static extern void* AllocateFast(nuint size, MethodTable* mt, uint length);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneGcRunOffsets")]
        private static extern ushort* FastPathRunOffsets();

        /// <summary>Start-up, before anything allocates and after the main thread's state exists: the collector's
        /// tables, the main thread's allocation runs, then the GC statics it roots.</summary>
        public static void Initialize()
        {
            ChunkMap.Initialize();
            nuint tableBytes = HostMemory.RoundToPages(SizeClasses.TableBytes + SmallObjectSpace.StateBytes);
            byte* tables = (byte*)HostMemory.Map(tableBytes);
            if (tables == null) HostMemory.FailOutOfMemory();
            SizeClasses.Initialize(tables + SmallObjectSpace.StateBytes);
            SmallObjectSpace.Initialize(tables);
            SmallObjectSpace.TryMapReserve();
            ThreadState* main = ThreadState.Current;
            SmallObjectSpace.InitializeRuns(main->Runs);
            ThreadList.Add(main);
            s_stressInterval = StressInterval.FromEnvironment(System.Environment.s_envp);
            // Under stress every allocation takes the slow path, which counts them.
            SizeClasses.FillRunOffsets(FastPathRunOffsets(), slowPathOnly: s_stressInterval != 0);
            GcStatics.Initialize();
        }

        /// <summary>A new thread's allocation runs (its state is not registered yet: no lock needed).</summary>
        public static void InitializeThread(ThreadState* thread) => SmallObjectSpace.InitializeRuns(thread->Runs);

        /// <summary>
        /// Zeroed memory for an object of <c>size</c> bytes (BaseSize, which counts the 8-byte header that
        /// precedes the MethodTable pointer) with its MethodTable and, for arrays and strings, its length already
        /// written; returns the object's address. The fast path (Intrinsics/threads.S) bumps through the calling
        /// thread's allocation run; everything else is <see cref="AllocateSlow"/>.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static void* Allocate(nuint size, MethodTable* mt, uint length) => AllocateFast(size, mt, length);

        /// <summary>A new run, a large object, a collection or stress mode: under the heap lock.</summary>
        [RuntimeExport("DuneGcAllocSlow")]
        private static void* AllocateSlow(nuint size, MethodTable* mt, uint length)
        {
            s_lock.Enter();
            byte* cell = AllocateLocked(size);
            if (cell != null)
            {
                // Written before the lock is released: a collection must never see an object without its type.
                *(MethodTable**)(cell + ObjectHeader.Size) = mt;
                *(uint*)(cell + ObjectHeader.Size + sizeof(nuint)) = length;
            }
            s_lock.Exit();
            if (cell == null) ThrowOutOfMemory();
            return cell + ObjectHeader.Size;
        }

        /// <summary>The cell (header included) for an object of <paramref name="size"/> bytes, or null if the host refused memory.</summary>
        private static byte* AllocateLocked(nuint size)
        {
            if (s_stressInterval != 0 && ++s_allocationsSinceCollection >= s_stressInterval)
                Collect(major: Collections % StressMajorEvery == 0);
            if (size > SizeClasses.MaxSmallSize) return AllocateLarge(size);
            size = size < SizeClasses.MinObjectSize ? SizeClasses.MinObjectSize : (size + 7) & ~(nuint)7;
            int cls = SizeClasses.ClassOf(size);
            AllocationRun* state = ThreadState.Current->Runs + cls;
            if (state->Next + state->CellSize > state->End && !SmallObjectSpace.ExtendRun(state))
            {
                if (s_allocatedSinceCollection > YoungBudget) CollectForAllocation();
                nuint run = SmallObjectSpace.Refill(state, cls);
                if (run == 0)
                {
                    CollectForLackOfMemory();
                    run = SmallObjectSpace.Refill(state, cls);
                    if (run == 0) return null;
                }
                s_allocatedSinceCollection += run;
                AllocatedBytesTotal += run;
            }
            byte* cell = state->Next;
            state->Next = cell + state->CellSize;
            return cell;
        }

        /// <summary>Objects above the small sizes: a zeroed mapping of their own.</summary>
        private static byte* AllocateLarge(nuint size)
        {
            nuint charged = LargeObjectSpace.MappingSize(size);
            if (s_allocatedSinceCollection + charged > YoungBudget || s_largeAllocatedSinceCollection + charged > LargeBudget) CollectForAllocation();
            byte* start = LargeObjectSpace.Allocate(size);
            if (start == null)
            {
                CollectForLackOfMemory();
                start = LargeObjectSpace.Allocate(size);
                if (start == null) return null;
            }
            s_allocatedSinceCollection += charged;
            s_largeAllocatedSinceCollection += charged;
            AllocatedBytesTotal += charged;
            return start;
        }

        /// <summary>
        /// While the calling thread runs code on a stack the roots do not cover (a signal handler on its alternate
        /// stack), its allocations only take memory: a collection there could not see the interrupted code's references.
        /// </summary>
        public static void SuspendCollections() => ThreadState.Current->CollectionsSuspended++;

        public static void ResumeCollections() => ThreadState.Current->CollectionsSuspended--;

        /// <summary>A full collection: everything unreachable is freed.</summary>
        public static void Collect()
        {
            s_lock.Enter();
            Collect(major: true);
            s_lock.Exit();
        }

        /// <summary>Thread start and exit change the set of roots: under the heap lock, so never during a collection.</summary>
        public static void Lock() => s_lock.Enter();

        public static void Unlock() => s_lock.Exit();

        /// <summary>A thread leaves for good (heap lock held): its unused runs are free again and it is no root any more.</summary>
        public static void RetireThread(ThreadState* thread)
        {
            AllocatedBytesTotal -= SmallObjectSpace.RetireRuns(thread->Runs);
            ThreadList.Remove(thread);
        }

        /// <summary>The young budget is used up: minor, unless the old objects have grown too much.</summary>
        private static void CollectForAllocation() => Collect(major: LiveBytesAfterLastCollection > s_majorThreshold);

        /// <summary>The host refused memory: free all that can be freed and give cached mappings back.</summary>
        private static void CollectForLackOfMemory()
        {
            Collect(major: true);
            LargeObjectSpace.DropCache();
        }

        /// <summary>
        /// With the heap lock held: stops every other thread (Threads/Suspension), marks from the roots of all
        /// threads (and, for a minor collection, the remembered set), sweeps both spaces and lets the threads go on.
        /// </summary>
        private static void Collect(bool major)
        {
            if (s_collecting || ThreadState.Current->CollectionsSuspended != 0) return;
            s_collecting = true;
            Suspension.StopOthers();
            for (ThreadState* t = ThreadList.Head; t != null; t = t->Next)
                AllocatedBytesTotal -= SmallObjectSpace.RetireRuns(t->Runs);
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
            SmallObjectSpace.Sweep(ref result, spareChunks: YoungBudget / SmallObjectSpace.ChunkSize + 1, promoteAll: major);
            LargeObjectSpace.Sweep(ref result);
            LiveBytesAfterLastCollection = result.LiveBytes;
            if (major)
            {
                // 1.5x rather than 2x: old garbage (a big structure that died after being promoted) goes sooner; at
                // binary trees 18 peak RSS 58.6 -> 53.4 MB for 5% more instructions, and LINQ 200 gains on both.
                nuint grown = result.LiveBytes + result.LiveBytes / 2;
                s_majorThreshold = grown > MinMajorThreshold ? grown : MinMajorThreshold;
            }
            FreedBytesTotal += result.FreedBytes;
            FreedObjectsTotal += result.FreedObjects;
            Collections++;
            s_allocatedSinceCollection = 0;
            s_largeAllocatedSinceCollection = 0;
            s_allocationsSinceCollection = 0;
            SmallObjectSpace.TryMapReserve();
            Suspension.ResumeOthers();
            s_collecting = false;
        }

        /// <summary>
        /// The exception object and its dispatch need memory too, so the reserve chunk joins the heap first. If
        /// there is no reserve, or allocating the exception fails anyway, the process ends with a message.
        /// </summary>
        private static void ThrowOutOfMemory()
        {
            s_lock.Enter();
            bool released = SmallObjectSpace.ReleaseReserve();
            s_lock.Exit();
            if (s_throwingOutOfMemory || !released)
                Dune.Runtime.Fatal.Exit("fatal runtime error: out of memory", Dune.Runtime.ExitCodes.RuntimeFailure);
            s_throwingOutOfMemory = true;
            var exception = new System.OutOfMemoryException();
            s_throwingOutOfMemory = false;
            throw exception;
        }
    }
}
