using System.Runtime;
using System.Runtime.CompilerServices;

namespace Dune.Runtime.ExceptionHandling
{
    /// <summary>The assembly half of dispatch (exceptions.S): calling funclets and resuming in another frame.</summary>
    internal static unsafe class Funclets
    {
        /// <summary>Runs a funclet of <paramref name="parent"/>; returns what it returns (resume address or filter verdict).</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneCallFunclet")]
        public static extern ulong Call(ulong funclet, object exception, RegisterContext* parent, ExInfo* info);

        /// <summary>Continues execution at <paramref name="address"/> with the frame's registers (rax = <paramref name="rax"/>); never returns.</summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneResume")]
        public static extern void Resume(RegisterContext* context, ulong address, ulong rax);

        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneFuncletReturnAddress")]
        private static extern ulong ReturnAddressOfCall();

        private static ulong s_returnAddress;

        /// <summary>The return address inside DuneCallFunclet: a frame returning there is a funclet the dispatcher called.</summary>
        public static ulong ReturnAddress => s_returnAddress != 0 ? s_returnAddress : (s_returnAddress = ReturnAddressOfCall());
    }
}
