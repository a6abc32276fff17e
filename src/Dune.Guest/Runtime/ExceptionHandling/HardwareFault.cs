using System;
using System.Runtime;

namespace Dune.Runtime.ExceptionHandling
{
    /// <summary>CPU faults that managed code turns into exceptions (values shared with DuneFaultThrow callers).</summary>
    public enum HardwareFaultKind : long
    {
        DivideByZero = 1,
        NullReference = 2,
        Overflow = 3,
    }

    /// <summary>
    /// Entry for exceptions raised by hardware faults. A host-mode signal handler (Platform/Signals.cs) or a
    /// ring-0 trap handler redirects the faulting thread to DuneFaultThrow (exceptions.S) with the faulting
    /// rip/rsp; the stub adds the callee-saved registers and lands here, on the faulting thread's own stack.
    /// </summary>
    internal static unsafe class HardwareFault
    {
        [RuntimeExport("DuneRaiseFromFault")]
        private static void Raise(RegisterContext* context, HardwareFaultKind kind, ulong faultAddress)
        {
            Exception exception = kind switch
            {
                HardwareFaultKind.DivideByZero => new DivideByZeroException(),
                HardwareFaultKind.Overflow => new OverflowException(),
                _ => new NullReferenceException(),
            };
            ExceptionDispatcher.RaiseFromFault(exception, context);
        }

        /// <summary>
        /// Makes (rip, rsp) of a fault name a managed frame the dispatcher can unwind. A fault in managed code
        /// stays as it is. A fault in one of the leaf assembly helpers compiled code calls with a possibly null
        /// target (write barriers, memmove/memset) happens before the helper touches the stack, so [rsp] is the
        /// return address: the fault is charged to the call instruction in the caller. Anything else: false.
        /// </summary>
        public static bool FindManagedFrame(ref ulong rip, ref ulong rsp)
        {
            if (UnwindInfo.Find(rip, out _)) return true;
            string helper = Symbols.FunctionName(rip);
            if (helper != "RhpAssignRef" && helper != "RhpCheckedAssignRef" && helper != "RhpByRefAssignRef" &&
                helper != "memmove" && helper != "memcpy" && helper != "memset")
                return false;
            ulong returnAddress = *(ulong*)rsp;
            if (!UnwindInfo.Find(returnAddress - 1, out _)) return false;
            rip = returnAddress - 1;
            rsp += 8;
            return true;
        }
    }
}
