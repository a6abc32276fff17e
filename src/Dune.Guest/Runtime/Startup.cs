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
            // Order matters: the thread's state (FS) before the heap, which allocates through it; the heap before
            // anything allocates; statics before any managed code reads them.
            Internal.Runtime.ThreadStatics.InitializeMainThread(stackTop: argv);
            Internal.Runtime.Gc.GcHeap.Initialize();
            Internal.Runtime.TypeSystemStartup.Initialize();
            Dune.Platform.Signals.Install();
            Internal.Runtime.Threads.Suspension.Install();
            Internal.Runtime.ModuleInitializers.Run();
            int code = CallManagedMain(argc, argv);
            System.Threading.Thread.WaitForForegroundThreads();
            Environment.Exit(code);
        }
    }
}
