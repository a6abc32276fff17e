using Dune.UserMode;
using Xunit;

namespace Dune.Guest.Tests.UserMode;

/// <summary>The clone flags the sandbox accepts, with the values glibc passes (fork, posix_spawn, pthread_create).</summary>
public class CloneFlagsTests
{
    [Theory]
    [InlineData(0x11, 0)]                      // fork(): SIGCHLD
    [InlineData(0x01200011, 0)]                // glibc fork: CLONE_CHILD_SETTID | CLONE_CHILD_CLEARTID | SIGCHLD
    [InlineData(0x4111, 0)]                    // posix_spawn: CLONE_VM | CLONE_VFORK | SIGCHLD
    [InlineData(0x111, -22)]                   // CLONE_VM without vfork: a process sharing the monitor's memory
    [InlineData(0x411, -22)]                   // CLONE_FILES: the monitor's descriptor table
    [InlineData(0x20011, -1)]                  // CLONE_NEWNS
    [InlineData(0x40000011, -1)]               // CLONE_NEWNET
    public void Processes(long flags, long expected)
    {
        Assert.False(CloneFlags.IsThread(flags));
        Assert.Equal(expected, CloneFlags.CheckProcess(flags));
    }

    [Theory]
    [InlineData(0x3d0f00, 0)]                  // pthread_create: VM FS FILES SIGHAND THREAD SYSVSEM SETTLS PARENT_SETTID CHILD_CLEARTID
    [InlineData(0x10900, 0)]                   // the least: VM SIGHAND THREAD
    [InlineData(0x10800, -22)]                 // no CLONE_VM
    [InlineData(0x10911, -22)]                 // an exit signal
    [InlineData(0x20010900, -22)]              // a namespace
    public void Threads(long flags, long expected)
    {
        Assert.True(CloneFlags.IsThread(flags));
        Assert.Equal(expected, CloneFlags.CheckThread(flags));
    }
}
