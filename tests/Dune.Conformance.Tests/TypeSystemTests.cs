namespace Dune.Conformance.Tests;

/// <summary>
/// Runtime type-system features (tests/programs/typesystem): interface dispatch incl. default methods and
/// variance, delegates, closures and multicast, generics over structs and classes, foreach/iterators/collections, array
/// initializers, Nullable boxing, casts, lazy/eager static constructors, thread statics and a generic virtual
/// call (more in GenericVirtualMethodTests). The program prints one line per case; any broken
/// feature changes (or cuts short) the output.
/// </summary>
public class TypeSystemTests
{
    internal static readonly string[] Expected =
    {
        "interface dispatch: shape=9 rect=10 tri=6 shape=0 shape=16 ",
        "generic interface: hi 7 70",
        "interface via base virtual: woof yip",
        "default method override in derived interface: IB",
        "variant interface dispatch: woofyipxyz",
        "float args through stub: 5 4",
        "static/lambda/closure: 8 16 10",
        "instance/virtual: 7 LOUD 2",
        "closure state: 3",
        "delegate through interface: 10 15",
        "action: 42",
        "delegate on struct: 105",
        "delegate variance and Target: text static instance",
        "multicast: A1B1A1A2B2 2 1001",
        "generic class over struct and class: 5 (4,16) cb",
        "two type arguments: k=1099511627776",
        "constrained generic method: 9 ab",
        "interface call on boxed struct: 2 3",
        "generic virtual method: N:12345L:3",
        "array initializers and foreach: 10 30000000000 xy",
        "data initializers: 32 12 197 2583",
        "custom enumerable and iterators: 10 abg",
        "array as IEnumerable<int>: 100",
        "span foreach: 4 342 36",
        "jagged: 3 14 0",
        "List<T>: 10 145 bac 2 no-z",
        "Dictionary: 19 500 no-k3 682",
        "array as IList<T>: 4 3 3 1",
        "enums: 6 6 3 eq",
        "nullable boxing: int null 42 empty",
        "nullable boxing of long/byte/struct: 8589934592 7 (3,4) Point",
        "is/as: yynyny",
        "variance: yynn",
        "invalid cast: Unable to cast object of type 'Derived' to type 'String'.",
        "null interface call: NullReferenceException",
        "delegate variance casts: yynn",
        "array interfaces: 45 yyn a",
        "unbox: 6 nyy",
        "thread statics survive GC: 100 item99",
        "statics: eager cctor ran before Main: 21",
        "statics: before first use",
        "statics: LazyInit cctor runs on first use",
        "statics: lazy value 42 lazy",
        "statics: args 3 a1",
        "statics: ChainDep cctor runs first",
        "statics: chained 11",
        "statics: TypeInitializationException: The type initializer threw an exception: cctor failed",
        "statics: TypeInitializationException: The type initializer threw an exception: cctor failed",
        "statics: generic 101 100 s",
        "thread statics: 6 tls 1099511627776 3 3",
    };

    [Fact]
    public void EveryCasePrintsItsExpectedLine()
    {
        var r = DuneProgram.Run("tests/programs/typesystem", "a1", "a2");
        Assert.Equal(string.Join("\n", Expected) + "\n", r.Stdout);
        Assert.Equal("", r.Stderr);
        Assert.Equal(0, r.ExitCode);
    }
}
