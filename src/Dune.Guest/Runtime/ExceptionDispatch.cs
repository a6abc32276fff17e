using System;
using System.Runtime;

namespace Dune.Runtime
{
    internal static class ExceptionDispatch
    {
        [RuntimeExport("DuneDispatchException")]
        private static void Dispatch(object exception)
        {
            Exception e = exception as Exception;
            Fatal.Exit("Unhandled exception. " + (e == null ? "(not an Exception)" : e.ToString()), ExitCodes.UnhandledException);
        }
    }
}
