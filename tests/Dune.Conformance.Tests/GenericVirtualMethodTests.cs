namespace Dune.Conformance.Tests;

/// <summary>
/// Generic virtual methods: tests/programs/gvm is differential (DifferentialTests: it must print what .NET prints,
/// also under GC stress). Here the limits, which .NET does not have: calls whose shared code needs a type or a
/// method instantiation ilc left to a runtime type loader (DuneAot builds no types or code at run time) throw a
/// NotSupportedException that names what is missing and which call needed it, instead of a wrong answer.
/// </summary>
public class GenericVirtualMethodTests
{
    [Fact]
    public void UnsupportedCallsThrowNamingWhatIsMissing()
    {
        var r = DuneProgram.Run("tests/programs/gvm-limits");
        Assert.True(r.ExitCode == 0, r.ToString());
        string[] lines = r.Stdout.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        Assert.Equal("a type ilc did not compile: Generic virtual method call not supported: the shared code needs 'System.Collections.Generic.List`1[System.String]', which ilc did not compile into the executable (the runtime builds no types) (a generic method of 'Lister' called on 'ListFiller').", lines[0]);
        Assert.Equal("a method reached only through shared code: Generic virtual method call not supported: ilc compiled no code for this method with these type arguments (it is reached only through shared generic code) (a generic method of 'Mutual' called on 'Mutual').", lines[1]);
        Assert.Equal("", r.Stderr);
    }
}
