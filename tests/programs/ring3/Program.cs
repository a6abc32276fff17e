using System;
using System.Runtime.CompilerServices;
using Dune;
using Dune.Traps;
using Dune.UserMode;

/// <summary>
/// Ring 3 under a Dune process, one behaviour per argument; run in the test VM by tests/Dune.Vm.Tests/Ring3Tests.
/// Raw machine code (see the assembly beside each array) or a static executable runs in ring 3 in a UserSpace;
/// its system calls arrive in the policy and the monitor below.
/// </summary>
static unsafe class Program
{
    // mov $39,%eax; syscall; mov %rax,%rdi; mov $60,%eax; syscall          (exit(getpid()))
    static readonly byte[] GetpidExit = { 0xb8, 0x27, 0, 0, 0, 0x0f, 0x05, 0x48, 0x89, 0xc7, 0xb8, 0x3c, 0, 0, 0, 0x0f, 0x05 };

    // mov $39,%eax; syscall; neg %rax; mov %rax,%rdi; mov $60,%eax; syscall   (exit(-getpid()))
    static readonly byte[] NegatedGetpidExit =
        { 0xb8, 0x27, 0, 0, 0, 0x0f, 0x05, 0x48, 0xf7, 0xd8, 0x48, 0x89, 0xc7, 0xb8, 0x3c, 0, 0, 0, 0x0f, 0x05 };

    // lea msg(%rip),%rsi; mov $1,%edi; mov $18,%edx; mov $1,%eax; syscall; mov %rax,%rdi; mov $231,%eax; syscall; msg
    static readonly byte[] WriteHello =
    {
        0x48, 0x8d, 0x35, 0x1b, 0, 0, 0, 0xbf, 1, 0, 0, 0, 0xba, 0x12, 0, 0, 0, 0xb8, 1, 0, 0, 0, 0x0f, 0x05,
        0x48, 0x89, 0xc7, 0xb8, 0xe7, 0, 0, 0, 0x0f, 0x05,
        (byte)'h', (byte)'e', (byte)'l', (byte)'l', (byte)'o', (byte)' ', (byte)'f', (byte)'r', (byte)'o', (byte)'m',
        (byte)' ', (byte)'r', (byte)'i', (byte)'n', (byte)'g', (byte)' ', (byte)'3', (byte)'\n',
    };

    // mov (%rdi),%rax; xor %edi,%edi; mov $60,%eax; syscall
    static readonly byte[] ReadRdi = { 0x48, 0x8b, 0x07, 0x31, 0xff, 0xb8, 0x3c, 0, 0, 0, 0x0f, 0x05 };

    // cli / mov %rax,%cr3 / hlt, each followed by exit(0) so executing it would be visible.
    static readonly byte[] Cli = { 0xfa, 0x31, 0xff, 0xb8, 0x3c, 0, 0, 0, 0x0f, 0x05 };
    static readonly byte[] MovCr3 = { 0x0f, 0x22, 0xd8, 0x31, 0xff, 0xb8, 0x3c, 0, 0, 0, 0x0f, 0x05 };
    static readonly byte[] Hlt = { 0xf4, 0x31, 0xff, 0xb8, 0x3c, 0, 0, 0, 0x0f, 0x05 };

    // ud2; mov $42,%edi; mov $60,%eax; syscall
    static readonly byte[] Ud2Exit42 = { 0x0f, 0x0b, 0xbf, 0x2a, 0, 0, 0, 0xb8, 0x3c, 0, 0, 0, 0x0f, 0x05 };

    static ulong s_supervisorWord = 0x5ec2e7;

    static int Main()
    {
        string[] args = Environment.GetCommandLineArgs();
        string mode = args.Length > 1 ? args[1] : "";
        DuneMode.Enter();
        string error = UserSpace.TryCreate(out UserSpace space);
        if (error != null)
        {
            Console.WriteLine("ring3: " + error);
            return 2;
        }
        switch (mode)
        {
            case "supervisor": return ReadSupervisorPage(space);
            case "getpid": return Getpid(space);
            case "deny": return Deny(space);
            case "write": return Write(space);
            case "privileged": return Privileged(space);
            case "ud": return InvalidOpcode(space);
            case "gc": return CollectInHandler(space);
            case "noncanonical": return NonCanonicalReturn(space);
            case "elf": return Elf(space, args.Length > 2 ? args[2] : "");
            case "pointers": return PassThroughPointers(space);
            default:
                Console.WriteLine("ring3: unknown mode " + mode);
                return 2;
        }
    }

