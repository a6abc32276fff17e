using System.Runtime;
using System.Runtime.CompilerServices;

namespace Dune.Backends
{
    /// <summary>
    /// The guest code that runs in ring 0 with part of another context still loaded: the trap entry and exit (traps.S:
    /// ring 3's GS and FS base before its SWAPGS, the frame still on the trap stack its IST reuses), the ring-3
    /// crossings (usermode.S: ring 3's GS base, FS base, CR3 or stack) and the fault-report hooks (on the trap frame).
    /// dune.ld gathers it in one range. A delivery injected there would run C# with that context and overwrite a
    /// frame in use, so neither host half delivers while the vCPU stopped inside it (<see cref="DeliveryRetry"/>).
    /// </summary>
    internal static unsafe class CrossingCode
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_crossing_range")]
        private static extern ulong Range(ulong* end);

        public static bool Contains(ulong rip)
        {
            ulong end;
            ulong start = Range(&end);
            return rip >= start && rip < end;
        }
    }
}
