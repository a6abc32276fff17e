using Dune.Platform;
using Dune.UserMode;

/// <summary>
/// The sandbox's ring-0 side: applies the path rules to calls that name files (execve's files too) and the network switch to
/// socket before passing them on (<see cref="Ring3.PassThrough"/>), returns the policy's fixed values for
/// emulated calls, and with --trace prints every call (<see cref="Trace"/>).
/// </summary>
sealed unsafe class SandboxMonitor : SyscallMonitor
{
    const long AtFdcwd = -100, OAccmode = 3, OCreat = 0x40, OTrunc = 0x200;
    const int EBADF = 9, ENOENT = 2, SigSys = 31;

    readonly SandboxPolicy _policy;
    readonly bool _trace;
    readonly string _program;

    public SandboxMonitor(SandboxPolicy policy, bool trace, string program)
    {
        _policy = policy;
        _trace = trace;
        _program = program;
    }

    /// <summary>
    /// The program ended (in any of its threads): says how on the report channel unless it exited, and gives the
    /// exit status; a forked child the program's signal ended ends by that signal instead (<see cref="ForkedChild"/>).
    /// </summary>
    public override int ProcessEnded(in RunResult r)
    {
        if (r.End != RunEnd.Exited && ForkedChild.IsForked) ForkedChild.DieBy(r.End == RunEnd.Killed ? SigSys : r.Signal);
        switch (r.End)
        {
            case RunEnd.Exited: break;
            case RunEnd.Signaled: Report.Line("sandbox: " + _program + " killed by signal " + r.Signal.ToString()); break;
            case RunEnd.Killed: Report.Line("sandbox: " + _program + " killed by the policy at " + SyscallTable.Name(r.SyscallNumber)); break;
            default: Report.Line("sandbox: " + _program + " killed by signal " + r.Signal.ToString() + ": " + r.Describe()); break;
        }
        return ExitStatus(r);
    }

    public override long Emulate(int handler, in SyscallCall call)
    {
        switch (handler)
        {
            case SandboxPolicy.CheckPaths:
                long denied = CheckPaths(call, out bool checkOpened);
                if (denied != 0) return denied;
                long r = Ring3.PassThrough(call);
                if (checkOpened && r >= 0 && OpenedAccess(r) == PathAccess.None)
                {
                    Syscall.Invoke(SyscallNumber.Close, r);
                    return -Errno.EACCES;
                }
                return r;
            case SandboxPolicy.CheckSocket:
                return _policy.Network ? Ring3.PassThrough(call) : -Errno.EACCES;
            default:
                return _policy.FixedValues[handler - SandboxPolicy.FirstFixedValue];
        }
    }

    /// <summary>execve's files (the program, #! and ELF interpreters) need read access under the path rules.</summary>
    public override long MayExecute(int dirfd, string path)
    {
        if (path.Length == 0 || path[0] != '/')
        {
            string directory = Directory(dirfd);
            if (directory == null) return -EBADF;
            path = path.Length == 0 ? directory : directory + "/" + path;
        }
        return AccessOf(path, true) == PathAccess.None ? -Errno.EACCES : 0;
    }

    /// <summary>The rules' access for an absolute path: the lesser of the path as written and, when <paramref name="followLinks"/>, its target.</summary>
    PathAccess AccessOf(string path, bool followLinks)
    {
        PathAccess written = _policy.Paths.AccessOf(path);
        if (!followLinks || written == PathAccess.None) return written;
        PathAccess resolved = _policy.Paths.AccessOf(ResolvedPath.Of(path));
        return resolved < written ? resolved : written;
    }

    public override void Observe(in SyscallCall call, SyscallAction action, long result)
    {
        if (_trace) Report.Line(Trace.Line(call, action, result));
    }

