using System;
using Dune;
using Dune.UserMode;

// Every SYSCALL of ring-3 code is decided by a policy: here getuid is emulated, getpid denied, the rest refused.
static class Program
{
    const int FakeUid = 0, EPERM = 1;

    static readonly byte[] Code =
    {
        0xb8, 0x66, 0x00, 0x00, 0x00,   // mov eax, 102 (getuid)
        0x0f, 0x05,                     // syscall
        0x48, 0x89, 0xc3,               // mov rbx, rax
        0xb8, 0x27, 0x00, 0x00, 0x00,   // mov eax, 39 (getpid)
        0x0f, 0x05,                     // syscall
        0x48, 0x01, 0xc3,               // add rbx, rax
        0x48, 0x89, 0xdf,               // mov rdi, rbx
        0xb8, 0xe7, 0x00, 0x00, 0x00,   // mov eax, 231 (exit_group)
        0x0f, 0x05,                     // syscall
    };

    sealed class Monitor : SyscallMonitor
    {
        public override long Emulate(int handler, in SyscallCall call) => handler == FakeUid ? 1000 : -SyscallPolicy.ENOSYS;

        public override void Observe(in SyscallCall call, SyscallAction action, long result) =>
            Console.WriteLine($"sandbox: system call {call.Number}: {action.Verdict}, result {result}");
    }

    static int Main()
    {
        DuneMode.Enter();
        string error = UserSpace.TryCreate(out UserSpace space);
        UserFrame start = default;
        if (error == null) error = RawCode.Load(space, Code, out start);
        if (error != null) { Console.WriteLine("sandbox: " + error); return 1; }

        SyscallPolicy policy = SyscallPolicy.DenyByDefault().Emulate(102, FakeUid).Deny(39, EPERM);
        RunResult r = Ring3.Run(space, start, policy, new Monitor());
        Console.WriteLine("sandbox: the code " + r.Describe());
        return r.End == RunEnd.Exited && r.ExitCode == 999 ? 0 : 1;   // 1000 + (-EPERM)
    }
}
