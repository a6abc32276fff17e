using System.Runtime;
using System.Runtime.CompilerServices;

namespace Dune.Traps
{
    /// <summary>
    /// One catch-all ring-0 exception handler for vectors 0..31 (not NMI, #DF, #MC), asked after the vector's
    /// own <see cref="Traps"/> handler (if any) declined. Returning nonzero means handled: execution resumes at
    /// <see cref="TrapFrame.Rip"/> with the frame's registers; zero passes the exception on to the backend.
    /// It runs where <see cref="Traps"/> handlers run, with the same guarantees.
    /// </summary>
    public static unsafe class TrapHandler
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_set_trap_handler")]
        private static extern void Set(delegate* unmanaged<TrapFrame*, int> handler);

        public static void Install(delegate* unmanaged<TrapFrame*, int> handler) => Set(handler);

        public static void Remove() => Set(null);
    }
}