    static RunResult RunCode(UserSpace space, byte[] code, SyscallPolicy policy, SyscallMonitor monitor = null, ulong rdi = 0, ulong fsBase = 0)
    {
        string error = RawCode.Load(space, code, out UserFrame start);
        if (error != null)
        {
            Console.WriteLine("ring3: " + error);
            Environment.Exit(2);
        }
        start.Rdi = rdi;
        start.FsBase = fsBase;
        return Ring3.Run(space, start, policy, monitor);
    }

    static int ReadSupervisorPage(UserSpace space)
    {
        ulong address = (ulong)Unsafe.AsPointer(ref s_supervisorWord);
        RunResult r = RunCode(space, ReadRdi, SyscallPolicy.AllowByDefault(), rdi: address);
        Console.WriteLine("ring3: " + (r.End == RunEnd.Faulted ? "faulted" : r.Describe()));
        Console.WriteLine("ring3: vector " + r.Vector.ToString() + ", user bit " + ((r.ErrorCode & RunResult.PageFaultUserBit) != 0 ? "set" : "clear") +
            ", cr2 is the supervisor word: " + (r.Cr2 == address ? "yes" : "no") + ", rip is the load: " + (r.Rip == RawCode.CodeAddress ? "yes" : "no"));
        Console.WriteLine("ring3: ring 0 still reads it: 0x" + s_supervisorWord.ToString("x") + ", cpl " + DuneMode.CurrentPrivilegeLevel().ToString());
        return 0;
    }

    sealed class CountingMonitor : SyscallMonitor
    {
        public int Getpids;
        public long LastResult;
        public override void Observe(in SyscallCall call, SyscallAction action, long result)
        {
            if (call.Number == 39) { Getpids++; LastResult = result; }
        }
    }

    static int Getpid(UserSpace space)
    {
        var monitor = new CountingMonitor();
        RunResult r = RunCode(space, GetpidExit, SyscallPolicy.AllowByDefault(), monitor);
        int pid = Environment.ProcessId;
        Console.WriteLine("ring3: " + (r.End == RunEnd.Exited ? "exited" : r.Describe()) + ", getpid calls seen by the handler: " + monitor.Getpids.ToString());
        Console.WriteLine("ring3: handler result is our pid: " + (monitor.LastResult == pid ? "yes" : "no") +
            ", exit code is our pid: " + (r.ExitCode == pid ? "yes" : "no"));
        return 0;
    }

    static int Deny(UserSpace space)
    {
        const int EACCES = 13;
        RunResult r = RunCode(space, NegatedGetpidExit, SyscallPolicy.AllowByDefault().Deny(39, EACCES));
        Console.WriteLine("ring3: denied getpid, ring 3 saw -" + r.ExitCode.ToString() + " (" + r.Describe() + ")");
        return 0;
    }

    static int Write(UserSpace space)
    {
        RunResult r = RunCode(space, WriteHello, SyscallPolicy.DenyByDefault().Allow(1));
        Console.WriteLine("ring3: " + r.Describe());
        return 0;
    }

    static int Privileged(UserSpace space)
    {
        Report("cli", RunCode(space, Cli, SyscallPolicy.AllowByDefault()));
        Report("mov cr3", RunCode(space, MovCr3, SyscallPolicy.AllowByDefault()));
        Report("hlt", RunCode(space, Hlt, SyscallPolicy.AllowByDefault()));
        Console.WriteLine("ring3: back in ring " + DuneMode.CurrentPrivilegeLevel().ToString());
        return 0;
    }

    static void Report(string what, RunResult r) =>
        Console.WriteLine("ring3: " + what + ": " + (r.End == RunEnd.Faulted
            ? "fault vector " + r.Vector.ToString() + " error " + r.ErrorCode.ToString() + " at code+" + (r.Rip - RawCode.CodeAddress).ToString()
            : r.Describe()));

    /// <summary>Allocates garbage and collects on every system call, holding a graph built before the run.</summary>
    sealed class CollectingMonitor : SyscallMonitor
    {
        public int[][] Kept;
        public int Collections;

