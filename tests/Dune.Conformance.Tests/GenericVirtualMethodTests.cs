namespace Dune.Conformance.Tests;

/// <summary>
/// Generic virtual method calls (tests/programs/gvm): class overrides and override chains, inherited
/// implementations, interface and default interface methods, struct receivers (unboxing stubs), value-type and
/// reference-type (shared code) instantiations, two type arguments and a hot loop. Two limits are asserted as
/// NotSupportedException messages: shared code that needs a generic dictionary, and a type declaring several
/// generic virtual methods (ilc's tables identify methods only by reflection metadata, which it does not emit here).
/// </summary>
public class GenericVirtualMethodTests
{
    private static readonly string[] Expected =
    {
        "class gvm, value type arg: circle:1 square:2 bigsquare:3 square:4",
        "class gvm, reference type arg: circle:a square:b bigsquare:c square:d",
        "class gvm, struct and long args: circle:(1,2) bigsquare:5000000000",
        "override chain: animal:7 animal:s;dog:7 dog:s;puppy:7 puppy:s;animal:7 animal:s;",
        "two type arguments: 1+x 3+2 p+q r+4",
        "interface gvm incl. inherited and struct receivers: [9][z];{9}{z};{9}{z};42:942:z;",
        "default interface gvm: hello 1, go away you",
        "loop of 100000 calls: 100000",
        "value type instantiation using List<T>: 2",
        "shared code needing a dictionary: Generic virtual method call not supported: the shared code needs a generic dictionary (a generic method of 'Lister' called on 'ListFiller').",
        "two gvms on one type: Generic virtual method call not supported: 'Twice' declares several generic virtual methods, which ilc's tables do not tell apart without reflection metadata (a generic method of 'Twice' called on 'TwiceImpl').",
    };

    [Fact]
    public void EveryCasePrintsItsExpectedLine()
    {
        var r = DuneProgram.Run("tests/programs/gvm");
        Assert.Equal(string.Join("\n", Expected) + "\n", r.Stdout);
        Assert.Equal("", r.Stderr);
        Assert.Equal(0, r.ExitCode);
    }
}
