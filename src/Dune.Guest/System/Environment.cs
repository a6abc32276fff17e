using Dune.Platform;

namespace System
{
    public static unsafe partial class Environment
    {
        internal static int s_argc;
        internal static byte** s_argv;
        internal static byte** s_envp;

        /// <summary>Ends the process with the given exit code (exit_group: every thread).</summary>
        public static void Exit(int exitCode) => Linux.ExitGroup(exitCode);

        public static int ProcessId => Linux.GetPid();

        /// <summary>The program's arguments, argv[0] first (like .NET's GetCommandLineArgs).</summary>
        public static string[] GetCommandLineArgs()
        {
            var args = new string[s_argc];
            for (int i = 0; i < s_argc; i++) args[i] = string.FromUtf8(s_argv[i]);
            return args;
        }

        public static string GetEnvironmentVariable(string name)
        {
            if (s_envp == null) return null;
            for (byte** e = s_envp; *e != null; e++)
            {
                byte* entry = *e;
                int i = 0;
                while (i < name.Length && entry[i] != 0 && entry[i] == name[i]) i++;
                if (i == name.Length && entry[i] == '=') return string.FromUtf8(entry + i + 1);
            }
            return null;
        }

        public static string NewLine => "\n";
    }
}
