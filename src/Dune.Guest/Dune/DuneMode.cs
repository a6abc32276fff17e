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

        /// <summary>Whether the process is in Dune mode (it entered, and stays until it exits).</summary>
        public static bool IsActive => Backends.Backend.Current != null;

        /// <summary>The backend that runs the process in ring 0, or <see cref="DuneBackend.None"/> in host mode.</summary>
        public static DuneBackend Backend => Backends.Backend.Current?.Kind ?? DuneBackend.None;

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

        /// <summary>Enters Dune mode; null on success (now in ring 0), otherwise why not (still in host mode).
        /// Only a process with one thread enters: the calling thread becomes the first vCPU, and every thread started
        /// afterwards runs in ring 0 on a vCPU of its own. A thread started before would have to be stopped and moved
        /// into the VM wherever it is (in a system call, holding the heap lock...), so entering is refused instead.</summary>
        public static string TryEnter() =>
            IsActive ? null
            : Internal.Runtime.Threads.ThreadList.Count > 1 ? "other threads are running: enter Dune mode before starting threads"
            : Backends.Backend.Enter();

        /// <summary>The current privilege level: the low two bits of CS (0 in Dune mode, 3 otherwise).</summary>
        public static int CurrentPrivilegeLevel() => Instructions.ReadCs() & 3;
    }
}
