using Dune.Platform;

/// <summary>
/// A sandbox that is a fork of the first one runs a child of the program: when a signal ends that child, the
/// sandbox ends by the same signal, so the program's wait4 sees WIFSIGNALED as it would natively (the first
/// sandbox keeps the shell's 128 + N exit status and its report).
/// </summary>
static unsafe class ForkedChild
{
    static long s_firstPid;

    /// <summary>Remembers the first sandbox's pid (before the program runs).</summary>
    public static void RememberFirst() => s_firstPid = Syscall.Invoke(SyscallNumber.Getpid);

    /// <summary>Whether this sandbox was forked for a child of the program.</summary>
    public static bool IsForked => Syscall.Invoke(SyscallNumber.Getpid) != s_firstPid;

    /// <summary>Ends this process by <paramref name="signal"/>: its default action, unblocked, sent to itself.</summary>
    public static void DieBy(int signal)
    {
        const long SigUnblock = 1, SigSetBytes = 8;
        ulong* action = stackalloc ulong[4];
        action[0] = action[1] = action[2] = action[3] = 0;
        Syscall.Invoke(SyscallNumber.RtSigaction, signal, (long)action, 0, SigSetBytes);
        ulong set = 1UL << (signal - 1);
        Syscall.Invoke(SyscallNumber.RtSigprocmask, SigUnblock, (long)&set, 0, SigSetBytes);
        Syscall.Invoke(SyscallNumber.Kill, Syscall.Invoke(SyscallNumber.Getpid), signal);
    }
}
