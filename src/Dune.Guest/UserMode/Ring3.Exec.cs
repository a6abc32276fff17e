using System;
using Dune.Platform;

namespace Dune.UserMode
{
    /// <summary>
    /// execve for the program: the new image replaces the old one in the same space, under the same policy and
    /// monitor. Before the point of no return everything that can fail with an errno is checked, as Linux does:
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
        private const int ENOENT = 2, ENOEXEC = 8, EACCES = 13, ELOOP = 40, XOk = 1, AtFdcwd = -100;
        private const uint SIfmt = 0xF000, SIfreg = 0x8000;

        /// <summary>execve(path, argv, envp): checks it and leaves it pending for <see cref="OnEntry"/>; 0 or -errno.</summary>
        internal static long Execve(UserSpace space, in SyscallCall call)
        {
            RunState run = Current();
            long r = UserStrings.Read(space, (ulong)call.Arg0, UserStrings.PathMax, out string path);
            if (r != 0) return r;
            long room = MaxArgumentBytes;
            r = UserStrings.ReadArray(space, (ulong)call.Arg1, ref room, out string[] argv);
            if (r != 0) return r;
            r = UserStrings.ReadArray(space, (ulong)call.Arg2, ref room, out string[] envp);
            if (r != 0) return r;
            r = Resolve(run.Monitor, ref path, ref argv, out byte[] image);
            if (r != 0) return r;
            run.Exec = new PendingExec { Image = image, Path = path, Argv = argv, Envp = envp };
            return 0;
        }

        /// <summary>The file to load after following #! lines: its image, path and argv; 0 or -errno.</summary>
        private static long Resolve(SyscallMonitor monitor, ref string path, ref string[] argv, out byte[] image)
        {
            image = null;
            for (int depth = 0; depth <= MaxInterpreterDepth; depth++)
            {
                long r = Openable(monitor, path, true);
                if (r != 0) return r;
                image = UserElf.ReadFile(path);
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
            long r = monitor != null ? monitor.MayExecute(path) : 0;
            if (r != 0) return r;
            if (path.Length == 0) return -ENOENT;
            byte* name = stackalloc byte[path.Length + 1];
            for (int i = 0; i < path.Length; i++) name[i] = (byte)path[i];
            name[path.Length] = 0;
            if (executable && (r = Syscall.Invoke(Faccessat, AtFdcwd, (long)name, XOk)) != 0) return r;
            byte* stat = stackalloc byte[144];
            if ((r = Syscall.Invoke(Newfstatat, AtFdcwd, (long)name, (long)stat, 0)) != 0) return r;
            const int StMode = 24;
            return (*(uint*)(stat + StMode) & SIfmt) == SIfreg ? 0 : -EACCES;
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
            space.ReleaseProgramMemory();
            space.Signals.ResetForExec();
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
            return Resume(run, frame, fpu, ResumeAll);
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
