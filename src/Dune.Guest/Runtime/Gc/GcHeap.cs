using Internal.Runtime.Statics;

namespace Internal.Runtime.Gc
{
    /// <summary>
    /// The managed heap: a non-moving mark-sweep collector. Allocate returns zeroed memory for an object of
    /// <c>size</c> bytes (BaseSize, which counts the 8-byte header that precedes the MethodTable pointer) and
    /// gives the object's address. A collection runs when the bytes allocated since the last one exceed a
    /// trigger proportional to the heap that survived it.
    /// </summary>
    internal static unsafe class GcHeap
    {
        /// <summary>Smallest trigger: small heaps are not collected over and over.</summary>
        private const nuint MinTrigger = 4 << 20;

        /// <summary>DUNE_GC_STRESS=N collects every N allocations: a test aid that makes roots the runtime
        /// forgot show up at once instead of by chance.</summary>
        private static nuint s_stressInterval;
        private static nuint s_allocationsSinceCollection;
        private static nuint s_allocatedSinceCollection;
        private static nuint s_trigger = MinTrigger;
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
            nuint tableBytes = HostMemory.RoundToPages(SizeClasses.TableBytes + SmallObjectSpace.StateBytes);
            byte* tables = (byte*)HostMemory.Map(tableBytes);
            if (tables == null) HostMemory.FailOutOfMemory();
            SmallObjectSpace.Initialize(tables);
            SizeClasses.Initialize(tables + SmallObjectSpace.StateBytes);
            SmallObjectSpace.TryMapReserve();
            s_stressInterval = StressInterval.FromEnvironment(System.Environment.s_envp);
            GcStatics.Initialize();
        }

        public static void* Allocate(nuint size)
        {
            size = size < SizeClasses.MinObjectSize ? SizeClasses.MinObjectSize : (size + 7) & ~(nuint)7;
            bool small = size <= SizeClasses.MaxSmallSize;
            int cls = small ? SizeClasses.ClassOf(size) : 0;
            nuint charged = small ? SizeClasses.CellSizes[cls] : LargeObjectSpace.MappingSize(size);
            if (s_allocatedSinceCollection + charged > s_trigger || (s_stressInterval != 0 && ++s_allocationsSinceCollection >= s_stressInterval))
                Collect();
            byte* cell = TryAllocate(small, cls, size);
            if (cell == null)
            {
                Collect();
                cell = TryAllocate(small, cls, size);
                if (cell == null) ThrowOutOfMemory();
            }
            if (small) Memory.Zero(cell, charged);
            s_allocatedSinceCollection += charged;
            AllocatedBytesTotal += charged;
            return cell + ObjectHeader.Size;
        }

        private static byte* TryAllocate(bool small, int cls, nuint size) =>
            small ? SmallObjectSpace.AllocateCell(cls) : LargeObjectSpace.Allocate(size);

        /// <summary>
        /// While code runs on a stack the roots do not cover (a signal handler on its alternate stack), its
        /// allocations only take memory: a collection there could not see the interrupted thread's references.
        /// </summary>
        public static void SuspendCollections() => s_suspended = true;

        public static void ResumeCollections() => s_suspended = false;

        /// <summary>Marks from the roots, sweeps both spaces and sets the next trigger.</summary>
        public static void Collect()
        {
            if (s_collecting || s_suspended) return;
            s_collecting = true;
            Marker.Begin();
            GcRoots.MarkAll();
            var result = new SweepResult();
            SmallObjectSpace.Sweep(ref result);
            LargeObjectSpace.Sweep(ref result);
            LiveBytesAfterLastCollection = result.LiveBytes;
            FreedBytesTotal += result.FreedBytes;
            FreedObjectsTotal += result.FreedObjects;
            Collections++;
            s_allocatedSinceCollection = 0;
            s_allocationsSinceCollection = 0;
            s_trigger = result.LiveBytes > MinTrigger ? result.LiveBytes : MinTrigger;
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
