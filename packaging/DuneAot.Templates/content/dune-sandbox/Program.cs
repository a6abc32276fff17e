using System;
using Dune;
using Dune.UserMode;

/// <summary>
/// A monitor in ring 0 for a Linux program in ring 3: enters Dune mode, loads the program (static, static-pie or
/// dynamically linked) into a user address space of its own, and runs it under a policy. Every system call the
/// program makes reaches this process first: the policy allows it (the monitor performs it, pointers checked),
/// denies it with an errno, or hands it to <see cref="Monitor.Emulate"/>. The exit status is the program's.
/// </summary>
static class Program
{
    const int EACCES = 13;
    const int Socket = 41, Connect = 42, Getuid = 102, Geteuid = 107;
    const int EmulatedUid = 0;
    const long SandboxUid = 1000;

    /// <summary>Logs each call to stderr; answers the emulated ones.</summary>
    sealed class Monitor : SyscallMonitor
    {
        public int Calls;

        public override long Emulate(int handler, in SyscallCall call) =>
            handler == EmulatedUid ? SandboxUid : -SyscallPolicy.ENOSYS;

        public override void Observe(in SyscallCall call, SyscallAction action, long result)
        {
            Calls++;
            Console.Error.WriteLine($"[sandbox] {SyscallTable.Name(call.Number)}(0x{call.Arg0:x}, 0x{call.Arg1:x}, 0x{call.Arg2:x}) {action.Verdict} = {result}");
        }
    }

    static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: DuneSandbox PROGRAM [ARGS...]");
            return 2;
        }
        byte[] image = UserElf.ReadFile(args[0]);
        if (image == null)
        {
            Console.Error.WriteLine($"DuneSandbox: cannot read {args[0]}");
            return 2;
        }

        DuneMode.Enter();
        string error = UserSpace.TryCreate(out UserSpace space);
        UserFrame start = default;
        if (error == null)
            error = UserElf.Load(space, image, args[0], args, new[] { "PATH=/bin" }, out start);
        if (error != null)
        {
            Console.Error.WriteLine($"DuneSandbox: {error}");
            return 2;
        }

        // No network; the program sees itself as user 1000 whoever runs it; everything else passes through.
        SyscallPolicy policy = SyscallPolicy.AllowByDefault()
            .Deny(Socket, EACCES).Deny(Connect, EACCES)
            .Emulate(Getuid, EmulatedUid).Emulate(Geteuid, EmulatedUid);
        var monitor = new Monitor();
        RunResult result = Ring3.Run(space, start, policy, monitor);
        Console.Error.WriteLine($"[sandbox] {monitor.Calls} system calls; the program {result.Describe()}");
        return result.End == RunEnd.Exited ? result.ExitCode : 128;
    }
}
