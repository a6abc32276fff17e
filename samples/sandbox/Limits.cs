using Dune.Platform;

/// <summary>
/// --limit-cpu and --limit-mem. The CPU limit is the host's RLIMIT_CPU soft limit on the sandbox process (the
/// program's time is the vCPU thread's, monitor included): at it the host sends SIGXCPU, which the monitor
/// relays to the program (default action: end it, exit status 152, as Linux does), and again every second.
/// The memory limit counts the program's pages (UserSpace.MemoryLimit), as RLIMIT_AS counts a process's.
/// </summary>
static unsafe class Limits
{
    const long Prlimit64 = 302, RlimitCpu = 0;

    /// <summary>A decimal number above 0; with <paramref name="suffixes"/>, K, M or G multiply it by 1024, 1024², 1024³.</summary>
    public static bool TryParse(string text, bool suffixes, out ulong value)
    {
        value = 0;
        int end = text.Length;
        ulong scale = 1;
        if (suffixes && end > 0)
        {
            char last = text[end - 1];
            if (last == 'K' || last == 'k') scale = 1UL << 10;
            else if (last == 'M' || last == 'm') scale = 1UL << 20;
            else if (last == 'G' || last == 'g') scale = 1UL << 30;
            if (scale != 1) end--;
        }
        if (end == 0 || end > 18) return false;
        for (int i = 0; i < end; i++)
        {
            if (text[i] < '0' || text[i] > '9') return false;
            value = value * 10 + (ulong)(text[i] - '0');
        }
        if (value > ulong.MaxValue / scale) return false;
        value *= scale;
        return value != 0;
    }

    /// <summary>Sets the soft RLIMIT_CPU to <paramref name="seconds"/>, keeping the hard limit; null or why not.</summary>
    public static string SetCpu(ulong seconds)
    {
        ulong* limit = stackalloc ulong[2];
        if (Syscall.Invoke(Prlimit64, 0, RlimitCpu, 0, (long)limit) != 0) return "cannot read RLIMIT_CPU";
        if (limit[1] < seconds) return "above the hard limit of " + limit[1].ToString() + " seconds";
        limit[0] = seconds;
        return Syscall.Invoke(Prlimit64, 0, RlimitCpu, (long)limit, 0) == 0 ? null : "cannot set RLIMIT_CPU";
    }
}
