using System;
using System.Threading;
using Dune.Platform;

/// <summary>
/// A child's /proc/PID/comm, for the programs that spawn one (fork, dune-threads): compiled into each of them.
/// </summary>
static unsafe class ProcessNames
{
    /// <summary>
    /// /proc/PID/comm once it is <paramref name="expected"/>, or what it is after about two seconds. Not at once: Linux
    /// lets a vfork parent go on when the child's exec releases the old memory, a moment before exec renames the child
    /// (on another CPU the parent can read the old name).
    /// </summary>
    public static string OnceExecuted(long pid, string expected)
    {
        string name = Of(pid);
        for (int i = 0; i < 2000 && name != expected; i++)
        {
            Thread.Sleep(1);
            name = Of(pid);
        }
        return name;
    }

    /// <summary>/proc/PID/comm without its newline.</summary>
    public static string Of(long pid)
    {
        string path = "/proc/" + pid + "/comm";
        byte* cpath = stackalloc byte[path.Length + 1];
        for (int i = 0; i < path.Length; i++) cpath[i] = (byte)path[i];
        cpath[path.Length] = 0;
        int fd = (int)Syscall.Invoke(SyscallNumber.Open, (long)cpath, 0);
        byte* buf = stackalloc byte[32];
        long n = Syscall.Invoke(SyscallNumber.Read, fd, (long)buf, 31);
        Syscall.Invoke(SyscallNumber.Close, fd);
        var name = new char[n > 0 ? n - 1 : 0];
        for (int i = 0; i < name.Length; i++) name[i] = (char)buf[i];
        return new string(name);
    }
}
