using System;
using Dune.Platform;

namespace Dune.Backends
{
    /// <summary>Chooses the backend (DUNE_BACKEND=kvm|kmod|auto) and remembers the one the process entered with.</summary>
    internal static unsafe class Backend
    {
        private static IBackend s_current;

        /// <summary>The backend the process runs on, or null in host mode.</summary>
        public static IBackend Current => s_current;

        /// <summary>Enters Dune mode on the chosen backend; null on success, otherwise why not (still in host mode).</summary>
        public static string Enter()
        {
            string choice = Environment.GetEnvironmentVariable("DUNE_BACKEND");
            bool haveKmod = Exists("/dev/dune");
            if (choice == "kmod" || (choice != "kvm" && haveKmod))
                return haveKmod ? "kmod backend not implemented yet" : "kmod backend not available: /dev/dune missing";
            if (choice != null && choice != "kvm" && choice != "auto")
                return "unknown DUNE_BACKEND (expected kvm, kmod or auto)";
            // Set before the switch: the guest continues with this memory, and the host half never reads it.
            s_current = new Kvm.KvmBackend();
            string error = s_current.Enter();
            if (error != null)
            {
                s_current = null;
                return error;
            }
            Traps.SignalDelivery.Install();
            PosixSignals.EnteredDuneMode();
            return null;
        }

        private static bool Exists(string path)
        {
            byte* buf = stackalloc byte[64];
            for (int i = 0; i < path.Length; i++) buf[i] = (byte)path[i];
            buf[path.Length] = 0;
            const long Faccessat = 269, AtFdcwd = -100, FOk = 0;
            return Syscall.Invoke(Faccessat, AtFdcwd, (long)buf, FOk) == 0;
        }
    }
}
