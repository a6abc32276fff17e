namespace Dune.Conformance.Tests;

/// <summary>Language basics on our runtime: layouts, strings, arrays, spans, virtual calls, function pointers, argv.</summary>
public class BasicsTests
{
    private const string Program = "tests/programs/basics";

    [Fact]
    public void EveryBasicFeatureProducesItsExpectedLine()
    {
        var r = DuneProgram.RunExecutable(DuneProgram.Build(Program), new[] { "first-arg" },
            env: new() { ["DUNE_BASICS"] = "from-env" });
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(
            "explicit-layout: 55667788 11223344 66\n" +
            "fixed-buffer: 360\n" +
            "struct: 7\n" +
            "string-concat: abcde42\n" +
            "interpolation: dec=-1234 hex=ff HEX=BEEF wide=0007 long=1099511627776 ulong=18446744073709551615\n" +
            "string-ops: 6 ell True 3\n" +
            "arrays: 81 10 12 2\n" +
            "span: 100 3 16\n" +
            "stackalloc: 2016 7 0\n" +
            "virtual: shape with area 6 | square 4: shape with area 16\n" +
            "function-pointers: 42 81\n" +
            "unmanaged-callers-only: 50\n" +
            "argv: 2 first-arg\n" +
            "env: from-env\n", r.Stdout);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void UnsetEnvironmentVariableReadsAsNull()
    {
        var r = DuneProgram.RunExecutable(DuneProgram.Build(Program), Array.Empty<string>(),
            env: new() { ["DUNE_BASICS"] = null });
        Assert.Contains("env: (unset)\n", r.Stdout);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(255)]
    public void MainReturnValueIsTheExitCode(int code)
    {
        var r = DuneProgram.Run(Program, "--exit=" + code);
        Assert.Equal(code, r.ExitCode);
    }
}
