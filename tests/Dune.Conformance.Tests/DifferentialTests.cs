namespace Dune.Conformance.Tests;

/// <summary>
/// The standard .NET runtime is the oracle for C# semantics: each program below is built twice from the same
/// sources — as a Dune executable and, with DuneOracle=true, as an ordinary net10.0 program run by `dotnet` —
/// and both runs must print the same stdout and exit with the same code. Again under DUNE_GC_STRESS, so a
/// reference the collector misses changes the output. Programs here must print only deterministic,
/// runtime-independent text (no addresses, hash codes of strings, timings or file names).
/// </summary>
public class DifferentialTests
{
    /// <summary>Program folder under tests/programs, the arguments and the standard input it runs with.</summary>
    public static readonly TheoryData<string, string[], string?> Programs = new()
    {
        { "gvm", [], null },
        { "equality", [], null },
        { "strings", [], null },
        { "chars", [], null },
        { "environment", [], null },
        { "io", [], null },
        { "console", ["one", "two words", "", "ünï 😀"], "xfirst line\r\nsecond\n\nünïcödé 😀 𝄞\rfifth\nsixth\nseventh line\r\neighth\nlast without newline" },
        { "formatting", [], null },
        { "memory", [], null },
        { "math", [], null },
        { "collections", [], null },
        { "floating", [], null },
        { "parsing", [], null },
        { "enums-types", [], null },
        { "linq", [], null },
        { "records", [], null },
        { "ranges", [], null },
        { "hashing", [], null },
        { "encodings", [], null },
        { "guids", [], null },
        { "views", [], null },
        { "decimal", [], null },
        { "typesystem", ["a1", "a2"], null },
        { "exceptions-dispatch", [], null },
        { "exception-messages", [], null },
        { "threads", [], null },
        { "thread-crash", [], null },
        { "tasks", [], null },
    };

    [Theory]
    [MemberData(nameof(Programs))]
    public void OutputMatchesDotNet(string program, string[] args, string? stdin) =>
        AssertSameAsDotNet(program, args, stdin, env: null);

    [Theory]
    [MemberData(nameof(Programs))]
    public void OutputMatchesDotNetUnderGcStress(string program, string[] args, string? stdin) =>
        AssertSameAsDotNet(program, args, stdin, env: new() { ["DUNE_GC_STRESS"] = "7" });

    private static void AssertSameAsDotNet(string program, string[] args, string? stdin, Dictionary<string, string?>? env)
    {
        string dir = "tests/programs/" + program;
        var expected = DuneProgram.RunOracle(dir, args, stdin);
        var actual = DuneProgram.RunExecutable(DuneProgram.Build(dir), args, stdin, env: env);
        Assert.True(expected.Stdout == actual.Stdout && expected.ExitCode == actual.ExitCode,
            $"{program}: DuneAot differs from .NET\n{FirstDifference(expected.Stdout, actual.Stdout)}\n" +
            $"--- .NET ---\n{expected}\n--- DuneAot ---\n{actual}");
    }

    private static string FirstDifference(string expected, string actual)
    {
        string[] e = expected.Split('\n'), a = actual.Split('\n');
        for (int i = 0; i < Math.Max(e.Length, a.Length); i++)
        {
            string el = i < e.Length ? e[i] : "<end of output>", al = i < a.Length ? a[i] : "<end of output>";
            if (el != al) return $"first difference at line {i + 1}:\n  .NET:    {el}\n  DuneAot: {al}";
        }
        return "stdout identical; exit codes differ";
    }
}
