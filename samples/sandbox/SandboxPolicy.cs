using System.Collections.Generic;
using Dune.UserMode;

/// <summary>
/// A policy file (format in README.md): per-call verdicts over a default, network on or off, path rules.
/// Parsed into a <see cref="SyscallPolicy"/> for the ring-3 run: calls that take paths, and socket, are routed
/// to the monitor (<see cref="SandboxMonitor"/>) so it can apply the path rules and the network switch before
/// passing them on; "emulate CALL VALUE" calls return VALUE without running.
/// </summary>
sealed class SandboxPolicy
{
    public const string DefaultProfile =
        "# The built-in profile: every call the syscall table forwards or emulates, no network,\n" +
        "# the file system read-only except /tmp and the null device.\n" +
        "default allow\n" +
        "network off\n" +
        "path / ro\n" +
        "path /tmp rw\n" +
        "path /dev/null rw\n" +
        "path /proc none\n" +
        "path /sys none\n";

    public const int CheckPaths = 0, CheckSocket = 1, FirstFixedValue = 2;

    public readonly PathRules Paths = new PathRules();
    public bool Network;
    public readonly List<long> FixedValues = new List<long>();
    readonly SyscallAction[] _explicit = new SyscallAction[SyscallPolicy.TableSize];
    readonly bool[] _hasExplicit = new bool[SyscallPolicy.TableSize];
    SyscallAction _default = SyscallAction.Allow;

    /// <summary>Parses <paramref name="text"/>; null and the policy, or the first error ("line N: ...").</summary>
    public static string Parse(string text, out SandboxPolicy policy)
    {
        policy = new SandboxPolicy();
        string[] lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string error = policy.ParseLine(lines[i]);
            if (error != null) return "line " + (i + 1).ToString() + ": " + error;
        }
        return null;
    }

    string ParseLine(string line)
    {
        int hash = line.IndexOf('#');
        if (hash >= 0) line = line.Substring(0, hash);
        string[] w = Words(line);
        if (w.Length == 0) return null;
        switch (w[0])
        {
            case "default":
                if (w.Length == 2 && w[1] == "allow") { _default = SyscallAction.Allow; return null; }
                if (w[1] == "deny" && (w.Length == 2 || w.Length == 3)) return Deny(w, 2, out _default);
                return "want: default allow | default deny [ERRNO]";
            case "network":
                if (w.Length != 2 || (w[1] != "on" && w[1] != "off")) return "want: network on | network off";
                Network = w[1] == "on";
                return null;
            case "path":
                if (w.Length != 3 || !w[1].StartsWith("/")) return "want: path /ABSOLUTE/PREFIX ro|rw|none";
                PathAccess access = w[2] == "ro" ? PathAccess.ReadOnly : w[2] == "rw" ? PathAccess.ReadWrite : PathAccess.None;
                if (access == PathAccess.None && w[2] != "none") return "path access must be ro, rw or none, not '" + w[2] + "'";
                Paths.Add(w[1], access);
                return null;
            case "allow":
            case "kill":
                if (w.Length < 2) return "want: " + w[0] + " CALL...";
                for (int i = 1; i < w.Length; i++)
                {
                    long n = Number(w[i]);
                    if (n < 0) return "unknown system call '" + w[i] + "'";
                    Set(n, w[0] == "allow" ? SyscallAction.Allow : SyscallAction.Kill);
                }
                return null;
            case "deny":
            {
                if (w.Length < 2 || w.Length > 3) return "want: deny CALL [ERRNO]";
                long n = Number(w[1]);
                if (n < 0) return "unknown system call '" + w[1] + "'";
                string error = Deny(w, 2, out SyscallAction action);
                if (error == null) Set(n, action);
                return error;
            }
            case "emulate":
            {
                if (w.Length != 3) return "want: emulate CALL VALUE";
                long n = Number(w[1]);
                if (n < 0) return "unknown system call '" + w[1] + "'";
                if (!long.TryParse(w[2], out long value)) return "emulated value '" + w[2] + "' is not a number";
                FixedValues.Add(value);
                Set(n, SyscallAction.Emulate(FirstFixedValue + FixedValues.Count - 1));
                return null;
            }
            default:
                return "unknown rule '" + w[0] + "' (want default, allow, deny, kill, emulate, network or path)";
        }
    }

    static string Deny(string[] w, int at, out SyscallAction action)
    {
        int errno = w.Length > at ? Errno.Parse(w[at]) : Errno.EPERM;
        action = errno == 0 ? default : SyscallAction.Deny(errno);
        return errno == 0 ? "unknown errno '" + w[at] + "'" : null;
    }

    void Set(long number, SyscallAction action)
    {
        _explicit[number] = action;
        _hasExplicit[number] = true;
    }

    /// <summary>The run's policy: explicit rules, then the default; allowed calls with paths (and socket) go through the monitor's checks.</summary>
    public SyscallPolicy ToSyscallPolicy()
    {
        SyscallPolicy p = SyscallPolicy.AllowByDefault();
        for (int n = 0; n < SyscallPolicy.TableSize; n++)
        {
            SyscallAction a = _hasExplicit[n] ? _explicit[n] : _default;
            if (a.Verdict == SyscallVerdict.Allow && PathCalls.Has(n)) a = SyscallAction.Emulate(CheckPaths);
            else if (a.Verdict == SyscallVerdict.Allow && n == PathCalls.Socket) a = SyscallAction.Emulate(CheckSocket);
            p.Set(n, a);
        }
        return p;
    }

    /// <summary>A call by name (as the syscall table names it) or number; -1 if neither.</summary>
    static long Number(string word)
    {
        if (long.TryParse(word, out long n)) return n >= 0 && n < SyscallPolicy.TableSize ? n : -1;
        for (int i = 0; i <= SyscallTable.Highest; i++)
            if (SyscallTable.Of(i).Name == word) return i;
        return -1;
    }

    static string[] Words(string line)
    {
        var words = new List<string>();
        foreach (string part in line.Replace('\t', ' ').Replace('\r', ' ').Split(' '))
            if (part.Length > 0) words.Add(part);
        return words.ToArray();
    }
}
