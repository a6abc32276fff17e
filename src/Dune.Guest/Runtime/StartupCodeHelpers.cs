namespace Internal.Runtime.CompilerHelpers
{
    /// <summary>
    /// What ilc's generated start-up code (__managed__Main) calls by name around the program's Main: the
    /// arguments for `Main(string[] args)`, and the exit code of a `void Main` (Environment.ExitCode).
    /// </summary>
    internal static unsafe class StartupCodeHelpers
    {
        private static string[] s_mainArguments;

        private static void InitializeCommandLineArgs(int argc, byte** argv)
        {
            // Main sees the arguments after the program name, as on .NET.
            var args = new string[argc > 1 ? argc - 1 : 0];
            for (int i = 0; i < args.Length; i++) args[i] = string.FromUtf8(argv[i + 1]);
            s_mainArguments = args;
        }

        private static string[] GetMainMethodArguments() => s_mainArguments;

        private static void SetLatchedExitCode(int exitCode) => System.Environment.ExitCode = exitCode;

        private static int Shutdown() => System.Environment.ExitCode;
    }
}
