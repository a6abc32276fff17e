using System;
using Dune.Cpu;
using Dune.Platform;

namespace Dune.UserMode
{
    /// <summary>
    /// execve and execveat for the program: the new image replaces the old one in the same space, under the same
    /// policy and monitor. execveat names the file relative to a directory descriptor of the program's, or (with
    /// AT_EMPTY_PATH) by a descriptor: the monitor reaches it through its own /proc/self/fd (the program's
    /// descriptors are the process's), and the program sees the name Linux gives it, /dev/fd/N[/path]. Before the point of no return everything that can fail with an errno is checked, as Linux does:
    /// the path and argument strings, the monitor's <see cref="SyscallMonitor.MayExecute"/> for the file, each
    /// <c>#!</c> interpreter and the ELF interpreter, execute permission and a regular file (the host's answer:
    /// ENOENT, EACCES, ENOTDIR...), an ELF the loader accepts (else ENOEXEC; a shell then runs the file itself).
    /// The call returns (and is traced) first; then the program's other threads end (the caller becomes the leader,
    /// Ring3.Threads.cs), the old image's memory goes, handlers reset, close-on-exec
    /// descriptors close, the new image loads (<see cref="UserElf.Load"/>) and ring 3 starts at its entry with
    /// fresh registers and FPU state. A failure after that point ends the program with SIGSEGV, as on Linux.
    /// </summary>
    public static unsafe partial class Ring3
    {
        /// <summary>A checked execve waiting for its call to return: what <see cref="CompleteExec"/> loads.</summary>
        private sealed class PendingExec
        {
            public byte[] Image;
            public string Path;
            public string[] Argv, Envp;
        }

        /// <summary>#! interpreters may name scripts themselves up to this depth (Linux's BINPRM_MAX_RECURSION), then ELOOP.</summary>
        private const int MaxInterpreterDepth = 4;
        /// <summary>argv and envp with their pointers must fit in the initial stack <see cref="UserElf"/> builds.</summary>
        private const long MaxArgumentBytes = 48 * 1024;
        private const long Newfstatat = 262, Faccessat = 269, Getdents64 = 217;
        private const int ENOENT = 2, ENOEXEC = 8, EBADF = 9, EACCES = 13, ENOTDIR = 20, EINVAL = 22, ELOOP = 40, XOk = 1, AtFdcwd = -100;
        private const int AtSymlinkNofollow = 0x100, AtEmptyPath = 0x1000;
        private const uint SIfmt = 0xF000, SIfreg = 0x8000, SIflnk = 0xA000, SIfdir = 0x4000;
        /// <summary>struct stat: its size and st_mode's offset.</summary>
        private const int StatBytes = 144, StMode = 24;

        /// <summary>execve(path, argv, envp): checks it and leaves it pending for <see cref="OnEntry"/>; 0 or -errno.</summary>
        internal static long Execve(UserSpace space, in SyscallCall call) =>
            Exec(space, AtFdcwd, (ulong)call.Arg0, (ulong)call.Arg1, (ulong)call.Arg2, 0);

        /// <summary>execveat(dirfd, path, argv, envp, flags): as <see cref="Execve"/>.</summary>
        internal static long Execveat(UserSpace space, in SyscallCall call) =>
            Exec(space, (int)call.Arg0, (ulong)call.Arg1, (ulong)call.Arg2, (ulong)call.Arg3, (int)call.Arg4);

        private static long Exec(UserSpace space, int dirfd, ulong pathArg, ulong argvArg, ulong envpArg, int flags)
        {
            if ((flags & ~(AtSymlinkNofollow | AtEmptyPath)) != 0) return -EINVAL;
            RunState run = Current();
            long r = UserStrings.Read(space, pathArg, UserStrings.PathMax, out string path);
            if (r != 0) return r;
            long room = MaxArgumentBytes;
            r = UserStrings.ReadArray(space, argvArg, ref room, out string[] argv);
            if (r != 0) return r;
            r = UserStrings.ReadArray(space, envpArg, ref room, out string[] envp);
            if (r != 0) return r;
            r = HostPath(dirfd, path, flags, out string hostPath, out string shownPath);
            if (r != 0) return r;
            r = run.Monitor != null ? run.Monitor.MayExecute(dirfd, path) : 0;
            if (r != 0) return r;
            r = Resolve(run.Monitor, hostPath, ref shownPath, ref argv, out byte[] image);
            if (r != 0) return r;
            run.Exec = new PendingExec { Image = image, Path = shownPath, Argv = argv, Envp = envp };
            return 0;
        }

