using System.Runtime.InteropServices;

namespace Dune.Cpu
{
    /// <summary>
    /// A CPU's system call on its way to the host: the guest's hypercall stub stores the kernel-order registers
    /// here before it leaves the guest and reads the result back; the host half sees the block at the same address.
    /// </summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct HypercallBlock
    {
        public long Nr, A0, A1, A2, A3, A4, A5, Result;
        /// <summary>Set by the host after it changed page-table entries: the guest stub reloads CR3.</summary>
        public long FlushTlb;
        /// <summary>The guest's TrapFrame* of an exception the guest did not handle (the fault report exit).</summary>
        public ulong FaultFrame;
    }
}
