using System.Runtime.CompilerServices;
using static Dune.UserMode.SyscallPointerArgs;

namespace Dune.UserMode
{
    /// <summary>What pass-through does with an allowed call.</summary>
    public enum SyscallTreatment : byte
    {
        /// <summary>Forwarded to the host unchanged, after every pointer (<see cref="SyscallInfo.Pointers"/>) and file descriptor argument is checked.</summary>
        Forward,
        /// <summary>Applied to the program by the monitor (UserKernel): memory, the break, FS base, descriptors, signal bookkeeping, exit.</summary>
        Emulated,
        /// <summary>Never reaches the host: fails with <see cref="SyscallInfo.Errno"/>.</summary>
        Refused,
    }

    /// <summary>One x86-64 system call: its name, treatment, pointer arguments and which arguments are file descriptors.</summary>
    public readonly struct SyscallInfo
    {
        /// <summary>The call's Linux name, or null for an unassigned number.</summary>
        public readonly string Name;
        /// <summary>What pass-through does with the call.</summary>
        public readonly SyscallTreatment Treatment;
        /// <summary>For <see cref="SyscallTreatment.Refused"/>: the errno ring 3 gets.</summary>
        public readonly int Errno;
        /// <summary>Bit i set: argument i is a file descriptor (the monitor's own are refused with EBADF).</summary>
        public readonly byte FdArgs;
        /// <summary>The call's pointer arguments, for checking before it is forwarded.</summary>
        public readonly SyscallPointers Pointers;

        /// <summary>A table entry with every field given.</summary>
        public SyscallInfo(string name, SyscallTreatment treatment, int errno, byte fdArgs, SyscallPointers pointers)
        {
            Name = name;
            Treatment = treatment;
            Errno = errno;
            FdArgs = fdArgs;
            Pointers = pointers;
        }
    }

    /// <summary>
    /// The one table of every x86-64 Linux system call (numbers 0-450 as Linux 6.1 assigns them) and what
    /// pass-through does with it: forward with checked pointers and descriptors, emulate for the program, or
    /// refuse with a stated errno (ENOSYS for what sandboxed programs cannot have yet — process creation
    /// beyond clone, queued signals, asynchronous I/O that reaches memory behind the monitor's back — and EPERM for
    /// what is privileged or reaches beyond the program). Numbers not assigned, negative or larger get ENOSYS,
    /// as from Linux. A forwarded call lists every pointer the kernel follows; adding a call means adding
    /// exactly that here. Pure: a switch describes each number, once (kept in an array), no allocation per
    /// lookup (names are literals).
    /// </summary>
    public static class SyscallTable
    {
        /// <summary>The errno values the table refuses with: ENOSYS (38) and EPERM (1).</summary>
        public const int ENOSYS = 38, EPERM = 1;
        /// <summary>The highest number in the table.</summary>
        public const int Highest = 450;

        /// <summary>The name of system call <paramref name="number"/>, or "unknown".</summary>
        public static string Name(long number)
        {
            string name = Of(number).Name;
            return name ?? "unknown";
        }

        /// <summary>
        /// The entries described so far: a lookup on the SYSCALL path is a bounds check and a load. Each is described
        /// at its number's first lookup (all 451 at start-up would cost more than a program's calls do), in an object
        /// of its own so another vCPU sees it whole or not at all.
        /// </summary>
        private static readonly Described[] s_entries = new Described[Highest + 1];
        /// <summary>What numbers Linux does not assign (negative, beyond <see cref="Highest"/>) get.</summary>
        private static readonly Described s_unassigned = new Described(Describe(-1));

        private sealed class Described
        {
            public readonly SyscallInfo Info;
            public Described(in SyscallInfo info) => Info = info;
        }

