using Dune.Backends;

namespace Dune.Guest.Tests.Backends;

/// <summary>
/// Either backend's host half forwards a plain hypercall without looking at it again; every call that changes the VM
/// must be recognised, or fork, threads, mapping changes or the FS base would silently go unmirrored.
/// </summary>
public class PlainHypercallsTests
{
    // mmap, mprotect, munmap, brk, mremap, clone, fork, vfork, exit, arch_prctl, clone3, the backend's thread start
    private static readonly long[] ChangeTheVm = { 9, 10, 11, 12, 25, 56, 57, 58, 60, 158, 435, 0x100000 };

    [Fact]
    public void CallsThatChangeTheVmAreNotPlain()
    {
        foreach (long nr in ChangeTheVm) Assert.False(PlainHypercalls.Contains(nr), "call " + nr);
    }

    [Fact]
    public void EveryOtherCallIsPlain()
    {
        for (long nr = 0; nr < 1024; nr++)
            if (Array.IndexOf(ChangeTheVm, nr) < 0) Assert.True(PlainHypercalls.Contains(nr), "call " + nr);
    }

    [Theory]
    [InlineData(-1L)]
    [InlineData(64L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void NumbersOutsideTheBitmapAreForwarded(long nr) => Assert.True(PlainHypercalls.Contains(nr));
}
