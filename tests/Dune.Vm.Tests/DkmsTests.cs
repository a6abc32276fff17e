using Xunit;

namespace Dune.Vm.Tests;

/// <summary>
/// dune.ko installed as kmod/README.md tells users to (issue 13): Debian 13's dkms adds, builds and installs it from
/// kmod/ (dkms.conf) for the pinned 6.12 kernel, the test VM on that kernel loads it with modprobe from what dkms
/// installed, and a Dune program runs on it (tests/vm/dkms-check.sh, <see cref="VmFixture.Dkms"/>).
/// </summary>
[Collection("vm")]
public sealed class DkmsTests
{
    private readonly VmFixture _vm;

    public DkmsTests(VmFixture vm) => _vm = vm;

    [Fact]
    public void ModprobeLoadsTheModuleDkmsInstalled()
    {
        VmResult r = _vm.Dkms.Result("dkms-modprobe");
        Assert.True(r.Passed, $"{r}\n{_vm.DkmsLog}");
        Assert.Equal("/dev/dune ready\n", r.Stdout);
    }

    [Fact]
    public void ADuneProgramRunsOnIt()
    {
        VmResult r = _vm.Dkms.Result("dkms-hello-dune");
        Assert.True(r.Passed, $"{r}\n{_vm.DkmsLog}");
        Assert.Contains("hello-dune: entered Dune mode, backend kmod\n", r.Stdout);
    }
}
