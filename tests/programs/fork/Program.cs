using System;
using Dune;
using Dune.Platform;
using System.Threading;

/// <summary>
/// fork, wait4 and execve in host mode ("host MODE") and in Dune mode ("dune MODE", test VM: ForkVmTests):
/// the child of a Dune process is itself in ring 0 with its own VM over its own copy of the memory.
/// </summary>
static unsafe class Program
{
    const long Execve = 59, Wait4 = 61, Getdents64 = 217;
    static long s_static = 1;

    static int Main()
    {
        string[] args = Environment.GetCommandLineArgs();
        if (args.Length < 3 || (args[1] != "host" && args[1] != "dune"))
        {
            Console.WriteLine("usage: fork host|dune cow|exec|spawn|loop|bench");
            return 2;
        }
        if (args[1] == "dune") DuneMode.Enter();
        switch (args[2])
        {
            case "cow": return CopyOnWrite();
            case "exec": return ForkExec();
            case "spawn": return Spawn();
            case "loop": return Loop(100);
            case "bench": return Bench(20);
            default:
                Console.WriteLine("fork: unknown mode " + args[2]);
                return 2;
        }
    }

    static string Ring() => "ring " + DuneMode.CurrentPrivilegeLevel().ToString();

    /// <summary>The child's writes to the heap, a static and a mapping stay its own; its exit code reaches wait4.</summary>
    static int CopyOnWrite()
    {
        long* page = (long*)Linux.Mmap(null, 4096, Linux.ProtRead | Linux.ProtWrite, Linux.MapPrivate | Linux.MapAnonymous);
        *page = 1;
        int[] heap = { 1 };
        long pid = Syscall.Invoke(SyscallNumber.Fork);
        if (pid < 0) return Fail("fork", pid);
        if (pid == 0)
        {
            Console.WriteLine("cow: child in " + Ring() + " sees " + *page + " " + s_static + " " + heap[0] + ", writes 2");
            *page = 2;
            s_static = 2;
            heap[0] = 2;
            var garbage = new int[100_000];
            Console.WriteLine("cow: child now sees " + *page + " " + s_static + " " + heap[0] + ", allocated " + garbage.Length);
            Linux.ExitGroup(7);
        }
        int status = WaitFor(pid);
        Console.WriteLine("cow: parent in " + Ring() + ", child exited with " + ((status >> 8) & 0xFF) + ", parent sees " + *page + " " + s_static + " " + heap[0]);
        return 0;
    }

    /// <summary>The child replaces itself with a static program (/bin/sh is busybox in the test VM).</summary>
    static int ForkExec()
    {
        long pid = Syscall.Invoke(SyscallNumber.Fork);
        if (pid < 0) return Fail("fork", pid);
        if (pid == 0)
        {
            byte* path = CString("/bin/sh", stackalloc byte[16]), dashC = CString("-c", stackalloc byte[16]), script = CString("exit 5", stackalloc byte[16]);
            long* argv = stackalloc long[4];
            argv[0] = (long)path;
            argv[1] = (long)dashC;
            argv[2] = (long)script;
            argv[3] = 0;
            long* envp = stackalloc long[1];
            envp[0] = 0;
            long r = Syscall.Invoke(Execve, (long)path, (long)argv, (long)envp);
            Console.WriteLine("exec: execve failed " + r);
            Linux.ExitGroup(127);
        }
        int status = WaitFor(pid);
        Console.WriteLine("exec: parent in " + Ring() + ", /bin/sh -c 'exit 5' in the child exited with " + ((status >> 8) & 0xFF));
        return 0;
    }

    /// <summary>
    /// Linux.Spawn (vfork + execve) returns only once the child is the new program (its name in /proc already that of
    /// /bin/sh, even if it has exited: a zombie keeps it); its exit code reaches wait4.
    /// </summary>
    static int Spawn()
    {
        byte* path = CString("/bin/sh", stackalloc byte[16]), dashC = CString("-c", stackalloc byte[16]), script = CString("exit 6", stackalloc byte[16]);
        byte** argv = stackalloc byte*[4];
        argv[0] = path;
        argv[1] = dashC;
        argv[2] = script;
        argv[3] = null;
        byte** envp = stackalloc byte*[1];
        envp[0] = null;
        long pid = Linux.Spawn(path, argv, envp);
        if (pid < 0) return Fail("spawn", pid);
        string name = ProcessNames.OnceExecuted(pid, "sh");
        int status = WaitFor(pid);
        Console.WriteLine("spawn: parent in " + Ring() + ", the child became " + name + ", /bin/sh -c 'exit 6' exited with " + ((status >> 8) & 0xFF));
        return 0;
    }

