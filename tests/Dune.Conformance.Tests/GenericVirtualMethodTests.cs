namespace Dune.Conformance.Tests;

/// <summary>
/// Generic virtual method calls (tests/programs/gvm): class overrides and override chains, inherited
/// implementations, interface, explicit and default interface methods, struct and generic receivers, generic
/// interfaces, value-type and reference-type (shared code) instantiations, two type arguments, calls from shared
/// generic code and a hot loop. Limits are asserted as NotSupportedException messages: shared code that needs a
/// generic dictionary, and several generic virtual methods of one type with implementations for the same
/// instantiation (ilc's tables identify methods only by reflection metadata, which it does not emit here).
/// </summary>
public class GenericVirtualMethodTests
{
    internal static readonly string[] Expected =
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
        "generic receiver types: box(5):1box(5):a box(s):2box(s):b",
        "called from shared generic code: circle:q box(s):3 box(5):r",
        "generic argument types: square:named(1) square:tagged(2)",
        "generic interfaces: m1xg23gk4svw",
        "explicit interface implementation: e1ez",
        "shared code with a generic dictionary in a value-type argument: Generic virtual method call not supported: the shared code needs a generic dictionary (a generic method of 'Shape' called on 'Square').",
        "several gvms, told apart by instantiation or arity: 112sb",
        "several gvms, same instantiation: Generic virtual method call not supported: 'Twice' declares several generic virtual methods with implementations for this instantiation, which ilc's tables do not tell apart without reflection metadata (a generic method of 'Twice' called on 'TwiceImpl').",
        "several interface gvms, told apart by instantiation: L1Rc",
        "several interface gvms, same instantiation: Generic virtual method call not supported: 'IPair' declares several generic virtual methods with implementations for this instantiation, which ilc's tables do not tell apart without reflection metadata (a generic method of 'IPair' called on 'PairImpl').",
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
