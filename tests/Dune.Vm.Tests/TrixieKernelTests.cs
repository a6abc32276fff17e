using Xunit;

namespace Dune.Vm.Tests;

/// <summary>
/// The second kernel generation (issue 13): on Debian 13's 6.12 kernel every program of the main boot (the KVM
/// backend's whole ring-0 list, kvm-smoke, dune.ko's own tests, the sandbox) and the <see cref="VmProgram.Trixie"/>
/// subset on dune.ko end exactly as on Debian 12's 6.1 (same status and exit code as the main and dune.ko boots,
/// whose own test classes check those results in detail).
/// </summary>
[Collection("vm")]
public sealed class TrixieKernelTests
{
    private readonly VmFixture _vm;

    public TrixieKernelTests(VmFixture vm) => _vm = vm;

    public static IEnumerable<object[]> Runs() =>
        VmPrograms.All.Where(p => p.Main).Select(p => new object[] { p.Name, VmBackend.Kvm })
            .Concat(VmPrograms.All.Where(p => p.Trixie && !p.Once).Select(p => new object[] { p.Name, VmBackend.Kmod }));

    [Theory]
    [MemberData(nameof(Runs))]
    public void EndsAsOnDebian12(string name, VmBackend backend)
    {
        VmResult on612 = (backend == VmBackend.Kvm ? _vm.TrixieKvm : _vm.TrixieKmod).Result(name);
        VmResult on61 = (backend == VmBackend.Kvm ? _vm.Kvm : _vm.Kmod).Result(name);
        Assert.True((on61.Status, on61.Code) == (on612.Status, on612.Code), $"6.1:\n{on61}\n6.12:\n{on612}");
    }

    [Fact]
    public void TheModuleTestsPassOnDebian13()
    {
        foreach (VmProgram p in VmPrograms.All.Where(p => p.Trixie && p.Name.StartsWith("kmod-", StringComparison.Ordinal)))
        {
            VmResult r = _vm.TrixieKvm.Result(p.Name);
            Assert.True(r.Passed, r.ToString());
        }
    }
}
