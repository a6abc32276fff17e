using System.Runtime;
using System.Runtime.CompilerServices;

namespace Dune.Backends
{
    /// <summary>
    /// System calls of the host half. Once the guest runs, dune_syscall6 turns every call into a hypercall,
    /// so the host half (same thread, same code) uses the real instruction through this stub instead.
    /// </summary>
    internal static unsafe class HostSyscall
    {
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "dune_host_syscall6")]
        public static extern long Invoke(long nr, long a0, long a1, long a2, long a3, long a4, long a5);

        public static long Ioctl(int fd, ulong request, long arg) => Invoke(Platform.SyscallNumber.Ioctl, fd, (long)request, arg, 0, 0, 0);

        public static long Ioctl(int fd, ulong request, void* arg) => Ioctl(fd, request, (long)arg);

        /// <summary>Opens a path given as an ASCII literal; returns the fd or -errno.</summary>
        public static int Open(string path, int flags)
        {
            byte* buf = stackalloc byte[256];
            int n = path.Length < 255 ? path.Length : 255;
            for (int i = 0; i < n; i++) buf[i] = (byte)path[i];
            buf[n] = 0;
            const int AtFdcwd = -100;
            return (int)Invoke(Platform.SyscallNumber.Openat, AtFdcwd, (long)buf, flags, 0, 0, 0);
        }

        /// <summary>In the Dune region (<see cref="Platform.RuntimeMappings"/>), like all of the runtime's own memory.</summary>
        public static void* Mmap(ulong length, int prot, int flags, int fd)
        {
            long r = Platform.RuntimeMappings.Map(length, prot, flags, fd, 0, &Call);
            return r < 0 && r > -4096 ? null : (void*)r;
        }

        private static long Call(long nr, long a0, long a1, long a2, long a3, long a4, long a5) => Invoke(nr, a0, a1, a2, a3, a4, a5);

        /// <summary><see cref="Platform.MonitorFds.Hide(int)"/> for the host half: the descriptor moved to the monitor's range (close-on-exec), or unchanged if it cannot.</summary>
        public static int Hide(int fd) => Platform.MonitorFds.Hide(fd, &Call);

        public static void Write(int fd, byte* buf, long count)
        {
            while (count > 0)
            {
                long n = Invoke(Platform.SyscallNumber.Write, fd, (long)buf, count, 0, 0, 0);
                if (n <= 0) return;
                buf += n;
                count -= n;
            }
        }

        /// <summary>
        /// Points the calling thread's GS base at <paramref name="cpu"/>: the host half reaches its vCPU the same way as
        /// the guest (Linux user code does not use GS). False if the kernel refused.
        /// </summary>
        public static bool SetGsBase(Cpu.PerCpu* cpu)
        {
            const int ArchSetGs = 0x1001;
            return Invoke(Platform.SyscallNumber.ArchPrctl, ArchSetGs, (long)cpu, 0, 0, 0, 0) == 0;
        }

        public static void ExitGroup(int code)
        {
            while (true) Invoke(Platform.SyscallNumber.ExitGroup, code, 0, 0, 0, 0, 0);
        }
    }
}
