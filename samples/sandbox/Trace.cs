using System.Text;
using Dune.UserMode;

/// <summary>
/// One strace-like line per call: name(arguments) = result. Descriptors print as numbers (AT_FDCWD by name),
/// paths as quoted strings, other pointers in hex, the rest in decimal; errors as "-1 ENOENT"; calls the policy
/// denied, emulated with a fixed value or killed on, and calls the syscall table refuses, are marked.
/// </summary>
static unsafe class Trace
{
    public static string Line(in SyscallCall call, SyscallAction action, long result)
    {
        SyscallInfo info = SyscallTable.Of(call.Number);
        var s = new StringBuilder();
        s.Append(info.Name ?? "syscall_" + call.Number.ToString()).Append('(');
        int arity = Arity(call.Number, info);
        for (int i = 0; i < arity; i++)
        {
            if (i > 0) s.Append(", ");
            Argument(s, call, info, i);
        }
        s.Append(')');
        if (action.Verdict == SyscallVerdict.Kill) return s.Append(" = ? (killed by the policy)").ToString();
        if (call.Number == 60 || call.Number == 231) return s.Append(" = ?").ToString();
        s.Append(" = ");
        if (result < 0 && result > -4096) s.Append("-1 ").Append(Errno.Name(-result));
        else if (result > 0xFFFF) s.Append("0x").Append(result.ToString("x"));
        else s.Append(result.ToString());
        if (action.Verdict == SyscallVerdict.Deny) s.Append(" (denied by the policy)");
        else if (action.Verdict == SyscallVerdict.Emulate && action.Handler >= SandboxPolicy.FirstFixedValue) s.Append(" (emulated)");
        else if (info.Treatment == SyscallTreatment.Refused) s.Append(" (refused by the monitor)");
        return s.ToString();
    }

    static void Argument(StringBuilder s, in SyscallCall call, SyscallInfo info, int i)
    {
        long v = SandboxMonitor.Argument(call, i);
        if ((info.FdArgs & (1 << i)) != 0 || IsDirfd(call.Number, i))
        {
            s.Append((int)v == -100 ? "AT_FDCWD" : ((int)v).ToString());
            return;
        }
        for (int k = 0; k < info.Pointers.Count; k++)
        {
            PointerArg p = info.Pointers[k];
            if (p.Index != i) continue;
            if (p.Length == PointerLength.String) String(s, v);
            else s.Append(v == 0 ? "NULL" : "0x" + v.ToString("x"));
            return;
        }
        if (call.Number == Execve && i == 0)
        {
            String(s, v);
            return;
        }
        if ((ulong)v >> 32 == 0 && (int)v < 0 && (int)v > -4096) s.Append(((int)v).ToString()); // an int such as fd -1
        else if (v > 0xFFFF || v < -0xFFFF) s.Append("0x").Append(v.ToString("x"));
        else s.Append(v.ToString());
    }

    const long Execve = 59;

    /// <summary>A path argument quoted (its first 64 bytes), or its address when the program cannot read it.</summary>
    static void String(StringBuilder s, long v)
    {
        if (v != 0 && UserStrings.Read((ulong)v, 64, out string text) == 0) s.Append('"').Append(text).Append('"');
        else s.Append(v == 0 ? "NULL" : "0x" + v.ToString("x"));
    }

    static bool IsDirfd(long number, int i)
    {
        PathUse use = PathCalls.Of((int)number);
        return use.Path >= 0 && (use.Dirfd == i || use.Dirfd2 == i);
    }

    /// <summary>How many arguments to show: the calls the monitor emulates have their own counts; forwarded ones up to their last described argument.</summary>
    static int Arity(long number, SyscallInfo info)
    {
        switch (number)
        {
            case 9: case 202: return 6;                   // mmap, futex
            case 25: case 56: return 5;                   // mremap, clone
            case 57: case 58: return 0;                   // fork, vfork
            case 13: case 14: case 302: return 4;         // rt_sigaction, rt_sigprocmask, prlimit64
            case Execve: return 3;
            case 10: case 16: case 72: case 28: case 234: case 436: return 3; // mprotect, ioctl, fcntl, madvise, tgkill, close_range
            case 11: case 158: case 97: case 62: case 131: return 2;          // munmap, arch_prctl, getrlimit, kill, sigaltstack
            case 12: case 3: case 60: case 231: case 218: case 37: return 1;  // brk, close, exit, exit_group, set_tid_address, alarm
        }
        if (info.Treatment == SyscallTreatment.Refused) return 3;
        int n = 0;
        for (int i = 0; i < 6; i++) if ((info.FdArgs & (1 << i)) != 0) n = i + 1;
        for (int k = 0; k < info.Pointers.Count; k++)
        {
            PointerArg p = info.Pointers[k];
            if (p.Index + 1 > n) n = p.Index + 1;
            if (p.Length != PointerLength.Fixed && p.Length != PointerLength.String && p.Length != PointerLength.Msghdr && p.CountIndex + 1 > n) n = p.CountIndex + 1;
        }
        PathUse use = PathCalls.Of((int)number);
        if (use.OpenFlags >= 0 && use.OpenFlags + 1 > n) n = use.OpenFlags + 1;
        return n;
    }
}
