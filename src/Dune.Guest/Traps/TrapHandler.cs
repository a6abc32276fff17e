using System.Runtime;
using System.Runtime.CompilerServices;

namespace Dune.Traps
{
    /// <summary>
    /// A program's own ring-0 exception handler (Dune mode only). The trap entry calls it for every vector
    /// 0..31 before the backend sees the exception; returning nonzero means handled: execution resumes at
    /// <see cref="TrapFrame.Rip"/> with the frame's registers (change them to redirect). Returning zero
    /// passes the exception on (the KVM backend resolves or reports it).
    /// It runs with interrupts off on the 16 KiB trap stack, which a nested exception would reuse: it must
    /// not fault, allocate or throw. System calls are fine. SSE state is saved around it (not AVX's upper
    /// halves: runtime code does not use AVX).
    /// </summary>
    public static unsafe class TrapHandler
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_set_trap_handler")]
        private static extern void Set(delegate* unmanaged<TrapFrame*, int> handler);

        public static void Install(delegate* unmanaged<TrapFrame*, int> handler) => Set(handler);

        public static void Remove() => Set(null);
    }
}
