using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Running;

/// <summary>
/// Every benchmark class here, with MemoryDiagnoser: the Allocated column must read "-" (nothing) for
/// the ring-0 hot paths. Pass BenchmarkDotNet's own options, e.g. --filter '*PageTables*' --job short.
/// </summary>
static class Program
{
    static void Main(string[] args) =>
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly)
            .Run(args, DefaultConfig.Instance.AddDiagnoser(MemoryDiagnoser.Default));
}
