namespace Dune.Conformance.Tests;

/// <summary>[EagerStaticClassConstruction] (DuneAot-specific, so not differential): the cctor runs before Main.</summary>
public class EagerStaticsTests
{
    [Fact]
    public void EagerStaticConstructorRunsBeforeMain()
    {
        var r = DuneProgram.Run("tests/programs/eager-statics", "a1", "a2");
        Assert.Equal("eager cctor ran before Main: 21\n", r.Stdout);
        Assert.Equal(0, r.ExitCode);
    }
}
