#if !DUNE_HOSTED_TESTS
using Dune.Traps;

namespace Dune.Memory
{
    public static unsafe partial class CopyOnWrite
    {
        private static int s_faultsResolved;
        private static delegate*<ref TrapFrame, TrapAction> s_replaced;

        /// <summary>Copy-on-write faults <see cref="HandleFault"/> has resolved so far.</summary>
        public static int FaultsResolved => s_faultsResolved;

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
            s_faultsResolved++;
            return true;
        }

        /// <summary>
        /// Makes <see cref="HandleFault"/> the page-fault handler (<see cref="Traps.Traps.Register"/>):
        /// copy-on-write faults are resolved and the write retried, everything else goes to the handler it
        /// replaced, if any, else to the backend. <see cref="RemoveFaultHandler"/> puts the replaced one back.
        /// </summary>
        public static void InstallFaultHandler() => s_replaced = Traps.Traps.Register(Vector.PageFault, &OnPageFault);

        /// <summary>Puts back the page-fault handler that <see cref="InstallFaultHandler"/> replaced.</summary>
        public static void RemoveFaultHandler() => Traps.Traps.Register(Vector.PageFault, s_replaced);

        private static TrapAction OnPageFault(ref TrapFrame frame)
        {
            if (HandleFault(frame.Cr2, frame.ErrorCode)) return TrapAction.Resume;
            return s_replaced != null ? s_replaced(ref frame) : TrapAction.Terminate;
        }
    }
}
#endif
