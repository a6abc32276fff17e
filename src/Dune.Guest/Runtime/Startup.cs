using System;
using System.Runtime;
using System.Runtime.CompilerServices;

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
            // Order matters: the heap before anything allocates, statics before any managed code reads them.
            Internal.Runtime.Gc.GcHeap.Initialize(stackTop: argv);
            Internal.Runtime.TypeSystemStartup.Initialize();
            Dune.Platform.Signals.Install();
            Internal.Runtime.ModuleInitializers.Run();
            int code = CallManagedMain(argc, argv);
            Environment.Exit(code);
        }
    }
}