        public override void Observe(in SyscallCall call, SyscallAction action, long result)
        {
            for (int i = 0; i < 2000; i++) _ = new int[16];
            GC.Collect();
            Collections++;
        }
    }

    static int CollectInHandler(UserSpace space)
    {
        var monitor = new CollectingMonitor { Kept = new int[100][] };
        for (int i = 0; i < monitor.Kept.Length; i++) monitor.Kept[i] = new int[] { i, i * i };
        int before = GC.CollectionCount(0);
        RunResult r = RunCode(space, WriteHello, SyscallPolicy.AllowByDefault(), monitor);
        long sum = 0;
        for (int i = 0; i < monitor.Kept.Length; i++) sum += monitor.Kept[i][0] + monitor.Kept[i][1];
        Console.WriteLine("ring3: " + r.Describe() + ", collections in the handler: " + monitor.Collections.ToString() +
            " (counted " + (GC.CollectionCount(0) - before).ToString() + "), kept graph sum " + sum.ToString());
        return 0;
    }

    static int s_userFrames;
    static string s_handlerNote;

    /// <summary>A #UD handler (Traps.Register): counts frames from ring 3, allocates (the runtime finds its thread
    /// through FS, which ring 3 had set to its own value), and skips the instruction.</summary>
    static TrapAction SkipUd(ref TrapFrame frame)
    {
        if (frame.FromUserMode) s_userFrames++;
        s_handlerNote = "allocated at rip code+" + (frame.Rip - RawCode.CodeAddress).ToString();
        return TrapAction.SkipInstruction;
    }

    /// <summary>Ring 3's own FS base in the "ud" mode: unmapped, so a handler that used it as the runtime's would fault.</summary>
    const ulong UserFsBase = 0x1000;

    static int InvalidOpcode(UserSpace space)
    {
        Report("ud2 without a handler", RunCode(space, Ud2Exit42, SyscallPolicy.AllowByDefault()));
        Traps.Register(Vector.InvalidOpcode, &SkipUd);
        RunResult r = RunCode(space, Ud2Exit42, SyscallPolicy.AllowByDefault(), fsBase: UserFsBase);
        Traps.Unregister(Vector.InvalidOpcode);
        Console.WriteLine("ring3: ud2 with a #UD handler that skips it: " + r.Describe() + ", ring-3 frames it saw: " + s_userFrames.ToString() +
            ", " + s_handlerNote);
        return 0;
    }

    /// <summary>Moves rip to the first non-canonical address when getpid returns.</summary>
    sealed class RedirectingMonitor : SyscallMonitor
    {
        public override long Emulate(int handler, in SyscallCall call)
        {
            call.Frame->Rip = 0x8000_0000_0000;
            return 0;
        }
    }

    static int NonCanonicalReturn(UserSpace space)
    {
        RunResult r = RunCode(space, GetpidExit, SyscallPolicy.AllowByDefault().Emulate(39, 0), new RedirectingMonitor());
        Console.WriteLine("ring3: " + r.Describe() + ", back in ring " + DuneMode.CurrentPrivilegeLevel().ToString());
        return 0;
    }

    // syscall; mov %rax,%rdi; mov $60,%eax; syscall      (exit(the call the start registers describe))
    static readonly byte[] SyscallExit = { 0x0f, 0x05, 0x48, 0x89, 0xc7, 0xb8, 0x3c, 0, 0, 0, 0x0f, 0x05 };

    const ulong DataPage = 0x0000_4000_0100_0000, PageBytes = 4096;

    /// <summary>Runs one system call in ring 3 with AllowByDefault and returns what ring 3 got.</summary>
    static long Call(UserSpace space, long nr, ulong a0, ulong a1, ulong a2)
    {
        string error = RawCode.Load(space, SyscallExit, out UserFrame start);
        if (error != null)
        {
            Console.WriteLine("ring3: " + error);
            Environment.Exit(2);
        }
        start.Rax = (ulong)nr;
        start.Rdi = a0;
        start.Rsi = a1;
        start.Rdx = a2;
        RunResult r = Ring3.Run(space, start, SyscallPolicy.AllowByDefault());
        return r.End == RunEnd.Exited ? r.ExitCode : 1000;
    }

