#if !DUNE_HOSTED_TESTS
namespace Dune.Memory
{
    public static unsafe partial class CopyOnWrite
    {
        /// <summary>
        /// The policy as a ring-0 page-fault handler: resolves a write to a copy-on-write page of the current
        /// address space (<see cref="VirtualMemory"/> must be initialized) and invalidates the page, so retrying
        /// the write succeeds. False when the fault is not copy-on-write or no page was left for the copy.
        /// Allocation-free, so it may run from a trap handler.
        /// </summary>
        public static bool HandleFault(ulong cr2, ulong errorCode)
        {
            if (!VirtualMemory.IsInitialized) return false;
            AddressSpace current = VirtualMemory.Current;
            FaultResolution r = Resolve(ref current, VirtualMemory.Pages, cr2, errorCode);
            if (r != FaultResolution.MadeWritable && r != FaultResolution.Copied) return false;
            Tlb.Invalidate(cr2);
            return true;
        }
    }
}
#endif
