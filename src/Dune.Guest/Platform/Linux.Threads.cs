using System.Runtime;
using System.Runtime.CompilerServices;

namespace Dune.Platform
{
    /// <summary>The system calls threads are built on: clone, futex, tgkill, sleeping and yielding.</summary>
    public static unsafe partial class Linux
    {
        /// <summary>ETIMEDOUT: a futex wait timed out.</summary>
        public const int ETIMEDOUT = 110;
        /// <summary>A thread shares everything with its creator; the kernel sets its FS base, stores its tid in the
        /// parent's word and clears the child's word (with a futex wake) when it exits.</summary>
        public const ulong CloneThreadFlags = 0x100 /* VM */ | 0x200 /* FS */ | 0x400 /* FILES */ | 0x800 /* SIGHAND */ |
            0x10000 /* THREAD */ | 0x40000 /* SYSVSEM */ | 0x80000 /* SETTLS */ | 0x100000 /* PARENT_SETTID */ |
            0x200000 /* CHILD_CLEARTID */;
        private const int FutexWaitPrivate = 0 | 128, FutexWakePrivate = 1 | 128;

        /// <summary>
        /// clone(2) with <paramref name="flags"/> (<see cref="CloneThreadFlags"/> for a thread): the new thread starts
        /// on <paramref name="stackTop"/> (16-byte aligned) in <paramref name="start"/>(<paramref name="arg"/>), which
        /// never returns. Returns the tid (with CLONE_PARENT_SETTID also in *parentTid before the child runs) or -errno.
        /// The real syscall instruction: host mode or a backend's host half only.
        /// </summary>
        [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "DuneCloneThread")]
        internal static extern long CloneThread(ulong flags, void* stackTop, int* parentTid, int* childTid, void* tls, void* arg, void* start);

        /// <summary>mprotect(2): changes the protection of a range.</summary>
        public static long Mprotect(void* address, nuint length, int protection) =>
            Syscall.Invoke(SyscallNumber.Mprotect, (long)address, (long)length, protection);

        /// <summary>Nanoseconds of CLOCK_MONOTONIC, for timeouts.</summary>
        public static long MonotonicNanoseconds()
        {
            ClockGettime(ClockMonotonic, out long seconds, out long nanoseconds);
            return seconds * 1000000000 + nanoseconds;
        }

        /// <summary>Sleeps while *address == expected, at most <paramref name="timeoutNs"/> (negative: no limit).
        /// Returns 0 when woken, or -EAGAIN, -EINTR, -ETIMEDOUT: callers re-check their condition.</summary>
        public static long FutexWait(int* address, int expected, long timeoutNs = -1)
        {
            if (timeoutNs < 0) return Syscall.Invoke(SyscallNumber.Futex, (long)address, FutexWaitPrivate, expected, 0, 0, 0);
            long* timeout = stackalloc long[2];
            timeout[0] = timeoutNs / 1000000000;
            timeout[1] = timeoutNs % 1000000000;
            return Syscall.Invoke(SyscallNumber.Futex, (long)address, FutexWaitPrivate, expected, (long)timeout, 0, 0);
        }

        /// <summary>Wakes up to <paramref name="count"/> threads sleeping on <paramref name="address"/>.</summary>
        public static void FutexWake(int* address, int count) =>
            Syscall.Invoke(SyscallNumber.Futex, (long)address, FutexWakePrivate, count);

        /// <summary>gettid(2): the calling thread's id.</summary>
        public static int GetTid() => (int)Syscall.Invoke(SyscallNumber.Gettid);

        /// <summary>tgkill(2): sends <paramref name="signal"/> to thread <paramref name="tid"/> of process <paramref name="pid"/>.</summary>
        public static long Tgkill(int pid, int tid, int signal) => Syscall.Invoke(SyscallNumber.Tgkill, pid, tid, signal);

        /// <summary>Sleeps the whole duration, resuming after signal interruptions.</summary>
        public static void Sleep(long nanoseconds)
        {
            long* request = stackalloc long[2];
            long* remaining = stackalloc long[2];
            request[0] = nanoseconds / 1000000000;
            request[1] = nanoseconds % 1000000000;
            while (Syscall.Invoke(SyscallNumber.Nanosleep, (long)request, (long)remaining) == -EINTR)
            {
                request[0] = remaining[0];
                request[1] = remaining[1];
            }
        }

        /// <summary>sched_yield(2).</summary>
        public static void SchedYield() => Syscall.Invoke(SyscallNumber.SchedYield);

        /// <summary>Ends the calling thread only (the other threads go on).</summary>
        public static void ExitThread()
        {
            while (true) Syscall.Invoke(SyscallNumber.Exit, 0);
        }
    }
}
