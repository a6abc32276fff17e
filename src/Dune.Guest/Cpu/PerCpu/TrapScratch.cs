using System.Runtime.InteropServices;

namespace Dune.Cpu
{
    /// <summary>The trap entry's (traps.S) own per-CPU state.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct TrapScratch
    {
        /// <summary>XCR0 components the FPU area saves (x87|SSE|AVX as enabled).</summary>
        public ulong XsaveMask;
        /// <summary>0 not yet known, 1 FXSAVE, 2 XSAVE: decided on the first trap (reading CR4 may exit to the host).</summary>
        public byte FpuMode;
        /// <summary>Nonzero while a frame is being moved to the interrupted stack: a fault then goes straight to the backend.</summary>
        public byte Moving;
    }
}