    /// <summary>
    /// 0 when every path of the call is allowed for its use, else -errno (EACCES outside the rules, EROFS writing a
    /// read-only tree): the path as written and with its symlinks followed (<see cref="ResolvedPath"/>). A
    /// read-only open is checked by what it opened instead (<paramref name="checkOpened"/>: one readlink of the new
    /// descriptor rather than one per component; reading has no effect to undo).
    /// </summary>
    long CheckPaths(in SyscallCall call, out bool checkOpened)
    {
        checkOpened = false;
        PathUse use = PathCalls.Of((int)call.Number);
        bool write = use.Write;
        if (use.OpenFlags != -1)
        {
            long flags;
            if (use.OpenFlags == PathCalls.OpenHowFlags)
            {
                if (!Ring3.Space.IsUserAccessible((ulong)call.Arg2, 8, false)) return -14;
                flags = *(long*)call.Arg2;
            }
            else flags = Argument(call, use.OpenFlags);
            write = (flags & OAccmode) != 0 || (flags & (OCreat | OTrunc)) != 0;
        }
        checkOpened = use.OpenFlags != -1 && !write;
        long r = CheckOne(call, use.Path, use.Dirfd, write, !checkOpened);
        if (r == 0 && use.Path2 >= 0) r = CheckOne(call, use.Path2, use.Dirfd2, true, true);
        return r;
    }

    /// <summary>What the rules give the file a new descriptor names (/proc/self/fd/N); pipes, sockets and other non-paths pass.</summary>
    PathAccess OpenedAccess(long fd)
    {
        string path = Directory(fd);
        return path == null || path[0] != '/' ? PathAccess.ReadWrite : _policy.Paths.AccessOf(path);
    }

    long CheckOne(in SyscallCall call, int pathArg, int dirfdArg, bool write, bool followLinks)
    {
        ulong address = (ulong)Argument(call, pathArg);
        if (address == 0) return 0; // utimensat(fd, NULL, ...) names no path; other calls fail in the kernel
        long r = UserStrings.Read(address, UserStrings.PathMax, out string path);
        if (r != 0) return r;
        if (path.Length == 0) return 0; // "" is ENOENT (or AT_EMPTY_PATH on a descriptor): the kernel answers
        if (path[0] != '/')
        {
            long dirfd = dirfdArg < 0 ? AtFdcwd : (int)Argument(call, dirfdArg); // the kernel reads an int
            string directory = Directory(dirfd);
            if (directory == null) return -EBADF;
            path = directory + "/" + path;
        }
        PathAccess access = AccessOf(path, followLinks);
        if (access == PathAccess.None) return -Errno.EACCES;
        if (write && access == PathAccess.ReadOnly) return -Errno.EROFS;
        return 0;
    }

    /// <summary>The directory a relative path starts from: the working directory, or what a (directory) descriptor names.</summary>
    static string Directory(long dirfd)
    {
        byte[] bytes = new byte[UserStrings.PathMax];
        fixed (byte* buffer = bytes) return Directory(dirfd, buffer);
    }

    static string Directory(long dirfd, byte* buffer)
    {
        long n;
        if (dirfd == AtFdcwd)
        {
            n = Syscall.Invoke(SyscallNumber.Getcwd, (long)buffer, UserStrings.PathMax);
            if (n > 0) n--; // getcwd counts the NUL
        }
        else
        {
            if (dirfd < 0 || dirfd >= MonitorFds.Floor) return null;
            string link = "/proc/self/fd/" + dirfd.ToString();
            byte* name = stackalloc byte[64];
            for (int i = 0; i < link.Length; i++) name[i] = (byte)link[i];
            name[link.Length] = 0;
            n = Syscall.Invoke(SyscallNumber.Readlink, (long)name, (long)buffer, UserStrings.PathMax - 1);
        }
        if (n <= 0) return null;
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) chars[i] = (char)buffer[i];
        return new string(chars, 0, (int)n);
    }

    public static long Argument(in SyscallCall call, int index)
    {
        switch (index)
        {
            case 0: return call.Arg0;
            case 1: return call.Arg1;
            case 2: return call.Arg2;
            case 3: return call.Arg3;
            case 4: return call.Arg4;
            default: return call.Arg5;
        }
    }
}
