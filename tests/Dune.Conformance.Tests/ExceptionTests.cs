namespace Dune.Conformance.Tests;

/// <summary>The exception dispatcher: catch matching, finally order, rethrow, filters, nesting, stack traces.</summary>
public class ExceptionTests
{
    private const string Program = "tests/programs/exceptions-dispatch";

    [Fact]
    public void EveryDispatchFeatureReportsOk()
    {
        var r = DuneProgram.Run(Program);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(
            "catch-typed: ok\n" +
            "catch-base: ok\n" +
            "catch-all: ok\n" +
            "finally-order: ok\n" +
            "no-exception: ok\n" +
            "nested: ok\n" +
            "rethrow: ok\n" +
            "throw-in-catch: ok\n" +
            "throw-in-finally: ok\n" +
            "catch-in-catch: ok\n" +
            "filter: ok\n" +
            "filter-throws: ok\n" +
            "locals: ok\n" +
            "virtual-message: ok\n" +
            "stack-trace: ok\n" +
            "deep: ok\n" +
            "repeated: ok\n" +
            "done\n", r.Stdout);
        Assert.Equal("", r.Stderr);
    }
}
