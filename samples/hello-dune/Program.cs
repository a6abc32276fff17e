using System;
using Dune;
using Dune.Platform;

/// <summary>
/// Enters Dune mode and proves it: CS says ring 0, reading CR3 (privileged) works, and a file written and
/// read back through forwarded system calls (hypercalls) round-trips byte for byte.
/// </summary>
static unsafe class Program
{
    static int Main()
    {
        Console.WriteLine("hello-dune: host mode, cpl " + DuneMode.CurrentPrivilegeLevel());
        DuneMode.Enter();
        Console.WriteLine("hello-dune: entered Dune mode, backend " + (DuneMode.Backend == DuneBackend.Kvm ? "kvm" : "kmod"));
        ulong cr0 = Instructions.ReadCr0();
        Console.WriteLine("hello-dune: cpl " + DuneMode.CurrentPrivilegeLevel() + ", cr3 0x" + Instructions.ReadCr3().ToString("x")
            + ", paging " + ((cr0 & 0x80000001) == 0x80000001 ? "on" : "off"));
        return FileRoundTrip() ? 0 : 1;
    }

    static bool FileRoundTrip()
    {
        const string text = "written from ring 0 via hypercalls\n";
        byte* path = stackalloc byte[64];
        CString("/tmp/hello-dune.txt", path);
        byte* data = stackalloc byte[64];
        for (int i = 0; i < text.Length; i++) data[i] = (byte)text[i];

        const long AtFdcwd = -100, OWronly = 1, ORdonly = 0, OCreat = 0x40, OTrunc = 0x200;
        long fd = Syscall.Invoke(SyscallNumber.Openat, AtFdcwd, (long)path, OWronly | OCreat | OTrunc, 0x1a4);
        long written = Syscall.Invoke(SyscallNumber.Write, fd, (long)data, text.Length);
        Syscall.Invoke(SyscallNumber.Close, fd);

        byte* back = stackalloc byte[64];
        fd = Syscall.Invoke(SyscallNumber.Openat, AtFdcwd, (long)path, ORdonly);
        long read = Syscall.Invoke(SyscallNumber.Read, fd, (long)back, 64);
        Syscall.Invoke(SyscallNumber.Close, fd);
        Syscall.Invoke(SyscallNumber.Unlink, (long)path);

        bool same = read == text.Length;
        for (int i = 0; same && i < read; i++) same = back[i] == data[i];
        Console.WriteLine("hello-dune: wrote " + written + " bytes, read back " + read + ", " + (same ? "identical" : "DIFFERENT"));
        return same;
    }

    static void CString(string s, byte* buf)
    {
        for (int i = 0; i < s.Length; i++) buf[i] = (byte)s[i];
        buf[s.Length] = 0;
    }
}
