using Dune.Platform;

namespace Dune.Runtime
{
    /// <summary>Exit codes the runtime uses when it ends a program itself (documented in the README).</summary>
    public static class ExitCodes
    {
        /// <summary>An exception nobody caught (including the checks: overflow, bounds, null, cast, divide by zero).</summary>
        public const int UnhandledException = 134;
        /// <summary>A hardware fault the runtime could not turn into an exception.</summary>
        public const int Fault = 139;
        /// <summary>The runtime itself failed (out of memory, corrupted state).</summary>
        public const int RuntimeFailure = 135;
    }

    /// <summary>Last-resort reporting: writes to stderr without allocating if it can, then exits the process.</summary>
    public static class Fatal
    {
        private static int s_exiting;

        public static void Exit(string message, int exitCode)
        {
            // A failure while reporting (a fault, another fatal error) must not report again: just exit.
            // One report even when several threads fail at once.
            if (System.Threading.Interlocked.Exchange(ref s_exiting, 1) == 0) System.Console.WriteTo(2, message, true);
            Linux.ExitGroup(exitCode);
        }
    }
}
