using Xunit;

namespace Dune.Vm.Tests;

/// <summary>
/// fork in Dune mode (tests/programs/fork "dune MODE"): the child is itself in ring 0, on its own VM over its
/// own copy of the address space (copy-on-write as Linux gives it), and its exit code reaches the parent's
/// wait4; exec in the child; Linux.Spawn (vfork + execve) returns after the child's exec; 100 cycles leak no descriptor and no memory. Host mode: ForkTests.
/// </summary>
[Collection("vm")]
public sealed class ForkVmTests
{
    private readonly VmFixture _vm;

    public ForkVmTests(VmFixture vm) => _vm = vm;

    private string Passed(string name)
    {
        VmResult r = _vm.Result(name);
        Assert.True(r.Passed, r.ToString());
        return r.Stdout;
    }

    [Fact]
    public void ChildIsInRingZeroWithItsOwnCopyOfMemory() => Assert.Equal(
        "cow: child in ring 0 sees 1 1 1, writes 2\n" +
        "cow: child now sees 2 2 2, allocated 100000\n" +
        "cow: parent in ring 0, child exited with 7, parent sees 1 1 1\n", Passed("fork-cow"));

    [Fact]
    public void ForkThenExecOfAStaticProgram() => Assert.Equal(
        "exec: parent in ring 0, /bin/sh -c 'exit 5' in the child exited with 5\n", Passed("fork-exec"));

    [Fact]
    public void SpawnWaitsAsVforkForTheChildsExec() => Assert.Equal(
        "spawn: parent in ring 0, the child became sh, /bin/sh -c 'exit 6' exited with 6\n", Passed("fork-spawn"));

    [Fact]
    public void HundredForkWaitCyclesLeakNothing() => Assert.Equal(
        "loop: 100 children in ring 0, exit codes right 100, descriptors unchanged, memory not grown\n", Passed("fork-loop"));
}
