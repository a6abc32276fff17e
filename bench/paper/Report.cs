using System;
using System.Text;

/// <summary>The table as aligned text or as JSON; ratios are Dune / Linux (below 1: Dune is faster).</summary>
static class Report
{
    public static void WriteTable(Table t)
    {
        Console.WriteLine("Dune paper, Table 2, in one run: rdtsc ticks per operation (cycles; instructions under --icount)");
        Console.WriteLine("median of " + Table.Repetitions + " repetitions after a warm-up; ± is (max - min) / median");
        Console.WriteLine();
        Console.WriteLine($"{"row",-14}{"iterations",11}{"Linux",12}{"±",5}{"Dune",12}{"±",5}{"Dune/Linux",12}{"paper",9}");
        foreach (Row r in t.Rows)
        {
            string ratio = r.Meaningful ? Milli(r.RatioMilli) : "n/m";
            Console.WriteLine($"{r.Name,-14}{r.Iterations,11}{r.Linux.Median,12}{r.Linux.SpreadPercent + "%",5}{r.Dune.Median,12}{r.Dune.SpreadPercent + "%",5}{ratio,12}{Milli(r.PaperRatioMilli),9}");
        }
        Console.WriteLine();
        Console.WriteLine($"{"exit floor",-14}{t.Getpid.Iterations,11}{"",17}{t.ExitFloor.Median,12}{t.ExitFloor.SpreadPercent + "%",5}   port-I/O exit to the host half and back");
        Console.WriteLine($"{"kernel exit",-14}{t.Getpid.Iterations,11}{"",17}{t.KernelExit.Median,12}{t.KernelExit.SpreadPercent + "%",5}   CPUID exit answered inside KVM");
        Console.WriteLine($"{"nested fault",-14}{t.PageFault.Iterations,11}{"",17}{t.NestedFault.Median,12}{t.NestedFault.SpreadPercent + "%",5}   first touch of a page the host already has");
        Console.WriteLine("entering Dune mode: " + t.EnterCpuNanoseconds + " ns on the CPU, " + t.EnterNanoseconds
            + " ns elapsed (nanoseconds are instructions under --icount)");
        if (!t.PageWalk.Meaningful)
            Console.WriteLine("n/m: not meaningful here: under a hypervisor (CPUID bit 31) the walk is not the CPU's own");
    }

    public static void WriteJson(Table t)
    {
        var s = new StringBuilder();
        s.Append("{\"unit\":\"rdtsc ticks per operation\",\"repetitions\":").Append(Table.Repetitions);
        s.Append(",\"underHypervisor\":").Append(t.UnderHypervisor ? "true" : "false");
        s.Append(",\"rows\":[");
        Row[] rows = t.Rows;
        for (int i = 0; i < rows.Length; i++)
        {
            Row r = rows[i];
            if (i > 0) s.Append(',');
            s.Append("{\"name\":\"").Append(r.Name).Append("\",\"what\":\"").Append(r.What).Append("\",\"iterations\":").Append(r.Iterations);
            s.Append(",\"meaningful\":").Append(r.Meaningful ? "true" : "false");
            s.Append(",\"linux\":"); Stats(s, r.Linux);
            s.Append(",\"dune\":"); Stats(s, r.Dune);
            s.Append(",\"ratio\":").Append(Milli(r.RatioMilli));
            s.Append(",\"paper\":{\"linux\":").Append(r.PaperLinux).Append(",\"dune\":").Append(r.PaperDune)
                .Append(",\"ratio\":").Append(Milli(r.PaperRatioMilli)).Append("}}");
        }
        s.Append("],\"exitFloor\":"); Stats(s, t.ExitFloor);
        s.Append(",\"kernelExit\":"); Stats(s, t.KernelExit);
        s.Append(",\"nestedFault\":"); Stats(s, t.NestedFault);
        s.Append(",\"enterNanoseconds\":").Append(t.EnterNanoseconds);
        s.Append(",\"enterCpuNanoseconds\":").Append(t.EnterCpuNanoseconds).Append('}');
        Console.WriteLine(s.ToString());
    }

    private static void Stats(StringBuilder s, Sample x) =>
        s.Append("{\"median\":").Append(x.Median).Append(",\"min\":").Append(x.Min).Append(",\"max\":").Append(x.Max).Append('}');

    /// <summary>Thousandths as a decimal with three digits after the point.</summary>
    private static string Milli(ulong milli) => (milli / 1000).ToString() + "." + (milli % 1000).ToString("D3");
}