        /// <summary>
        /// Where the monitor finds execveat's file (<paramref name="hostPath"/>) and the name the program sees for it
        /// (<paramref name="shownPath"/>, also a #! interpreter's script argument): the path itself when it is
        /// absolute or relative to the working directory, else through the descriptor. 0 or -errno.
        /// </summary>
        private static long HostPath(int dirfd, string path, int flags, out string hostPath, out string shownPath)
        {
            hostPath = shownPath = path;
            if (path.Length == 0 && (flags & AtEmptyPath) == 0) return -ENOENT;
            if (path.Length > 0 && (path[0] == '/' || dirfd == AtFdcwd)) return NotALink(path, flags);
            if (dirfd < 0 || dirfd >= MonitorFds.Floor) return -EBADF;
            // As the kernel resolves it: a closed descriptor, or a file where a directory is needed, before anything else.
            long r = FileMode(dirfd, "", AtEmptyPath, out uint mode);
            if (r != 0) return r;
            if (path.Length > 0 && (mode & SIfmt) != SIfdir) return -ENOTDIR;
            string descriptor = dirfd.ToString(), below = path.Length == 0 ? "" : "/" + path;
            hostPath = "/proc/self/fd/" + descriptor + below;
            shownPath = "/dev/fd/" + descriptor + below;
            return path.Length == 0 ? 0 : NotALink(hostPath, flags);
        }

        /// <summary>AT_SYMLINK_NOFOLLOW: a symbolic link as the file itself is ELOOP.</summary>
        private static long NotALink(string path, int flags)
        {
            if ((flags & AtSymlinkNofollow) == 0) return 0;
            long r = FileMode(AtFdcwd, path, AtSymlinkNofollow, out uint mode);
            return r != 0 ? r : (mode & SIfmt) == SIflnk ? -ELOOP : 0;
        }

        /// <summary>newfstatat(<paramref name="dirfd"/>, <paramref name="path"/>, <paramref name="atFlags"/>)'s st_mode; 0 or -errno.</summary>
        private static long FileMode(int dirfd, string path, int atFlags, out uint mode)
        {
            byte* name = stackalloc byte[path.Length + 1];
            WriteAscii(name, path);
            byte* stat = stackalloc byte[StatBytes];
            long r = Syscall.Invoke(Newfstatat, dirfd, (long)name, (long)stat, atFlags);
            mode = r == 0 ? *(uint*)(stat + StMode) : 0;
            return r;
        }

        /// <summary>
        /// The file to load after following #! lines: its image, the name the program sees and argv; 0 or -errno. The
        /// first file is <paramref name="hostPath"/>, which the monitor has allowed; interpreters are asked for.
        /// </summary>
        private static long Resolve(SyscallMonitor monitor, string hostPath, ref string path, ref string[] argv, out byte[] image)
        {
            image = null;
            for (int depth = 0; depth <= MaxInterpreterDepth; depth++)
            {
                long r = depth == 0 ? Loadable(hostPath, true) : Openable(monitor, path, true);
                if (r != 0) return r;
                image = UserElf.ReadFile(depth == 0 ? hostPath : path);
                if (image == null) return -EACCES;
                if (!Shebang.Is(image)) return CheckElf(monitor, image);
                if (!Shebang.TryParse(image, out string interpreter, out string argument)) return -ENOEXEC;
                // The script runs as: interpreter [argument] path argv[1...]
                int extra = argument != null ? 3 : 2;
                string[] next = new string[extra + (argv.Length > 1 ? argv.Length - 1 : 0)];
                next[0] = interpreter;
                if (argument != null) next[1] = argument;
                next[extra - 1] = path;
                for (int i = 1; i < argv.Length; i++) next[extra - 1 + i] = argv[i];
                argv = next;
                path = interpreter;
            }
            return -ELOOP;
        }

        /// <summary>Whether the loader takes the image and the monitor its ELF interpreter; 0, -ENOEXEC or the monitor's -errno.</summary>
        private static long CheckElf(SyscallMonitor monitor, byte[] image)
        {
            if (!UserElf.IsLoadable(image, out string interpreter)) return -ENOEXEC;
            return interpreter == null ? 0 : Openable(monitor, interpreter, false);
        }

