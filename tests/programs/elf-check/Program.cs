using System;
using Dune.Loader;
using Dune.Platform;

/// <summary>
/// Prints the load plan of an ELF file (argv[1], or this program itself) and builds an initial stack for it,
/// so the loader runs compiled by ilc on our own runtime. Exit codes: 0 loadable, 2 rejected, 1 unreadable.
/// </summary>
static unsafe class Program
{
    private const int ORdOnly = 0;
    private const ulong StackTop = 0x7FFF_FFFF_F000;

    static int Main()
    {
        string[] args = Environment.GetCommandLineArgs();
        string path = args.Length > 1 ? args[1] : "/proc/self/exe";
        if (!MapFile(path, out byte* data, out long size))
        {
            Console.WriteLine("cannot read " + path);
            return 1;
        }

        var image = new ReadOnlySpan<byte>(data, (int)size);
        var options = LoaderOptions.Default;
        LoadMapping* mappings = stackalloc LoadMapping[16];
        ElfResult result = ElfLoader.Plan(image, options, new Span<LoadMapping>(mappings, 16), out LoadPlan plan);
        if (!result.Ok)
        {
            Console.WriteLine("rejected: " + result.Message);
            return 2;
        }

        Console.WriteLine(plan.PositionIndependent ? "type dyn" : "type exec");
        if (plan.HasInterpreter) Console.WriteLine("interp " + Interpreter(data, plan));
        Console.WriteLine($"entry 0x{plan.Entry:x}");
        Console.WriteLine($"phdr 0x{plan.ProgramHeaderAddress:x} count {plan.ProgramHeaderCount}");
        for (int i = 0; i < plan.MappingCount; i++)
        {
            LoadMapping m = mappings[i];
            Console.WriteLine($"load 0x{m.VirtualAddress:x} size 0x{m.MemorySize:x} file 0x{m.FileOffset:x} copy 0x{m.CopySize:x} zero 0x{m.ZeroSize:x} {Permissions(m.Permissions)}");
        }
        if (plan.HasTls) Console.WriteLine($"tls 0x{plan.TlsAddress:x} filesz 0x{plan.TlsFileSize:x} memsz 0x{plan.TlsMemorySize:x} align 0x{plan.TlsAlignment:x}");
        Console.WriteLine(plan.StackExecutable ? "stack executable" : "stack non-executable");
        return PrintInitialStack(path, plan);
    }

    private static string Interpreter(byte* data, in LoadPlan plan)
    {
        char* c = stackalloc char[plan.InterpreterLength];
        for (int i = 0; i < plan.InterpreterLength; i++) c[i] = (char)data[plan.InterpreterOffset + (ulong)i];
        return new string(c, 0, plan.InterpreterLength);
    }

    /// <summary>Builds the stack a ring-3 start of this image would get (argv = { path }) and reads argv[0] back from it.</summary>
    private static int PrintInitialStack(string path, in LoadPlan plan)
    {
        byte[] pathBytes = Ascii(path, terminated: false);
        var argv = new byte[1][];
        argv[0] = pathBytes;
        var random = new byte[16];
        byte* stack = stackalloc byte[4096];
        var span = new Span<byte>(stack, 4096);
        StackError error = InitialStack.Build(span, StackTop, argv, new byte[0][], pathBytes, random, InitialStackInfo.For(plan), out ulong rsp);
        if (error != StackError.None)
        {
            Console.WriteLine("stack error");
            return 3;
        }
        byte* sp = stack + (rsp - (StackTop - 4096));
        byte* arg0 = stack + (*(ulong*)(sp + 8) - (StackTop - 4096));
        Console.WriteLine($"stack rsp top-0x{StackTop - rsp:x} argc {*(ulong*)sp} argv[0] {string.FromUtf8(arg0)}");
        return 0;
    }

    private static string Permissions(MappingPermissions p) =>
        string.Concat((p & MappingPermissions.Read) != 0 ? "r" : "-", (p & MappingPermissions.Write) != 0 ? "w" : "-", (p & MappingPermissions.Execute) != 0 ? "x" : "-");

    /// <summary>Maps the whole file read-only; an empty file gives an empty image.</summary>
    private static bool MapFile(string path, out byte* data, out long size)
    {
        data = null;
        size = 0;
        byte[] name = Ascii(path, terminated: true);
        long fd;
        fixed (byte* p = name) fd = Syscall.Invoke(SyscallNumber.Open, (long)p, ORdOnly);
        if (fd < 0) return false;
        byte* stat = stackalloc byte[144];
        bool ok = Syscall.Invoke(SyscallNumber.Fstat, fd, (long)stat) == 0;
        size = *(long*)(stat + 48); // st_size in x86-64 struct stat
        if (ok && size > 0 && size <= int.MaxValue)
        {
            data = (byte*)Linux.Mmap(null, (nuint)size, Linux.ProtRead, Linux.MapPrivate, (int)fd);
            ok = data != null;
        }
        Syscall.Invoke(SyscallNumber.Close, fd);
        return ok && size <= int.MaxValue;
    }

    /// <summary>The bytes of an ASCII string (paths in these tests are ASCII), NUL-terminated for system calls.</summary>
    private static byte[] Ascii(string s, bool terminated)
    {
        var b = new byte[s.Length + (terminated ? 1 : 0)];
        for (int i = 0; i < s.Length; i++) b[i] = (byte)s[i];
        return b;
    }
}
