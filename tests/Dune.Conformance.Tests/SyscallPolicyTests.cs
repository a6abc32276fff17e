namespace Dune.Conformance.Tests;

/// <summary>tests/programs/syscall-policy: the pure syscall policy compiled by ilc gives the same decisions as in the unit tests.</summary>
public class SyscallPolicyTests
{
    [Fact]
    public void DecisionsUnderOurRuntime()
    {
        var r = DuneProgram.Run("tests/programs/syscall-policy");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(
            "sandbox 0: allow\nsandbox 1: allow\nsandbox 2: deny -1\nsandbox 3: deny -38\nsandbox 39: emulate 5\nsandbox 57: kill\n" +
            "sandbox 231: allow\nsandbox 511: deny -38\nsandbox 512: deny -38\nsandbox -1: deny -38\nsandbox 1073741825: deny -38\n" +
            "open 0: allow\nopen 1: allow\nopen 2: allow\nopen 3: allow\nopen 39: allow\nopen 57: deny -11\n" +
            "open 231: allow\nopen 511: allow\nopen 512: deny -38\nopen -1: deny -38\nopen 1073741825: deny -38\n",
            r.Stdout);
        Assert.Equal("", r.Stderr);
    }
}
