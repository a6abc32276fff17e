using System;
using Dune;
using Dune.Platform;

/// <summary>
/// The Dune paper's evaluation (OSDI'12, Table 2) in one run: the Linux column in host mode, then, in the same
/// process, the Dune column after entering Dune mode, printed as an aligned table or, with --json, as JSON.
/// Figures are rdtsc ticks per operation: cycles on hardware, exact instruction counts in the test VM under
/// tests/vm/run.sh --icount. See README.md.
/// </summary>
static unsafe class Program
{
    static int Main()
    {
        string[] args = Environment.GetCommandLineArgs();
        bool json = false;
        for (int i = 1; i < args.Length; i++)
        {
            if (args[i] == "--json") json = true;
            else
            {
                Console.Error.WriteLine("paper: unknown argument '" + args[i] + "' (usage: paper [--json])");
                return 2;
            }
        }

        var table = new Table { UnderHypervisor = UnderHypervisor() };
        table.PageWalk.Meaningful = !table.UnderHypervisor;
        LinuxColumn.Measure(table);

        long before = Nanoseconds(ClockMonotonic), cpuBefore = Nanoseconds(ClockThreadCpu);
        DuneMode.Enter();
        table.EnterNanoseconds = Nanoseconds(ClockMonotonic) - before;
        table.EnterCpuNanoseconds = Nanoseconds(ClockThreadCpu) - cpuBefore;
        DuneColumn.Measure(table);

        if (HostSignals.Faults == 0 || DuneColumn.Faults == 0) Fail("the trap rows took no faults");
        if (json) Report.WriteJson(table);
        else Report.WriteTable(table);
        return 0;
    }

    /// <summary>Prints why the run cannot go on and exits with 1 (from host mode, Dune mode or a signal handler).</summary>
    public static void Fail(string why)
    {
        Console.Error.WriteLine("paper: " + why);
        Linux.ExitGroup(1);
    }

    private const int ClockMonotonic = 1, ClockThreadCpu = 3;

    private static long Nanoseconds(int clock)
    {
        long* ts = stackalloc long[2];
        Syscall.Invoke(SyscallNumber.ClockGettime, clock, (long)ts);
        return ts[0] * 1000000000 + ts[1];
    }

    private static bool UnderHypervisor()
    {
        uint* r = stackalloc uint[4];
        Instructions.Cpuid(1, 0, r);
        return (r[2] & (1u << 31)) != 0;
    }
}
