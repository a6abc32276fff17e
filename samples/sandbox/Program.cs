using System;
using System.Collections.Generic;
using Dune;
using Dune.Platform;
using Dune.UserMode;

/// <summary>
/// sandbox [--policy FILE] [--trace] [--limit-cpu SECONDS] [--limit-mem BYTES] -- PROGRAM ARGS...: runs an
/// unmodified Linux executable (static, static-pie or dynamically linked) in ring 3 under this Dune process,
/// which sees and decides every system call it makes and delivers its signals (README.md). The exit status is the program's: its exit code, 128 + N when it ends by signal N (a fault is
/// reported and counted as the signal Linux would send: SIGSEGV, SIGILL, SIGFPE, SIGTRAP; the policy's kill as
/// SIGSYS). The sandbox's own failures: 2 usage or policy error, 126 cannot load the program, 127 cannot read it.
/// </summary>
static class Program
{
    /// <summary>openat's and execveat's "the working directory".</summary>
    const int AtFdcwd = -100;

    const string Usage = "usage: sandbox [--policy FILE] [--trace] [--limit-cpu SECONDS] [--limit-mem BYTES] -- PROGRAM [ARGS...]";

    static int Main()
    {
        string[] args = Environment.GetCommandLineArgs();
        string policyFile = null;
        bool trace = false;
        ulong cpuSeconds = 0, memoryBytes = 0;
        int at = 1;
        for (; at < args.Length && args[at] != "--"; at++)
        {
            if (args[at] == "--trace") trace = true;
            else if (args[at] == "--policy" && at + 1 < args.Length) policyFile = args[++at];
            else if (args[at] == "--limit-cpu" && at + 1 < args.Length)
            {
                if (!Limits.TryParse(args[++at], false, out cpuSeconds)) return Fail("sandbox: --limit-cpu wants a whole number of seconds above 0, not '" + args[at] + "'", 2);
            }
            else if (args[at] == "--limit-mem" && at + 1 < args.Length)
            {
                if (!Limits.TryParse(args[++at], true, out memoryBytes)) return Fail("sandbox: --limit-mem wants a number of bytes above 0 (suffix K, M or G allowed), not '" + args[at] + "'", 2);
            }
            else return Fail(Usage, 2);
        }
        if (at + 1 >= args.Length) return Fail(Usage, 2);
        string program = args[at + 1];
        string[] argv = new string[args.Length - at - 1];
        for (int i = 0; i < argv.Length; i++) argv[i] = args[at + 1 + i];

        string text = SandboxPolicy.DefaultProfile;
        if (policyFile != null)
        {
            byte[] bytes = UserElf.ReadFile(policyFile);
            if (bytes == null) return Fail("sandbox: cannot read the policy " + policyFile, 2);
            text = Ascii(bytes, 0, bytes.Length);
        }
        string error = SandboxPolicy.Parse(text, out SandboxPolicy policy);
        if (error != null) return Fail("sandbox: " + (policyFile ?? "default policy") + ": " + error, 2);

        byte[] image = UserElf.ReadFile(program);
        if (image == null) return Fail("sandbox: cannot read " + program, 127);
        string[] envp = Split(ReadAll("/proc/self/environ"));

        // The program and its ELF interpreter are under the path rules, as execve's files are.
        var monitor = new SandboxMonitor(policy, trace, program);
        if (monitor.MayExecute(AtFdcwd, program) != 0) return Fail("sandbox: " + program + ": the policy gives no access to it", 126);
        if (UserElf.IsLoadable(image, out string interpreter) && interpreter != null && monitor.MayExecute(AtFdcwd, interpreter) != 0)
            return Fail("sandbox: " + program + ": the policy gives no access to its interpreter " + interpreter, 126);

        Report.Open();
        DuneMode.Enter();
        error = UserSpace.TryCreate(out UserSpace space);
        UserFrame start = default;
        if (error == null)
        {
            space.MemoryLimit = memoryBytes;
            error = UserElf.Load(space, image, program, argv, envp, out start);
        }
        if (error != null) return Fail("sandbox: " + program + ": " + error, 126);
        if (cpuSeconds != 0 && (error = Limits.SetCpu(cpuSeconds)) != null) return Fail("sandbox: --limit-cpu: " + error, 2);

        ForkedChild.RememberFirst();
        RunResult r = Ring3.Run(space, start, policy.ToSyscallPolicy(), monitor);
        return monitor.ProcessEnded(r);
    }

    static int Fail(string message, int code)
    {
        Console.Error.WriteLine(message);
        return code;
    }

    /// <summary>A file read to its end (proc files report size 0, so no lseek); null if it cannot be opened.</summary>
    static unsafe byte[] ReadAll(string path)
    {
        byte* name = stackalloc byte[path.Length + 1];
        for (int i = 0; i < path.Length; i++) name[i] = (byte)path[i];
        name[path.Length] = 0;
        long fd = Syscall.Invoke(SyscallNumber.Openat, AtFdcwd, (long)name, 0);
        if (fd < 0) return null;
        byte[] data = new byte[4096];
        int length = 0;
        while (true)
        {
            if (length == data.Length) Array.Resize(ref data, 2 * data.Length);
            long n;
            fixed (byte* p = data) n = Syscall.Invoke(SyscallNumber.Read, fd, (long)(p + length), data.Length - length);
            if (n <= 0) break;
            length += (int)n;
        }
        Syscall.Invoke(SyscallNumber.Close, fd);
        Array.Resize(ref data, length);
        return data;
    }

    /// <summary>NUL-separated strings (/proc/self/environ) as an array.</summary>
    static string[] Split(byte[] bytes)
    {
        var list = new List<string>();
        if (bytes != null)
        {
            int start = 0;
            for (int i = 0; i < bytes.Length; i++)
            {
                if (bytes[i] != 0) continue;
                if (i > start) list.Add(Ascii(bytes, start, i - start));
                start = i + 1;
            }
        }
        return list.ToArray();
    }

    static string Ascii(byte[] bytes, int start, int length)
    {
        char[] chars = new char[length];
        for (int i = 0; i < length; i++) chars[i] = (char)bytes[start + i];
        return new string(chars, 0, length);
    }
}
