#if !DUNE_HOSTED_TESTS
using System.Runtime.InteropServices;
using Dune.Cpu;
using Dune.Traps;

namespace Dune.Memory
{
    public static unsafe partial class CopyOnWrite
    {
        private static int s_faultsResolved;

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
        /// Makes <see cref="HandleFault"/> the program's ring-0 exception handler (<see cref="TrapHandler"/>, one
        /// slot): copy-on-write faults are resolved and the write retried, everything else goes on to the
        /// backend. A program with its own handler calls <see cref="HandleFault"/> from it instead.
        /// </summary>
        public static void InstallFaultHandler() => TrapHandler.Install(&OnTrap);

        public static void RemoveFaultHandler() => TrapHandler.Remove();

        [UnmanagedCallersOnly]
        private static int OnTrap(TrapFrame* frame) =>
            frame->Vector == ExceptionVectors.PageFault && HandleFault(frame->Cr2, frame->ErrorCode) ? 1 : 0;
    }
}
#endif
