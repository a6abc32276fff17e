using Xunit;

namespace Dune.Vm.Tests;

/// <summary>
/// Ring 3 under a Dune process (Dune.UserMode), in the test VM: tests/programs/ring3 runs raw machine code or
/// a static executable in ring 3 and reports what its ring-0 side saw.
/// </summary>
[Collection("vm")]
public class Ring3Tests
{
    private readonly VmRun _vm;

    public Ring3Tests(VmFixture vm) : this(vm.Kvm)
    {
    }

    protected Ring3Tests(VmRun vm) => _vm = vm;

    private VmResult Passed(string name)
    {
        VmResult r = _vm.Result(name);
        Assert.True(r.Passed, r.ToString());
        return r;
    }

    [Fact]
    public void ReadingASupervisorPageIsAUserModePageFault()
    {
        Assert.Equal("ring3: faulted\n" +
            "ring3: vector 14, user bit set, cr2 is the supervisor word: yes, rip is the load: yes\n" +
            "ring3: ring 0 still reads it: 0x5ec2e7, cpl 0\n", Passed("ring3-supervisor").Stdout);
    }

    [Fact]
    public void GetpidReachesTheHandlerAndPassesThrough()
    {
        Assert.Equal("ring3: exited, getpid calls seen by the handler: 1\n" +
            "ring3: handler result is our pid: yes, exit code is our pid: yes\n", Passed("ring3-getpid").Stdout);
    }

    [Fact]
    public void DeniedSyscallReturnsTheChosenErrno()
    {
        Assert.Equal("ring3: denied getpid, ring 3 saw -13 (exited with 13)\n", Passed("ring3-deny").Stdout);
    }

    [Fact]
    public void PassedThroughWriteReachesStdout()
    {
        // exit_group's code is write's result: the 18 bytes written.
        Assert.Equal("hello from ring 3\nring3: exited with 18\n", Passed("ring3-write").Stdout);
    }

    [Fact]
    public void PrivilegedInstructionsFaultWithGeneralProtection()
    {
        Assert.Equal("ring3: cli: fault vector 13 error 0 at code+0\n" +
            "ring3: mov cr3: fault vector 13 error 0 at code+0\n" +
            "ring3: hlt: fault vector 13 error 0 at code+0\n" +
            "ring3: back in ring 0\n", Passed("ring3-privileged").Stdout);
    }

    [Fact]
    public void InvalidOpcodeReachesARegisteredHandlerOrEndsTheRun()
    {
        Assert.Equal("ring3: ud2 without a handler: fault vector 6 error 0 at code+0\n" +
            "ring3: ud2 with a #UD handler that skips it: exited with 42, ring-3 frames it saw: 1, allocated at rip code+0\n",
            Passed("ring3-ud").Stdout);
    }

    [Fact]
    public void SyscallHandlerMayAllocateAndCollect()
    {
        // Sum of i + i*i for i < 100 = 4950 + 328350.
        Assert.Equal("hello from ring 3\nring3: exited with 18, collections in the handler: 2 (counted 2), kept graph sum 333300\n",
            Passed("ring3-gc").Stdout);
    }

    [Fact]
    public void PassedThroughPointersMustBeRing3sOwnMemory()
    {
        // Supervisor (runtime) addresses, a read-only page the kernel would write, a buffer running past the end
        // of a user mapping and one bad iovec all get -EFAULT (14) without reaching the host: nothing is printed
        // for them and the ring-0 word is unchanged. Valid buffers still pass through; an emulated call checks
        // its pointers too; a call the syscall table refuses gets its errno (io_setup: ENOSYS, 38).
        Assert.Equal("ring3: write(1, supervisor, 16) = -14\n" +
            "ring3: read(pipe, supervisor, 8) = -14, ring-0 word still 0x5ec2e7\n" +
            "ring3: read(pipe, read-only code page, 8) = -14\n" +
            "ring3: read(pipe, user page, 8) = 8: pipedata\n" +
            "ring3: write(1, 16 bytes over the end of a user mapping) = -14\n" +
            "in page\n" +
            "ring3: write(1, last 8 bytes of a user mapping) = 8\n" +
            "ring3: writev(1, [user, supervisor]) = -14\n" +
            "hello world\n" +
            "ring3: writev(1, [user, user]) = 12\n" +
            "ring3: openat(AT_FDCWD, supervisor path) = -14\n" +
            "ring3: rt_sigaction(SIGUSR1, supervisor, NULL) = -14\n" +
            "ring3: io_setup (refused by the syscall table) = -38\n", Passed("ring3-pointers").Stdout);
    }

    [Fact]
    public void NonCanonicalReturnAddressEndsTheRunInsteadOfSysret()
    {
        Assert.Equal("ring3: fault #GP general protection (vector 13) error 0x0 cr2 0x0 rip 0x800000000000, back in ring 0\n",
            Passed("ring3-noncanonical").Stdout);
    }

    [Theory]
    [InlineData("nolibc", "5")]
    [InlineData("libc", "7")]
    [InlineData("pie", "7")]
    [InlineData("dynamic", "7")]
    public void ExecutableInRing3MatchesItsNativeRun(string which, string exitCode)
    {
        VmResult native = _vm.Result("ring3-hello-" + which);
        VmResult ring3 = _vm.Result("ring3-elf-" + which);
        Assert.Equal(("exit", exitCode), (native.Status, native.Code));
        Assert.Equal(("exit", exitCode), (ring3.Status, ring3.Code));
        Assert.StartsWith("hello from ", native.Stdout);
        Assert.Equal(native.Stdout, ring3.Stdout);
        Assert.Equal("ring3: exited with " + exitCode + "\n", ring3.Stderr);
    }

    [Fact]
    public void SampleLogsEveryDecision()
    {
        VmResult r = Passed("ring3-sample");
        Assert.Equal("ring 3: writing through\n", r.Stdout);
        Assert.Equal("[ring3] syscall 1 (0x1, 0x400000000043, 0x18) allow -> 24\n" +
            "[ring3] syscall 102 (0x1, 0x400000000043, 0x18) emulate #0 -> 1000\n" +
            "[ring3] syscall 257 (0xffffffffffffff9c, 0x40000000005b, 0x0) deny errno 13 -> -13\n" +
            "[ring3] syscall 231 (0x3e8, 0x40000000005b, 0x0) allow -> 0\n" +
            "[ring3] exited with 1000\n", r.Stderr);
    }

    [Fact]
    public void SampleRunsLibcProgramUnderItsPolicy()
    {
        VmResult r = Passed("ring3-sample-elf");
        Assert.Equal(_vm.Result("ring3-hello-libc").Stdout, r.Stdout);
        Assert.Contains("[ring3] syscall 158 (0x1002, ", r.Stderr);
        Assert.Contains("[ring3] syscall 1 (0x1, ", r.Stderr);
        Assert.Contains("[ring3] syscall 231 (0x7, ", r.Stderr);
        Assert.EndsWith(" allow -> 0\n[ring3] exited with 7\n", r.Stderr);
    }
}

/// <summary>The same tests on the dune.ko backend (the fixture's DUNE_BACKEND=kmod boot).</summary>
[Collection("vm")]
public sealed class Ring3TestsOnKmod : Ring3Tests
{
    public Ring3TestsOnKmod(VmFixture vm) : base(vm.Kmod)
    {
    }
}
