using BenchmarkDotNet.Attributes;
using Dune.UserMode;

/// <summary>What the ring-3 SYSCALL handler consults on every call: the policy's decision and the syscall table (pointer arguments).</summary>
public class SyscallBenchmarks
{
    private readonly SyscallPolicy _policy = SyscallPolicy.DenyByDefault().Allow(0).Allow(1).Allow(39).Emulate(60, 1).Deny(2, 13);

    [Benchmark(OperationsPerInvoke = 512)]
    public long Decide()
    {
        long sum = 0;
        for (long nr = -8; nr < 504; nr++) sum += (long)_policy.Decide(nr).Verdict;
        return sum;
    }

    [Benchmark(OperationsPerInvoke = 460)]
    public int PointerArguments()
    {
        int sum = 0;
        for (long nr = 0; nr < 460; nr++) sum += SyscallTable.Of(nr).Pointers.Count;
        return sum;
    }
}
