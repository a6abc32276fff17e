/// <summary>One line of the paper's table: what is measured, how often, both columns and the paper's figures.</summary>
sealed class Row
{
    public readonly string Name, What;
    public readonly int Iterations;
    /// <summary>The paper's cycles (Dune, OSDI'12, Table 2): Linux and Dune.</summary>
    public readonly ulong PaperLinux, PaperDune;
    public readonly Sample Linux, Dune;
    /// <summary>False where the figure says nothing about hardware (the page walk under emulation).</summary>
    public bool Meaningful = true;

    public Row(string name, string what, int iterations, ulong paperLinux, ulong paperDune, int repetitions)
    {
        Name = name;
        What = what;
        Iterations = iterations;
        PaperLinux = paperLinux;
        PaperDune = paperDune;
        Linux = new Sample(repetitions);
        Dune = new Sample(repetitions);
    }

    /// <summary>Dune / Linux of the medians, in thousandths (integer arithmetic: no libm needed to print it).</summary>
    public ulong RatioMilli => Linux.Median == 0 ? 0 : (Dune.Median * 1000 + Linux.Median / 2) / Linux.Median;

    public ulong PaperRatioMilli => (PaperDune * 1000 + PaperLinux / 2) / PaperLinux;
}
