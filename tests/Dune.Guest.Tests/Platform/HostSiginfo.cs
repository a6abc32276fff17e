namespace Dune.Guest.Tests.Platform;

/// <summary>The kernel's siginfo_t as a host signal handler gets it, with the fields the host-signal tables read.</summary>
internal static unsafe class HostSiginfo
{
    public const int Bytes = 128;

    /// <summary>si_signo, si_code and the union's words at offsets 16 and 24 in <paramref name="info"/> (<see cref="Bytes"/> bytes).</summary>
    public static void Fill(byte* info, int signal, int code, ulong word16, ulong word24)
    {
        for (int i = 0; i < Bytes; i++) info[i] = 0;
        *(int*)info = signal;
        *(int*)(info + 8) = code;
        *(ulong*)(info + 16) = word16;
        *(ulong*)(info + 24) = word24;
    }
}
