namespace Dune.Conformance.Tests;

/// <summary>fork, wait4 and execve in host mode (tests/programs/fork "host MODE"; Dune mode in the test VM: ForkVmTests).</summary>
public class ForkTests
{
    private static void AssertOutput(string mode, string stdout)
    {
        var r = DuneProgram.Run("tests/programs/fork", "host", mode);
        Assert.True(r.ExitCode == 0 && r.Stdout == stdout, r.ToString());
    }

    [Fact]
    public void ChildWritesStayInTheChildAndItsExitCodeReachesWait4() => AssertOutput("cow",
        "cow: child in ring 3 sees 1 1 1, writes 2\n" +
        "cow: child now sees 2 2 2, allocated 100000\n" +
        "cow: parent in ring 3, child exited with 7, parent sees 1 1 1\n");

    [Fact]
    public void ForkThenExecOfAStaticProgram() => AssertOutput("exec",
        "exec: parent in ring 3, /bin/sh -c 'exit 5' in the child exited with 5\n");

    [Fact]
    public void SpawnReturnsOnceTheChildIsTheNewProgram() => AssertOutput("spawn",
        "spawn: parent in ring 3, the child became sh, /bin/sh -c 'exit 6' exited with 6\n");

    [Fact]
    public void HundredForkWaitCyclesLeakNothing() => AssertOutput("loop",
        "loop: 100 children in ring 3, exit codes right 100, descriptors unchanged, memory not grown\n");
}
