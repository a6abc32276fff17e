using System;
using Dune;
using Dune.UserMode;

/// <summary>
/// Runs untrusted code in ring 3 under a Dune process and prints a log of its system calls: number, arguments,
/// decision and result. Without arguments it runs a few instructions of machine code; with the path of a static
/// executable (at any address but the Dune region, gcc's default 0x400000 included) it runs that under the same policy.
/// Policy: write, getpid and the calls a static libc makes at startup pass through, getuid is emulated
/// (always 1000), everything else is denied with EACCES.
/// </summary>
static unsafe class Program
{
    const int EmulatedGetuid = 0;
    const int EACCES = 13;

    // write(1, msg, 24); rbx = getuid(); openat(AT_FDCWD, "/etc/passwd", O_RDONLY); exit_group(rbx); msg; path
    static readonly byte[] Code =
    {
        0xbf, 0x01, 0x00, 0x00, 0x00, 0x48, 0x8d, 0x35, 0x37, 0x00, 0x00, 0x00, 0xba, 0x18, 0x00, 0x00, 0x00,
        0xb8, 0x01, 0x00, 0x00, 0x00, 0x0f, 0x05, 0xb8, 0x66, 0x00, 0x00, 0x00, 0x0f, 0x05, 0x48, 0x89, 0xc3,
        0x48, 0xc7, 0xc7, 0x9c, 0xff, 0xff, 0xff, 0x48, 0x8d, 0x35, 0x2b, 0x00, 0x00, 0x00, 0x31, 0xd2, 0xb8,
        0x01, 0x01, 0x00, 0x00, 0x0f, 0x05, 0x48, 0x89, 0xdf, 0xb8, 0xe7, 0x00, 0x00, 0x00, 0x0f, 0x05,
    };
    const string Message = "ring 3: writing through\n", Path = "/etc/passwd";

    sealed class LoggingMonitor : SyscallMonitor
    {
        public override long Emulate(int handler, in SyscallCall call) => handler == EmulatedGetuid ? 1000 : -SyscallPolicy.ENOSYS;

        public override void Observe(in SyscallCall call, SyscallAction action, long result)
        {
            Console.Error.WriteLine("[ring3] syscall " + call.Number.ToString() + " (0x" + call.Arg0.ToString("x") + ", 0x" +
                call.Arg1.ToString("x") + ", 0x" + call.Arg2.ToString("x") + ") " + Decision(action) + " -> " + result.ToString());
        }

        static string Decision(SyscallAction a) => a.Verdict switch
        {
            SyscallVerdict.Allow => "allow",
            SyscallVerdict.Deny => "deny errno " + a.Errno.ToString(),
            SyscallVerdict.Emulate => "emulate #" + a.Handler.ToString(),
            _ => "kill",
        };
    }

    static int Main()
    {
        string[] args = Environment.GetCommandLineArgs();
        DuneMode.Enter();
        string error = UserSpace.TryCreate(out UserSpace space);
        UserFrame start = default;
        if (error == null)
            error = args.Length > 1
                ? LoadElf(space, args[1], out start)
                : RawCode.Load(space, WithData(), out start);
        if (error != null)
        {
            Console.Error.WriteLine("ring3: " + error);
            return 2;
        }
        SyscallPolicy policy = SyscallPolicy.DenyByDefault(EACCES)
            .Allow(1).Allow(39).Emulate(102, EmulatedGetuid)
            // What a static glibc does before main: TLS (arch_prctl), heap (brk, mmap), limits, random, stdout.
            .Allow(158).Allow(12).Allow(9).Allow(11).Allow(10).Allow(218).Allow(273).Allow(334).Allow(302)
            .Allow(318).Allow(89).Allow(267).Allow(262).Allow(5).Allow(16);
        RunResult r = Ring3.Run(space, start, policy, new LoggingMonitor());
        Console.Error.WriteLine("[ring3] " + r.Describe());
        return 0;
    }

    static byte[] WithData()
    {
        string data = Message + Path + "\0";
        byte[] code = new byte[Code.Length + data.Length];
        for (int i = 0; i < Code.Length; i++) code[i] = Code[i];
        for (int i = 0; i < data.Length; i++) code[Code.Length + i] = (byte)data[i];
        return code;
    }

    static string LoadElf(UserSpace space, string path, out UserFrame start)
    {
        start = default;
        byte[] image = UserElf.ReadFile(path);
        return image == null ? "cannot read " + path : UserElf.Load(space, image, path, new[] { path }, new string[0], out start);
    }
}
