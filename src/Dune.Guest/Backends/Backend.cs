using System;
using Dune.Platform;

namespace Dune.Backends
{
    /// <summary>
    /// Chooses the backend (DUNE_BACKEND=kvm|kmod|auto; auto, the default: /dev/dune when present, else
    /// /dev/kvm) and remembers the one the process entered with.
    /// </summary>
    internal static unsafe class Backend
    {
        private static IBackend s_current;

        /// <summary>The backend the process runs on, or null in host mode.</summary>
        public static IBackend Current => s_current;

        /// <summary>Enters Dune mode on the chosen backend; null on success, otherwise why not (still in host mode).</summary>
        public static string Enter()
        {
            string choice = Environment.GetEnvironmentVariable("DUNE_BACKEND");
            if (choice != null && choice != "kvm" && choice != "kmod" && choice != "auto")
                return "unknown DUNE_BACKEND '" + choice + "' (expected kvm, kmod or auto)";
            bool kmod;
            if (choice == "kmod")
            {
                if (!Exists("/dev/dune")) return "DUNE_BACKEND=kmod but /dev/dune is missing (load dune.ko: kmod/README.md)";
                kmod = true;
            }
            else if (choice == "kvm")
            {
                if (!Exists("/dev/kvm")) return "DUNE_BACKEND=kvm but /dev/kvm is missing";
                kmod = false;
            }
            else
            {
                kmod = Exists("/dev/dune");
                if (!kmod && !Exists("/dev/kvm")) return "neither /dev/dune (dune.ko) nor /dev/kvm is present";
            }
            if (!DeliveryRetry.InstallHandler()) return "cannot install the handler of the signal delivery retry";
            // Set before the switch: the guest continues with this memory, and the host half never reads it.
            s_current = kmod ? new Kmod.KmodBackend() : new Kvm.KvmBackend();
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
