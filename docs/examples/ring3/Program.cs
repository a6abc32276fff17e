using System;
using Dune;
using Dune.UserMode;

// Machine code run in ring 3 of our own address space; its exit_group comes back to us as a result.
static class Program
{
    static readonly byte[] Code =
    {
        0xbf, 0x07, 0x00, 0x00, 0x00,   // mov edi, 7
        0xb8, 0xe7, 0x00, 0x00, 0x00,   // mov eax, 231 (exit_group)
        0x0f, 0x05,                     // syscall
    };

    static int Main()
    {
        DuneMode.Enter();
        string error = UserSpace.TryCreate(out UserSpace space);
        UserFrame start = default;
        if (error == null) error = RawCode.Load(space, Code, out start);
        if (error != null) { Console.WriteLine("ring3: " + error); return 1; }

        RunResult r = Ring3.Run(space, start, SyscallPolicy.DenyByDefault());
        Console.WriteLine("ring3: the code " + r.Describe());
        return r.End == RunEnd.Exited && r.ExitCode == 7 ? 0 : 1;
    }
}
