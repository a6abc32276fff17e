using System;
using System.Collections.Generic;
using System.Threading;
using Dune.Platform;

/// <summary>
/// Linux.Spawn (vfork + execve) from a Dune process with several threads: two threads each start /bin/sh with an
/// exit code of its own while a third allocates (and so collects) until they are done. Each Spawn returns only once
/// its child is /bin/sh (its name in /proc), and each exit code reaches that thread's wait4.
/// </summary>
static unsafe class SpawnWithThreads
{
    const long Wait4 = 61;

    public static int Run()
    {
        var results = new string[2];
        int spawning = 2;
        var spawners = new Thread[2];
        for (int t = 0; t < 2; t++)
        {
            int me = t;
            spawners[t] = new Thread(() =>
            {
                results[me] = SpawnShell(3 + me);
                Interlocked.Decrement(ref spawning);
            });
        }
        long allocated = 0;
        var allocator = new Thread(() =>
        {
            while (Volatile.Read(ref spawning) > 0)
            {
                var garbage = new List<string> { "x" + allocated, "y" + allocated };
                allocated += garbage.Count;
            }
        });
        allocator.Start();
        foreach (Thread t in spawners) t.Start();
        foreach (Thread t in spawners) t.Join();
        allocator.Join();
        Console.WriteLine("spawn: " + results[0] + "; " + results[1] + "; the allocator went on " + (allocated > 0));
        return 0;
    }

    /// <summary>Spawns /bin/sh -c 'exit CODE' and waits for it: what its name was when Spawn returned, and its exit code.</summary>
    static string SpawnShell(int code)
    {
        byte* path = CString("/bin/sh", stackalloc byte[16]), dashC = CString("-c", stackalloc byte[16]);
        byte* script = CString("exit " + code, stackalloc byte[16]);
        byte** argv = stackalloc byte*[4];
        argv[0] = path;
        argv[1] = dashC;
        argv[2] = script;
        argv[3] = null;
        byte** envp = stackalloc byte*[1];
        envp[0] = null;
        string where = Program.Where();
        long pid = Linux.Spawn(path, argv, envp);
        if (pid < 0) return "spawn failed " + pid;
        string name = ProcessNames.OnceExecuted(pid, "sh");
        int status = 0;
        long waited = Syscall.Invoke(Wait4, pid, (long)&status, 0, 0);
        return "from " + (where.StartsWith("cpl 0 vcpu ") ? "ring 0" : where) + " the child became " + name
            + ", wait4 " + (waited == pid) + ", exit code " + ((status >> 8) & 0xFF);
    }

    static byte* CString(string s, Span<byte> into)
    {
        for (int i = 0; i < s.Length; i++) into[i] = (byte)s[i];
        into[s.Length] = 0;
        fixed (byte* p = into) return p;
    }
}
