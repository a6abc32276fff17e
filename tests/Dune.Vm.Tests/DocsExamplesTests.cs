using Xunit;

namespace Dune.Vm.Tests;

/// <summary>
/// The examples of the docs/ pages (docs/examples, shown verbatim by the pages: DocsTests) run in ring 0 and print
/// what the pages promise.
/// </summary>
[Collection("vm")]
public class DocsExamplesTests
{
    private readonly VmRun _vm;

    public DocsExamplesTests(VmFixture vm) : this(vm.Kvm)
    {
    }

    protected DocsExamplesTests(VmRun vm) => _vm = vm;

    [Theory]
    [InlineData("docs-traps", "traps: wrote 42 after a page fault with error code 0x3 (present, write)\n")]
    [InlineData("docs-memory", "memory: 0x300000000000 reads 1 in space a and 2 in space b\n")]
    [InlineData("docs-ring3", "ring3: the code exited with 7\n")]
    [InlineData("docs-sandbox",
        "sandbox: system call 102: Emulate, result 1000\nsandbox: system call 39: Deny, result -1\n"
        + "sandbox: system call 231: Allow, result 0\nsandbox: the code exited with 999\n")]
    [InlineData("docs-backends", "backends: active False, backend None, ring 3\nbackends: active True, backend {backend}, ring 0\n")]
    public void ExampleRunsAsItsPageSays(string name, string stdout)
    {
        stdout = stdout.Replace("{backend}", _vm.Backend.ToString()); // VmBackend and DuneBackend share the names
        VmResult r = _vm.Result(name);
        Assert.True(r.Passed, r.ToString());
        Assert.Equal(stdout, r.Stdout);
        Assert.Equal("", r.Stderr);
    }
}

/// <summary>The same tests on the dune.ko backend (the fixture's DUNE_BACKEND=kmod boot).</summary>
[Collection("vm")]
public sealed class DocsExamplesTestsOnKmod : DocsExamplesTests
{
    public DocsExamplesTestsOnKmod(VmFixture vm) : base(vm.Kmod)
    {
    }
}
