using System.Runtime;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Dune.Platform;

/// <summary>
/// The Linux column's traps: a SIGSEGV handler of our own (SA_SIGINFO, no alternate stack), installed over
/// the runtime's for the duration of a row and then put back. In <see cref="Mode.Skip"/> it resumes after the
/// 3-byte store (paper_store); in <see cref="Mode.Unprotect"/> it makes the faulting page writable again
/// (Appel and Li's UNPROT) so the store is retried.
/// </summary>
static unsafe class HostSignals
{
    public enum Mode { Skip, Unprotect }

    private const int SigSegv = 11;
    private const ulong SaSigInfo = 0x4, SaRestorer = 0x04000000;
    /// <summary>ucontext_t's general registers start at byte 40; RIP is register 16.</summary>
    private const int RipOffset = 40 + 16 * 8;
    private const int StoreLength = 3;

    [MethodImpl(MethodImplOptions.InternalCall), RuntimeImport("*", "paper_restorer_address")]
    private static extern ulong RestorerAddress();

    private static Mode s_mode;
    private static ulong s_low, s_high;
    private static ulong s_saved0, s_saved1, s_saved2, s_saved3;

    public static int Faults;

    /// <summary>Handles SIGSEGV for stores into [low, high) as <paramref name="mode"/> says.</summary>
    public static void Install(Mode mode, ulong low, ulong high)
    {
        s_mode = mode;
        s_low = low;
        s_high = high;
        ulong* action = stackalloc ulong[4];
        ulong* old = stackalloc ulong[4];
        action[0] = (ulong)(delegate* unmanaged<int, byte*, byte*, void>)&OnSegv;
        action[1] = SaSigInfo | SaRestorer;
        action[2] = RestorerAddress();
        action[3] = 0;
        if (Syscall.Invoke(SyscallNumber.RtSigaction, SigSegv, (long)action, (long)old, 8) != 0) Program.Fail("rt_sigaction failed");
        s_saved0 = old[0]; s_saved1 = old[1]; s_saved2 = old[2]; s_saved3 = old[3];
    }

    /// <summary>Puts the runtime's handler back.</summary>
    public static void Remove()
    {
        ulong* action = stackalloc ulong[4];
        action[0] = s_saved0; action[1] = s_saved1; action[2] = s_saved2; action[3] = s_saved3;
        Syscall.Invoke(SyscallNumber.RtSigaction, SigSegv, (long)action, 0, 8);
    }

    [UnmanagedCallersOnly]
    private static void OnSegv(int signal, byte* info, byte* context)
    {
        ulong address = *(ulong*)(info + 16);
        if (address < s_low || address >= s_high) Program.Fail("unexpected SIGSEGV at 0x" + address.ToString("x"));
        Faults++;
        if (s_mode == Mode.Skip) *(ulong*)(context + RipOffset) += StoreLength;
        else Syscall.Invoke(SyscallNumber.Mprotect, (long)(address & ~(Workloads.Page - 1)), (long)Workloads.Page, Linux.ProtRead | Linux.ProtWrite);
    }
}
