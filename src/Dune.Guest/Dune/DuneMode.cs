using System;
using Dune.Platform;

namespace Dune
{
    /// <summary>
    /// Entering Dune mode: the process continues at the caller in hardware-virtualized ring 0 with the same
    /// memory, stack, file descriptors and PID; its system calls become hypercalls. Choose the backend with
    /// DUNE_BACKEND=kvm|kmod|auto (default auto: /dev/dune if present, else /dev/kvm).
    /// </summary>
    public static unsafe class DuneMode
    {
        /// <summary>Exit code when entering fails (EX_OSERR).</summary>
        public const int EnterFailedExitCode = 71;

        private static DuneBackend s_backend;

        public static bool IsActive => s_backend != DuneBackend.None;

        public static DuneBackend Backend => s_backend;

        /// <summary>Enters Dune mode, or prints why it cannot and exits with <see cref="EnterFailedExitCode"/>.</summary>
        public static void Enter()
        {
            string error = TryEnter();
            if (error != null)
            {
                Console.Error.WriteLine("dune: cannot enter Dune mode: " + error);
                Linux.ExitGroup(EnterFailedExitCode);
            }
        }

        /// <summary>Enters Dune mode; null on success (now in ring 0), otherwise why not (still in host mode).</summary>
        public static string TryEnter()
        {
            if (IsActive) return null;
            string choice = Environment.GetEnvironmentVariable("DUNE_BACKEND");
            bool haveKmod = Exists("/dev/dune");
            if (choice == "kmod" || (choice != "kvm" && haveKmod))
                return haveKmod ? "kmod backend not implemented yet" : "kmod backend not available: /dev/dune missing";
            if (choice != null && choice != "kvm" && choice != "auto")
                return "unknown DUNE_BACKEND (expected kvm, kmod or auto)";
            // Set before the switch: the guest continues with this memory, and the host half never reads it.
            s_backend = DuneBackend.Kvm;
            string error = Backends.Kvm.KvmBackend.Enter();
            if (error != null) s_backend = DuneBackend.None;
            return error;
        }

        /// <summary>The current privilege level: the low two bits of CS (0 in Dune mode, 3 otherwise).</summary>
        public static int CurrentPrivilegeLevel() => Instructions.ReadCs() & 3;

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