        /// <summary>The table entry for system call <paramref name="number"/>.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static ref readonly SyscallInfo Of(long number)
        {
            if ((ulong)number > Highest) return ref s_unassigned.Info;
            Described entry = s_entries[(int)number] ?? Fill((int)number);
            return ref entry.Info;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Described Fill(int number) => s_entries[number] = new Described(Describe(number));

        private static SyscallInfo Describe(long number)
        {
            switch (number)
            {
                case 0: return Forward("read", FdArg(0), Out(1, 2));
                case 1: return Forward("write", FdArg(0), In(1, 2));
                case 2: return Forward("open", 0, Path(0));
                case 3: return Emulated("close");
                case 4: return Forward("stat", 0, Path(0), OutFixed(1, StatBytes));
                case 5: return Forward("fstat", FdArg(0), OutFixed(1, StatBytes));
                case 6: return Forward("lstat", 0, Path(0), OutFixed(1, StatBytes));
                case 7: return Wait("poll", 0, ArrayOf(0, 1, PollfdBytes, true));
                case 8: return Forward("lseek", FdArg(0));
                case 9: return Emulated("mmap");
                case 10: return Emulated("mprotect");
                case 11: return Emulated("munmap");
                case 12: return Emulated("brk");
                case 13: return Emulated("rt_sigaction");
                case 14: return Emulated("rt_sigprocmask");
                case 15: return Emulated("rt_sigreturn");
                case 16: return Emulated("ioctl");
                case 17: return Forward("pread64", FdArg(0), Out(1, 2));
                case 18: return Forward("pwrite64", FdArg(0), In(1, 2));
                case 19: return Forward("readv", FdArg(0), Iovecs(1, 2, true));
                case 20: return Forward("writev", FdArg(0), Iovecs(1, 2, false));
                case 21: return Forward("access", 0, Path(0));
                case 22: return Forward("pipe", 0, OutFixed(0, PipeFdsBytes));
                case 23: return Wait("select", 0, FdSet(1, 0).OrNull(), FdSet(2, 0).OrNull(), FdSet(3, 0).OrNull(), OutFixed(4, TimevalBytes).OrNull());
                case 24: return Forward("sched_yield", 0);
                case 25: return Emulated("mremap");
                case 26: return Emulated("msync");
                case 27: return Refused("mincore", ENOSYS);
                case 28: return Emulated("madvise");
                case 29: return Refused("shmget", ENOSYS);
                case 30: return Refused("shmat", ENOSYS);
                case 31: return Refused("shmctl", ENOSYS);
                case 32: return Forward("dup", FdArg(0));
                case 33: return Forward("dup2", FdArg(0) | FdArg(1));
                case 34: return Forward("pause", 0);
                case 35: return Wait("nanosleep", 0, InFixed(0, TimespecBytes), OutFixed(1, TimespecBytes).OrNull());
                case 36: return Forward("getitimer", 0, OutFixed(1, ItimervalBytes));
                case 37: return Forward("alarm", 0);
                case 38: return Forward("setitimer", 0, InFixed(1, ItimervalBytes), OutFixed(2, ItimervalBytes).OrNull());
                case 39: return Forward("getpid", 0);
                case 40: return Forward("sendfile", FdArg(0) | FdArg(1), OutFixed(2, 8).OrNull());
                case 41: return Forward("socket", 0);
                case 42: return Forward("connect", FdArg(0), In(1, 2));
                case 43: return Forward("accept", FdArg(0), Socklen(1, 2).OrNull());
                case 44: return Forward("sendto", FdArg(0), In(1, 2), In(4, 5).OrNull());
                case 45: return Forward("recvfrom", FdArg(0), Out(1, 2), Socklen(4, 5).OrNull());
                case 46: return Forward("sendmsg", FdArg(0), Msghdr(1, false));
                case 47: return Forward("recvmsg", FdArg(0), Msghdr(1, true));
                case 48: return Forward("shutdown", FdArg(0));
                case 49: return Forward("bind", FdArg(0), In(1, 2));
                case 50: return Forward("listen", FdArg(0));
                case 51: return Forward("getsockname", FdArg(0), Socklen(1, 2));
                case 52: return Forward("getpeername", FdArg(0), Socklen(1, 2));
                case 53: return Forward("socketpair", 0, OutFixed(3, PipeFdsBytes));
                case 54: return Forward("setsockopt", FdArg(0), In(3, 4));
                case 55: return Forward("getsockopt", FdArg(0), Socklen(3, 4));
                case 56: return Emulated("clone");
                case 57: return Emulated("fork");
                case 58: return Emulated("vfork");
                case 59: return Emulated("execve");
                case 60: return Emulated("exit");
                case 61: return Forward("wait4", 0, OutFixed(1, IntBytes).OrNull(), OutFixed(3, RusageBytes).OrNull());
                case 62: return Emulated("kill");
                case 63: return Forward("uname", 0, OutFixed(0, UtsnameBytes));
                case 64: return Refused("semget", ENOSYS);
                case 65: return Refused("semop", ENOSYS);
                case 66: return Refused("semctl", ENOSYS);
                case 67: return Refused("shmdt", ENOSYS);
                case 68: return Refused("msgget", ENOSYS);
                case 69: return Refused("msgsnd", ENOSYS);
                case 70: return Refused("msgrcv", ENOSYS);
                case 71: return Refused("msgctl", ENOSYS);
                case 72: return Emulated("fcntl");
                case 73: return Forward("flock", FdArg(0));
                case 74: return Forward("fsync", FdArg(0));
                case 75: return Forward("fdatasync", FdArg(0));
                case 76: return Forward("truncate", 0, Path(0));
                case 77: return Forward("ftruncate", FdArg(0));
                case 78: return Forward("getdents", FdArg(0), Out(1, 2));
                case 79: return Forward("getcwd", 0, Out(0, 1));
                case 80: return Forward("chdir", 0, Path(0));
                case 81: return Forward("fchdir", FdArg(0));
                case 82: return Forward("rename", 0, Path(0), Path(1));
                case 83: return Forward("mkdir", 0, Path(0));
                case 84: return Forward("rmdir", 0, Path(0));
                case 85: return Forward("creat", 0, Path(0));
                case 86: return Forward("link", 0, Path(0), Path(1));
                case 87: return Forward("unlink", 0, Path(0));
                case 88: return Forward("symlink", 0, Path(0), Path(1));
                case 89: return Forward("readlink", 0, Path(0), Out(1, 2));
                case 90: return Forward("chmod", 0, Path(0));
                case 91: return Forward("fchmod", FdArg(0));
                case 92: return Forward("chown", 0, Path(0));
                case 93: return Forward("fchown", FdArg(0));
                case 94: return Forward("lchown", 0, Path(0));
                case 95: return Forward("umask", 0);
                case 96: return Forward("gettimeofday", 0, OutFixed(0, TimevalBytes).OrNull(), OutFixed(1, TimezoneBytes).OrNull());
                case 97: return Emulated("getrlimit");
                case 98: return Forward("getrusage", 0, OutFixed(1, RusageBytes));
                case 99: return Forward("sysinfo", 0, OutFixed(0, SysinfoBytes));
                case 100: return Forward("times", 0, OutFixed(0, TmsBytes).OrNull());
                case 101: return Refused("ptrace", EPERM);
                case 102: return Forward("getuid", 0);
                case 103: return Refused("syslog", EPERM);
                case 104: return Forward("getgid", 0);
                case 105: return Refused("setuid", EPERM);
                case 106: return Refused("setgid", EPERM);
                case 107: return Forward("geteuid", 0);
                case 108: return Forward("getegid", 0);
                case 109: return Forward("setpgid", 0);
                case 110: return Forward("getppid", 0);
                case 111: return Forward("getpgrp", 0);
                case 112: return Forward("setsid", 0);
                case 113: return Refused("setreuid", EPERM);
                case 114: return Refused("setregid", EPERM);
                case 115: return Forward("getgroups", 0, ArrayOf(1, 0, IntBytes, true));
                case 116: return Refused("setgroups", EPERM);
                case 117: return Refused("setresuid", EPERM);
                case 118: return Forward("getresuid", 0, OutFixed(0, IntBytes), OutFixed(1, IntBytes), OutFixed(2, IntBytes));
                case 119: return Refused("setresgid", EPERM);
                case 120: return Forward("getresgid", 0, OutFixed(0, IntBytes), OutFixed(1, IntBytes), OutFixed(2, IntBytes));
                case 121: return Forward("getpgid", 0);
                case 122: return Refused("setfsuid", EPERM);
                case 123: return Refused("setfsgid", EPERM);
                case 124: return Forward("getsid", 0);
                case 125: return Forward("capget", 0, OutFixed(0, CapHeaderBytes), OutFixed(1, CapDataBytes).OrNull());
                case 126: return Refused("capset", EPERM);
                case 127: return Emulated("rt_sigpending");
                case 128: return Emulated("rt_sigtimedwait");
                case 129: return Emulated("rt_sigqueueinfo");
                case 130: return Emulated("rt_sigsuspend");
                case 131: return Emulated("sigaltstack");
                case 132: return Forward("utime", 0, Path(0), InFixed(1, 16).OrNull());
                case 133: return Forward("mknod", 0, Path(0));
                case 134: return Refused("uselib", ENOSYS);
                case 135: return Refused("personality", EPERM);
                case 136: return Refused("ustat", ENOSYS);
                case 137: return Forward("statfs", 0, Path(0), OutFixed(1, StatfsBytes));
                case 138: return Forward("fstatfs", FdArg(0), OutFixed(1, StatfsBytes));
                case 139: return Refused("sysfs", ENOSYS);
                case 140: return Forward("getpriority", 0);
                case 141: return Forward("setpriority", 0);
                case 142: return Forward("sched_setparam", 0, InFixed(1, IntBytes));
                case 143: return Forward("sched_getparam", 0, OutFixed(1, IntBytes));
                case 144: return Forward("sched_setscheduler", 0, InFixed(2, IntBytes));
                case 145: return Forward("sched_getscheduler", 0);
                case 146: return Forward("sched_get_priority_max", 0);
                case 147: return Forward("sched_get_priority_min", 0);
                case 148: return Forward("sched_rr_get_interval", 0, OutFixed(1, TimespecBytes));
                case 149: return Emulated("mlock");
                case 150: return Emulated("munlock");
                case 151: return Forward("mlockall", 0);
                case 152: return Forward("munlockall", 0);
                case 153: return Refused("vhangup", EPERM);
                case 154: return Refused("modify_ldt", EPERM);
                case 155: return Refused("pivot_root", EPERM);
                case 156: return Refused("_sysctl", ENOSYS);
                case 157: return Refused("prctl", EPERM);
                case 158: return Emulated("arch_prctl");
                case 159: return Refused("adjtimex", EPERM);
                case 160: return Emulated("setrlimit");
                case 161: return Refused("chroot", EPERM);
                case 162: return Forward("sync", 0);
                case 163: return Refused("acct", EPERM);
                case 164: return Refused("settimeofday", EPERM);
                case 165: return Refused("mount", EPERM);
                case 166: return Refused("umount2", EPERM);
                case 167: return Refused("swapon", EPERM);
                case 168: return Refused("swapoff", EPERM);
                case 169: return Refused("reboot", EPERM);
                case 170: return Refused("sethostname", EPERM);
                case 171: return Refused("setdomainname", EPERM);
                case 172: return Refused("iopl", EPERM);
                case 173: return Refused("ioperm", EPERM);
                case 174: return Refused("create_module", ENOSYS);
                case 175: return Refused("init_module", EPERM);
                case 176: return Refused("delete_module", EPERM);
                case 177: return Refused("get_kernel_syms", ENOSYS);
                case 178: return Refused("query_module", ENOSYS);
                case 179: return Refused("quotactl", EPERM);
                case 180: return Refused("nfsservctl", ENOSYS);
                case 181: return Refused("getpmsg", ENOSYS);
                case 182: return Refused("putpmsg", ENOSYS);
                case 183: return Refused("afs_syscall", ENOSYS);
                case 184: return Refused("tuxcall", ENOSYS);
                case 185: return Refused("security", ENOSYS);
                case 186: return Emulated("gettid");
                case 187: return Forward("readahead", FdArg(0));
                case 188: return Forward("setxattr", 0, Path(0), Path(1), In(2, 3));
                case 189: return Forward("lsetxattr", 0, Path(0), Path(1), In(2, 3));
                case 190: return Forward("fsetxattr", FdArg(0), Path(1), In(2, 3));
                case 191: return Forward("getxattr", 0, Path(0), Path(1), Out(2, 3));
                case 192: return Forward("lgetxattr", 0, Path(0), Path(1), Out(2, 3));
                case 193: return Forward("fgetxattr", FdArg(0), Path(1), Out(2, 3));
                case 194: return Forward("listxattr", 0, Path(0), Out(1, 2));
                case 195: return Forward("llistxattr", 0, Path(0), Out(1, 2));
                case 196: return Forward("flistxattr", FdArg(0), Out(1, 2));
                case 197: return Forward("removexattr", 0, Path(0), Path(1));
                case 198: return Forward("lremovexattr", 0, Path(0), Path(1));
                case 199: return Forward("fremovexattr", FdArg(0), Path(1));
                case 200: return Emulated("tkill");
                case 201: return Forward("time", 0, OutFixed(0, 8).OrNull());
                case 202: return Emulated("futex");
                case 203: return Forward("sched_setaffinity", 0, In(2, 1));
                case 204: return Forward("sched_getaffinity", 0, Out(2, 1));
                case 205: return Refused("set_thread_area", ENOSYS);
                case 206: return Refused("io_setup", ENOSYS);
                case 207: return Refused("io_destroy", ENOSYS);
                case 208: return Refused("io_getevents", ENOSYS);
                case 209: return Refused("io_submit", ENOSYS);
                case 210: return Refused("io_cancel", ENOSYS);
                case 211: return Refused("get_thread_area", ENOSYS);
                case 212: return Refused("lookup_dcookie", ENOSYS);
                case 213: return Forward("epoll_create", 0);
                case 214: return Refused("epoll_ctl_old", ENOSYS);
                case 215: return Refused("epoll_wait_old", ENOSYS);
                case 216: return Refused("remap_file_pages", ENOSYS);
                case 217: return Forward("getdents64", FdArg(0), Out(1, 2));
                case 218: return Emulated("set_tid_address");
                case 219: return Refused("restart_syscall", ENOSYS);
                case 220: return Refused("semtimedop", ENOSYS);
                case 221: return Forward("fadvise64", FdArg(0));
                case 222: return Emulated("timer_create");
                case 223: return Emulated("timer_settime");
                case 224: return Emulated("timer_gettime");
                case 225: return Emulated("timer_getoverrun");
                case 226: return Emulated("timer_delete");
                case 227: return Refused("clock_settime", EPERM);
                case 228: return Forward("clock_gettime", 0, OutFixed(1, TimespecBytes));
                case 229: return Forward("clock_getres", 0, OutFixed(1, TimespecBytes).OrNull());
                case 230: return Wait("clock_nanosleep", 0, InFixed(2, TimespecBytes), OutFixed(3, TimespecBytes).OrNull());
                case 231: return Emulated("exit_group");
                case 232: return Wait("epoll_wait", FdArg(0), ArrayOf(1, 2, EpollEventBytes, true));
                case 233: return Forward("epoll_ctl", FdArg(0) | FdArg(2), InFixed(3, EpollEventBytes).OrNull());
                case 234: return Emulated("tgkill");
                case 235: return Forward("utimes", 0, Path(0), InFixed(1, 2 * TimevalBytes).OrNull());
                case 236: return Refused("vserver", ENOSYS);
                case 237: return Refused("mbind", EPERM);
                case 238: return Refused("set_mempolicy", EPERM);
                case 239: return Refused("get_mempolicy", ENOSYS);
                case 240: return Refused("mq_open", ENOSYS);
                case 241: return Refused("mq_unlink", ENOSYS);
                case 242: return Refused("mq_timedsend", ENOSYS);
                case 243: return Refused("mq_timedreceive", ENOSYS);
                case 244: return Refused("mq_notify", ENOSYS);
                case 245: return Refused("mq_getsetattr", ENOSYS);
                case 246: return Refused("kexec_load", EPERM);
                case 247: return Forward("waitid", 0, OutFixed(2, SiginfoBytes).OrNull(), OutFixed(4, RusageBytes).OrNull());
                case 248: return Refused("add_key", EPERM);
                case 249: return Refused("request_key", EPERM);
                case 250: return Refused("keyctl", EPERM);
                case 251: return Forward("ioprio_set", 0);
                case 252: return Forward("ioprio_get", 0);
                case 253: return Forward("inotify_init", 0);
                case 254: return Forward("inotify_add_watch", FdArg(0), Path(1));
                case 255: return Forward("inotify_rm_watch", FdArg(0));
                case 256: return Refused("migrate_pages", EPERM);
                case 257: return Forward("openat", FdArg(0), Path(1));
                case 258: return Forward("mkdirat", FdArg(0), Path(1));
                case 259: return Forward("mknodat", FdArg(0), Path(1));
                case 260: return Forward("fchownat", FdArg(0), Path(1));
                case 261: return Forward("futimesat", FdArg(0), Path(1).OrNull(), InFixed(2, 2 * TimevalBytes).OrNull());
                case 262: return Forward("newfstatat", FdArg(0), Path(1), OutFixed(2, StatBytes));
                case 263: return Forward("unlinkat", FdArg(0), Path(1));
                case 264: return Forward("renameat", FdArg(0) | FdArg(2), Path(1), Path(3));
                case 265: return Forward("linkat", FdArg(0) | FdArg(2), Path(1), Path(3));
                case 266: return Forward("symlinkat", FdArg(1), Path(0), Path(2));
                case 267: return Forward("readlinkat", FdArg(0), Path(1), Out(2, 3));
                case 268: return Forward("fchmodat", FdArg(0), Path(1));
                case 269: return Forward("faccessat", FdArg(0), Path(1));
                case 270: return Wait("pselect6", 0, FdSet(1, 0).OrNull(), FdSet(2, 0).OrNull(), FdSet(3, 0).OrNull(), OutFixed(4, TimespecBytes).OrNull(), SigmaskPack(5).OrNull());
                case 271: return Wait("ppoll", 0, ArrayOf(0, 1, PollfdBytes, true), InFixed(2, TimespecBytes).OrNull(), InFixed(3, SigsetBytes).OrNull());
                case 272: return Refused("unshare", EPERM);
                case 273: return Refused("set_robust_list", ENOSYS);
                case 274: return Refused("get_robust_list", ENOSYS);
                case 275: return Forward("splice", FdArg(0) | FdArg(2), OutFixed(1, 8).OrNull(), OutFixed(3, 8).OrNull());
                case 276: return Forward("tee", FdArg(0) | FdArg(1));
                case 277: return Forward("sync_file_range", FdArg(0));
                case 278: return Refused("vmsplice", ENOSYS);
                case 279: return Refused("move_pages", EPERM);
                case 280: return Forward("utimensat", FdArg(0), Path(1).OrNull(), InFixed(2, 2 * TimespecBytes).OrNull());
                case 281: return Forward("epoll_pwait", FdArg(0), ArrayOf(1, 2, EpollEventBytes, true), InFixed(4, SigsetBytes).OrNull());
                case 282: return Forward("signalfd", FdArg(0), InFixed(1, SigsetBytes));
                case 283: return Forward("timerfd_create", 0);
                case 284: return Forward("eventfd", 0);
                case 285: return Forward("fallocate", FdArg(0));
                case 286: return Forward("timerfd_settime", FdArg(0), InFixed(2, ItimerspecBytes), OutFixed(3, ItimerspecBytes).OrNull());
                case 287: return Forward("timerfd_gettime", FdArg(0), OutFixed(1, ItimerspecBytes));
                case 288: return Forward("accept4", FdArg(0), Socklen(1, 2).OrNull());
                case 289: return Forward("signalfd4", FdArg(0), InFixed(1, SigsetBytes));
                case 290: return Forward("eventfd2", 0);
                case 291: return Forward("epoll_create1", 0);
                case 292: return Forward("dup3", FdArg(0) | FdArg(1));
                case 293: return Forward("pipe2", 0, OutFixed(0, PipeFdsBytes));
                case 294: return Forward("inotify_init1", 0);
                case 295: return Forward("preadv", FdArg(0), Iovecs(1, 2, true));
                case 296: return Forward("pwritev", FdArg(0), Iovecs(1, 2, false));
                case 297: return Emulated("rt_tgsigqueueinfo");
                case 298: return Refused("perf_event_open", EPERM);
                case 299: return Refused("recvmmsg", ENOSYS);
                case 300: return Refused("fanotify_init", EPERM);
                case 301: return Refused("fanotify_mark", EPERM);
                case 302: return Emulated("prlimit64");
                case 303: return Refused("name_to_handle_at", EPERM);
                case 304: return Refused("open_by_handle_at", EPERM);
                case 305: return Refused("clock_adjtime", EPERM);
                case 306: return Forward("syncfs", FdArg(0));
                case 307: return Refused("sendmmsg", ENOSYS);
                case 308: return Refused("setns", EPERM);
                case 309: return Forward("getcpu", 0, OutFixed(0, IntBytes).OrNull(), OutFixed(1, IntBytes).OrNull());
                case 310: return Refused("process_vm_readv", EPERM);
                case 311: return Refused("process_vm_writev", EPERM);
                case 312: return Refused("kcmp", EPERM);
                case 313: return Refused("finit_module", EPERM);
                case 314: return Refused("sched_setattr", ENOSYS);
                case 315: return Refused("sched_getattr", ENOSYS);
                case 316: return Forward("renameat2", FdArg(0) | FdArg(2), Path(1), Path(3));
                case 317: return Refused("seccomp", EPERM);
                case 318: return Forward("getrandom", 0, Out(0, 1));
                case 319: return Forward("memfd_create", 0, Path(0));
                case 320: return Refused("kexec_file_load", EPERM);
                case 321: return Refused("bpf", EPERM);
                case 322: return Emulated("execveat");
                case 323: return Refused("userfaultfd", EPERM);
                case 324: return Refused("membarrier", ENOSYS);
                case 325: return Emulated("mlock2");
                case 326: return Forward("copy_file_range", FdArg(0) | FdArg(2), OutFixed(1, 8).OrNull(), OutFixed(3, 8).OrNull());
                case 327: return Forward("preadv2", FdArg(0), Iovecs(1, 2, true));
                case 328: return Forward("pwritev2", FdArg(0), Iovecs(1, 2, false));
                case 329: return Refused("pkey_mprotect", ENOSYS);
                case 330: return Refused("pkey_alloc", ENOSYS);
                case 331: return Refused("pkey_free", ENOSYS);
                case 332: return Forward("statx", FdArg(0), Path(1), OutFixed(4, StatxBytes));
                case 333: return Refused("io_pgetevents", ENOSYS);
                case 334: return Refused("rseq", ENOSYS);
                case 424: return Refused("pidfd_send_signal", EPERM);
                case 425: return Refused("io_uring_setup", ENOSYS);
                case 426: return Refused("io_uring_enter", ENOSYS);
                case 427: return Refused("io_uring_register", ENOSYS);
                case 428: return Refused("open_tree", EPERM);
                case 429: return Refused("move_mount", EPERM);
                case 430: return Refused("fsopen", EPERM);
                case 431: return Refused("fsconfig", EPERM);
                case 432: return Refused("fsmount", EPERM);
                case 433: return Refused("fspick", EPERM);
                case 434: return Refused("pidfd_open", EPERM);
                case 435: return Emulated("clone3");
                case 436: return Emulated("close_range");
                case 437: return Forward("openat2", FdArg(0), Path(1), In(2, 3));
                case 438: return Refused("pidfd_getfd", EPERM);
                case 439: return Forward("faccessat2", FdArg(0), Path(1));
                case 440: return Refused("process_madvise", EPERM);
                case 441: return Forward("epoll_pwait2", FdArg(0), ArrayOf(1, 2, EpollEventBytes, true), InFixed(3, TimespecBytes).OrNull(), InFixed(4, SigsetBytes).OrNull());
                case 442: return Refused("mount_setattr", EPERM);
                case 443: return Refused("quotactl_fd", EPERM);
                case 444: return Refused("landlock_create_ruleset", EPERM);
                case 445: return Refused("landlock_add_rule", EPERM);
                case 446: return Refused("landlock_restrict_self", EPERM);
                case 447: return Refused("memfd_secret", EPERM);
                case 448: return Refused("process_mrelease", EPERM);
                case 449: return Refused("futex_waitv", ENOSYS);
                case 450: return Refused("set_mempolicy_home_node", ENOSYS);
                default: return new SyscallInfo(null, SyscallTreatment.Refused, ENOSYS, 0, SyscallPointers.Unknown);
            }
        }

        private static byte FdArg(int index) => (byte)(1 << index);

        // Not inlined: each case is then one call with constant arguments, and the switch needs no stack frame.

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static SyscallInfo Forward(string name, int fds) => new SyscallInfo(name, SyscallTreatment.Forward, 0, (byte)fds, SyscallPointers.None);
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static SyscallInfo Forward(string name, int fds, PointerArg a) => new SyscallInfo(name, SyscallTreatment.Forward, 0, (byte)fds, SyscallPointers.Of(a));
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static SyscallInfo Forward(string name, int fds, PointerArg a, PointerArg b) =>
            new SyscallInfo(name, SyscallTreatment.Forward, 0, (byte)fds, SyscallPointers.Of(a, b));
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static SyscallInfo Forward(string name, int fds, PointerArg a, PointerArg b, PointerArg c) =>
            new SyscallInfo(name, SyscallTreatment.Forward, 0, (byte)fds, SyscallPointers.Of(a, b, c));
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static SyscallInfo Forward(string name, int fds, PointerArg a, PointerArg b, PointerArg c, PointerArg d) =>
            new SyscallInfo(name, SyscallTreatment.Forward, 0, (byte)fds, SyscallPointers.Of(a, b, c, d));
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static SyscallInfo Forward(string name, int fds, PointerArg a, PointerArg b, PointerArg c, PointerArg d, PointerArg e) =>
            new SyscallInfo(name, SyscallTreatment.Forward, 0, (byte)fds, SyscallPointers.Of(a, b, c, d, e));
        /// <summary>A wait with a timeout: emulated (UserKernel.Waits.cs), its arguments checked as a forwarded call's.</summary>
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static SyscallInfo Wait(string name, int fds, PointerArg a) =>
            new SyscallInfo(name, SyscallTreatment.Emulated, 0, (byte)fds, SyscallPointers.Of(a));
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static SyscallInfo Wait(string name, int fds, PointerArg a, PointerArg b) =>
            new SyscallInfo(name, SyscallTreatment.Emulated, 0, (byte)fds, SyscallPointers.Of(a, b));
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static SyscallInfo Wait(string name, int fds, PointerArg a, PointerArg b, PointerArg c) =>
            new SyscallInfo(name, SyscallTreatment.Emulated, 0, (byte)fds, SyscallPointers.Of(a, b, c));
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static SyscallInfo Wait(string name, int fds, PointerArg a, PointerArg b, PointerArg c, PointerArg d) =>
            new SyscallInfo(name, SyscallTreatment.Emulated, 0, (byte)fds, SyscallPointers.Of(a, b, c, d));
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static SyscallInfo Wait(string name, int fds, PointerArg a, PointerArg b, PointerArg c, PointerArg d, PointerArg e) =>
            new SyscallInfo(name, SyscallTreatment.Emulated, 0, (byte)fds, SyscallPointers.Of(a, b, c, d, e));
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static SyscallInfo Emulated(string name) => new SyscallInfo(name, SyscallTreatment.Emulated, 0, 0, SyscallPointers.Unknown);
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static SyscallInfo Refused(string name, int errno) => new SyscallInfo(name, SyscallTreatment.Refused, errno, 0, SyscallPointers.Unknown);
    }
}
