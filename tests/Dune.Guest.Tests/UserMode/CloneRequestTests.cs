using System.Buffers.Binary;
using Dune.UserMode;
using Xunit;

namespace Dune.Guest.Tests.UserMode;

/// <summary>clone3's struct clone_args checked and turned into clone's terms, with Linux's errors (kernel/fork.c).</summary>
public class CloneRequestTests
{
    private const long EPERM = -1, E2BIG = -7, EINVAL = -22;

    /// <summary>A struct clone_args of the fields clone3 knows (88 bytes).</summary>
    private static byte[] Args(ulong flags = 0, ulong pidfd = 0, ulong childTid = 0, ulong parentTid = 0, ulong exitSignal = 0,
        ulong stack = 0, ulong stackSize = 0, ulong tls = 0, ulong setTid = 0, ulong setTidSize = 0, ulong cgroup = 0)
    {
        var b = new byte[CloneRequest.ArgsSize];
        ulong[] fields = { flags, pidfd, childTid, parentTid, exitSignal, stack, stackSize, tls, setTid, setTidSize, cgroup };
        for (int i = 0; i < fields.Length; i++) BinaryPrimitives.WriteUInt64LittleEndian(b.AsSpan(i * 8), fields[i]);
        return b;
    }

    private static long Parse(byte[] args, out CloneRequest r, ulong size = CloneRequest.ArgsSize) => CloneRequest.FromClone3(args, size, out r);

    [Fact]
    public void GlibcsPthreadCreateBecomesTheSameThreadAsWithClone()
    {
        // glibc 2.36 create_thread: CLONE_VM|FS|FILES|SYSVSEM|SIGHAND|THREAD|SETTLS|PARENT_SETTID|CHILD_CLEARTID, no exit signal.
        const ulong flags = 0x3d0f00;
        Assert.Equal(0, Parse(Args(flags, childTid: 0x7000, parentTid: 0x7000, stack: 0x10000, stackSize: 0x8000, tls: 0x20000), out CloneRequest r));
        Assert.Equal(0x3d0f00L, r.Flags);
        Assert.Equal(0x18000UL, r.Stack);
        Assert.Equal((0x7000UL, 0x7000UL, 0x20000UL, 0UL), (r.ParentTid, r.ChildTid, r.Tls, r.Pidfd));
        Assert.False(r.ClearHandlers);
        Assert.Equal(0, CloneFlags.CheckThread(r.Flags));
    }

    [Fact]
    public void PosixSpawnsVforkKeepsItsExitSignalInTheLowByte()
    {
        Assert.Equal(0, Parse(Args(0x4100, exitSignal: 17, stack: 0x40000, stackSize: 0x9000), out CloneRequest r));
        Assert.Equal(0x4111L, r.Flags);
        Assert.Equal(0x49000UL, r.Stack);
        Assert.Equal(0, CloneFlags.CheckProcess(r.Flags));
    }

    [Fact]
    public void TheFirstVersionsSizeReadsNoCgroup()
    {
        byte[] v0 = Args(exitSignal: 17, tls: 5);
        for (int i = (int)CloneRequest.ArgsSizeVer0; i < v0.Length; i++) v0[i] = 0;
        Assert.Equal(0, Parse(v0, out CloneRequest r, CloneRequest.ArgsSizeVer0));
        Assert.Equal((17L, 5UL), (r.Flags, r.Tls));
        // CLONE_INTO_CGROUP needs the field the first version lacks.
        Assert.Equal(EINVAL, Parse(Args(CloneRequest.IntoCgroup, exitSignal: 17), out _, CloneRequest.ArgsSizeVer0));
    }