    /// <summary>Many fork/wait cycles leave no descriptor behind and do not grow the parent.</summary>
    static int Loop(int cycles)
    {
        int fdsBefore = CountDescriptors();
        long pagesBefore = MappedPages();
        int right = 0;
        for (int i = 0; i < cycles; i++)
        {
            long pid = Syscall.Invoke(SyscallNumber.Fork);
            if (pid < 0) return Fail("fork", pid);
            if (pid == 0) Linux.ExitGroup(i & 0x7F);
            if (((WaitFor(pid) >> 8) & 0xFF) == (i & 0x7F)) right++;
        }
        int fdsAfter = CountDescriptors();
        long grown = MappedPages() - pagesBefore;
        Console.WriteLine("loop: " + cycles + " children in " + Ring() + ", exit codes right " + right + ", descriptors " +
            (fdsAfter == fdsBefore ? "unchanged" : fdsBefore + " -> " + fdsAfter) + ", memory " + (grown < 256 ? "not grown" : "grown by " + grown + " pages"));
        return 0;
    }

    /// <summary>rdtsc per fork + child exit + wait4 (with tests/vm/run.sh --icount: instructions of the whole VM).</summary>
    static int Bench(int cycles)
    {
        ulong start = Instructions.Rdtsc();
        for (int i = 0; i < cycles; i++)
        {
            long pid = Syscall.Invoke(SyscallNumber.Fork);
            if (pid == 0) Linux.ExitGroup(0);
            WaitFor(pid);
        }
        ulong per = (Instructions.Rdtsc() - start) / (ulong)cycles;
        Console.WriteLine("bench: fork + exit + wait4 in " + Ring() + ": " + per + " cycles each");
        return 0;
    }

    static int WaitFor(long pid)
    {
        int status = 0;
        long r = Syscall.Invoke(Wait4, pid, (long)&status, 0, 0);
        if (r != pid) Console.WriteLine("wait4 returned " + r);
        return status;
    }

    static int CountDescriptors()
    {
        int fd = (int)Syscall.Invoke(SyscallNumber.Open, (long)CString("/proc/self/fd", stackalloc byte[32]), 0x10000 /* O_DIRECTORY */);
        byte* buf = stackalloc byte[4096];
        int count = 0;
        long n;
        while ((n = Syscall.Invoke(Getdents64, fd, (long)buf, 4096)) > 0)
            for (long off = 0; off < n; off += *(ushort*)(buf + off + 16))
                if (buf[off + 19] != (byte)'.') count++;
        Syscall.Invoke(SyscallNumber.Close, fd);
        return count - 1;   // without the descriptor reading the directory
    }

    /// <summary>The first field of /proc/self/statm: the size of every mapping, in pages.</summary>
    static long MappedPages()
    {
        int fd = (int)Syscall.Invoke(SyscallNumber.Open, (long)CString("/proc/self/statm", stackalloc byte[32]), 0);
        byte* buf = stackalloc byte[128];
        long n = Syscall.Invoke(SyscallNumber.Read, fd, (long)buf, 127);
        Syscall.Invoke(SyscallNumber.Close, fd);
        long pages = 0;
        for (int i = 0; i < n && buf[i] != (byte)' '; i++) pages = pages * 10 + (buf[i] - '0');
        return pages;
    }

    /// <summary><paramref name="s"/> as a NUL-terminated string in <paramref name="into"/> (ASCII).</summary>
    static byte* CString(string s, Span<byte> into)
    {
        for (int i = 0; i < s.Length; i++) into[i] = (byte)s[i];
        into[s.Length] = 0;
        fixed (byte* p = into) return p;
    }

    static int Fail(string what, long r)
    {
        Console.WriteLine(what + " failed: " + r);
        return 1;
    }
}
