using System.Runtime.CompilerServices;
using System;
using System.Runtime;

namespace Dune.Runtime
{
    /// <summary>Process start-up: called by _start with the kernel's argc/argv/envp, never returns.</summary>
    internal static unsafe class Startup
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneCallManagedMain")]
        private static extern int CallManagedMain(int argc, byte** argv);

        [RuntimeExport("DuneRuntimeMain")]
        private static void Main(int argc, byte** argv, byte** envp)
        {
            Environment.s_argc = argc;
            Environment.s_argv = argv;
            Environment.s_envp = envp;
            int code = CallManagedMain(argc, argv);
            Environment.Exit(code);
        }
    }
}
