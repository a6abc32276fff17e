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
    }
}