        /// <summary>The monitor allows <paramref name="path"/>, and it is a regular file (executable when <paramref name="executable"/>): 0 or -errno.</summary>
        private static long Openable(SyscallMonitor monitor, string path, bool executable)
        {
            long r = monitor != null ? monitor.MayExecute(AtFdcwd, path) : 0;
            return r != 0 ? r : Loadable(path, executable);
        }

        /// <summary><paramref name="path"/> is a regular file (executable when <paramref name="executable"/>): 0 or -errno.</summary>
        private static long Loadable(string path, bool executable)
        {
            long r;
            if (path.Length == 0) return -ENOENT;
            byte* name = stackalloc byte[path.Length + 1];
            WriteAscii(name, path);
            if (executable && (r = Syscall.Invoke(Faccessat, AtFdcwd, (long)name, XOk)) != 0) return r;
            if ((r = FileMode(AtFdcwd, path, 0, out uint mode)) != 0) return r;
            return (mode & SIfmt) == SIfreg ? 0 : -EACCES;
        }

        /// <summary>
        /// The pending execve's point of no return, after the call was traced: the old image goes, the new one
        /// loads and ring 3 starts at its entry (<see cref="ResumeAll"/>: every register from the new frame).
        /// </summary>
        private static int CompleteExec(RunState run, UserFrame* frame, byte* fpu)
        {
            PendingExec exec = run.Exec;
            run.Exec = null;
            UserSpace space = run.Space;
            EndOtherThreads(run);
            // The only thread left takes the pid as its tid, as Linux's de_thread gives it (already so for the first).
            run.Thread.Tid = Syscall.Invoke(SyscallNumber.Getpid);
            space.ReleaseProgramMemory();
            space.Signals.ResetHandlers();
            space.Timers.DeleteAll();
            run.Thread.ResetForExec();
            CloseOnExecDescriptors();
            string error = UserElf.Load(space, exec.Image, exec.Path, exec.Argv, exec.Envp, out UserFrame start);
            UserFork.ReleaseVforkParent(space);
            if (error != null)
            {
                run.Result = new RunResult { End = RunEnd.Signaled, Signal = ProgramSignals.SigSegv };
                return 1;
            }
            *frame = start;
            SignalFrame.InitialFpu(fpu);
            UserXstate.Reset();
            return Resume(run, PerCpu.Current, frame, fpu, ResumeAll);
        }

        /// <summary>Closes the program's descriptors marked close-on-exec (the monitor's, above the floor, stay), listed from /proc/self/fd.</summary>
        private static void CloseOnExecDescriptors()
        {
            const int ORdonly = 0, ODirectory = 0x10000, OCloexec = 0x80000, FGetfd = 1, FdCloexec = 1, BufferBytes = 4096;
            byte* path = stackalloc byte[16];
            WriteAscii(path, "/proc/self/fd");
            long dir = Syscall.Invoke(SyscallNumber.Openat, AtFdcwd, (long)path, ORdonly | ODirectory | OCloexec);
            if (dir < 0) return;
            var closing = new System.Collections.Generic.List<int>();
            byte* buffer = stackalloc byte[BufferBytes];
            long n;
            while ((n = Syscall.Invoke(Getdents64, dir, (long)buffer, BufferBytes)) > 0)
            {
                for (long at = 0; at < n; at += *(ushort*)(buffer + at + 16))
                {
                    int fd = Number(buffer + at + 19);
                    if (fd < 0 || fd == dir || fd >= MonitorFds.Floor) continue;
                    long flags = Syscall.Invoke(SyscallNumber.Fcntl, fd, FGetfd);
                    if (flags >= 0 && (flags & FdCloexec) != 0) closing.Add(fd);
                }
            }
            Syscall.Invoke(SyscallNumber.Close, dir);
            for (int i = 0; i < closing.Count; i++) Syscall.Invoke(SyscallNumber.Close, closing[i]);
        }

        /// <summary>A directory entry's name as a descriptor number, or -1 (".", "..").</summary>
        private static int Number(byte* name)
        {
            if (*name == 0) return -1;
            int value = 0;
            for (; *name != 0; name++)
            {
                if (*name < '0' || *name > '9' || value > 1 << 24) return -1;
                value = value * 10 + (*name - '0');
            }
            return value;
        }

        private static void WriteAscii(byte* to, string text)
        {
            for (int i = 0; i < text.Length; i++) to[i] = (byte)text[i];
            to[text.Length] = 0;
        }
    }
}