    [Fact]
    public void PidfdAndParentTidAreSeparateFields()
    {
        Assert.Equal(0, Parse(Args(0x1000 | 0x100000, pidfd: 0x100, parentTid: 0x200, exitSignal: 17), out CloneRequest r));
        Assert.Equal((0x100UL, 0x200UL), (r.Pidfd, r.ParentTid));
        // clone(2) has one argument for both.
        Assert.Equal(EINVAL, CloneRequest.FromClone(0x1000 | 0x100000 | 17, 0, 0x200, 0, 0, out _));
        Assert.Equal(0, CloneRequest.FromClone(0x1000 | 17, 0, 0x200, 0, 0, out CloneRequest legacy));
        Assert.Equal(0x200UL, legacy.Pidfd);
    }

    [Fact]
    public void ClearSighandResetsTheChildsHandlersButNotWithSharedHandlers()
    {
        Assert.Equal(0, Parse(Args(CloneRequest.ClearSighand, exitSignal: 17), out CloneRequest r));
        Assert.True(r.ClearHandlers);
        Assert.Equal(17L, r.Flags);
        Assert.Equal(EINVAL, Parse(Args(CloneRequest.ClearSighand | 0x800, exitSignal: 17), out _));
    }

    [Theory]
    [InlineData(0x11UL, 0UL)]               // an exit signal in the flags' low byte
    [InlineData(0x400000UL, 17UL)]          // CLONE_DETACHED
    [InlineData(0x4_0000_0000UL, 17UL)]     // a flag clone3 does not know
    [InlineData(0x10900UL, 17UL)]           // a thread with an exit signal
    [InlineData(0x8000UL, 17UL)]            // CLONE_PARENT with an exit signal
    public void FlagsLinuxRefuses(ulong flags, ulong exitSignal) =>
        Assert.Equal(EINVAL, Parse(Args(flags, exitSignal: exitSignal), out _));

    [Fact]
    public void ExitSignalsStack()
    {
        Assert.Equal(EINVAL, Parse(Args(exitSignal: 65), out _));
        Assert.Equal(EINVAL, Parse(Args(exitSignal: 0x100 | 17), out _));
        Assert.Equal(0, Parse(Args(exitSignal: 64), out _));
        Assert.Equal(EINVAL, Parse(Args(exitSignal: 17, stack: 0x1000), out _));          // a stack without a size
        Assert.Equal(EINVAL, Parse(Args(exitSignal: 17, stackSize: 0x1000), out _));      // a size without a stack
    }

    [Fact]
    public void SetTidIsCheckedThenNeedsPrivilegeAsDoesACgroup()
    {
        Assert.Equal(EINVAL, Parse(Args(exitSignal: 17, setTid: 0x1000), out _));
        Assert.Equal(EINVAL, Parse(Args(exitSignal: 17, setTidSize: 1), out _));
        Assert.Equal(EINVAL, Parse(Args(exitSignal: 17, setTid: 0x1000, setTidSize: 33), out _));
        Assert.Equal(EPERM, Parse(Args(exitSignal: 17, setTid: 0x1000, setTidSize: 1), out _));
        Assert.Equal(EPERM, Parse(Args(CloneRequest.IntoCgroup, exitSignal: 17, cgroup: 3), out _));
        Assert.Equal(EPERM, Parse(Args(0x80, exitSignal: 17), out _)); // CLONE_NEWTIME, in the byte clone keeps the exit signal in
        Assert.Equal(EINVAL, Parse(Args(CloneRequest.IntoCgroup, exitSignal: 17, cgroup: 1UL << 31), out _));
    }

    [Theory]
    [InlineData(0UL, EINVAL)]
    [InlineData(63UL, EINVAL)]
    [InlineData(64UL, 0)]
    [InlineData(4096UL, 0)]
    [InlineData(4097UL, E2BIG)]
    public void SizeBounds(ulong size, long expected) => Assert.Equal(expected, CloneRequest.CheckSize(size));

    [Fact]
    public void ForkAndVforkAreTheirCloneEquivalents()
    {
        Assert.Equal(17L, CloneRequest.Fork().Flags);
        Assert.Equal(0x4111L, CloneRequest.Vfork().Flags);
        Assert.Equal(0, CloneFlags.CheckProcess(CloneRequest.Vfork().Flags));
    }
}