    static void Put(ulong at, string text)
    {
        for (int i = 0; i < text.Length; i++) ((byte*)at)[i] = (byte)text[i];
    }

    static string Get(ulong at, int length) => string.FromUtf8((byte*)at, length);

    /// <summary>Pointer arguments of passed-through calls must be ring 3's memory (writable when the kernel writes).</summary>
    static int PassThroughPointers(UserSpace space)
    {
        const long Read = 0, Write = 1, RtSigaction = 13, Writev = 20, IoSetup = 206, Openat = 257, Pipe2 = 293, AtFdCwd = -100;
        ulong supervisor = (ulong)Unsafe.AsPointer(ref s_supervisorWord);
        if (!space.Allocate(DataPage, PageBytes, Dune.Memory.Permissions.ReadWrite))
        {
            Console.WriteLine("ring3: cannot map the data page");
            return 2;
        }
        Console.WriteLine("ring3: write(1, supervisor, 16) = " + Call(space, Write, 1, supervisor, 16).ToString());

        int* fds = stackalloc int[2];
        Dune.Platform.Syscall.Invoke(Pipe2, (long)fds, 0);
        byte* piped = stackalloc byte[8];
        for (int i = 0; i < 8; i++) piped[i] = (byte)"pipedata"[i];
        Dune.Platform.Syscall.Invoke(Write, fds[1], (long)piped, 8);
        ulong pipe = (ulong)fds[0];
        Console.WriteLine("ring3: read(pipe, supervisor, 8) = " + Call(space, Read, pipe, supervisor, 8).ToString() +
            ", ring-0 word still 0x" + s_supervisorWord.ToString("x"));
        Console.WriteLine("ring3: read(pipe, read-only code page, 8) = " + Call(space, Read, pipe, RawCode.CodeAddress, 8).ToString());
        long got = Call(space, Read, pipe, DataPage, 8);
        Console.WriteLine("ring3: read(pipe, user page, 8) = " + got.ToString() + ": " + Get(DataPage, 8));

        ulong lastEight = DataPage + PageBytes - 8;
        Put(lastEight, "in page\n");
        Console.WriteLine("ring3: write(1, 16 bytes over the end of a user mapping) = " + Call(space, Write, 1, lastEight, 16).ToString());
        Console.WriteLine("ring3: write(1, last 8 bytes of a user mapping) = " + Call(space, Write, 1, lastEight, 8).ToString());

        ulong text = DataPage + 64, iov = DataPage + 128;
        Put(text, "hello world\n");
        ulong* v = (ulong*)iov;
        v[0] = text;
        v[1] = 6;
        v[2] = supervisor;
        v[3] = 8;
        Console.WriteLine("ring3: writev(1, [user, supervisor]) = " + Call(space, Writev, 1, iov, 2).ToString());
        v[2] = text + 6;
        v[3] = 6;
        Console.WriteLine("ring3: writev(1, [user, user]) = " + Call(space, Writev, 1, iov, 2).ToString());

        Console.WriteLine("ring3: openat(AT_FDCWD, supervisor path) = " + Call(space, Openat, unchecked((ulong)AtFdCwd), supervisor, 0).ToString());
        Console.WriteLine("ring3: rt_sigaction(SIGUSR1, supervisor, NULL) = " + Call(space, RtSigaction, 10, supervisor, 0).ToString());
        Console.WriteLine("ring3: io_setup (refused by the syscall table) = " + Call(space, IoSetup, 1, DataPage, 0).ToString());
        return 0;
    }

    static int Elf(UserSpace space, string path)
    {
        byte[] image = UserElf.ReadFile(path);
        if (image == null)
        {
            Console.WriteLine("ring3: cannot read " + path);
            return 2;
        }
        string error = UserElf.Load(space, image, path, new[] { path }, new[] { "PATH=/bin" }, out UserFrame start);
        if (error != null)
        {
            Console.WriteLine("ring3: " + error);
            return 2;
        }
        RunResult r = Ring3.Run(space, start, SyscallPolicy.AllowByDefault());
        Console.Error.WriteLine("ring3: " + r.Describe());
        return r.End == RunEnd.Exited ? r.ExitCode : 3;
    }
}
