using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using Dune.UserMode;

namespace Dune.Guest.Tests.UserMode;

/// <summary>The one syscall table against the kernel's own list (the host's asm/unistd_64.h) and its rules.</summary>
public class SyscallTableTests
{
    private static readonly Dictionary<int, string> KernelNames = ReadKernelNames();

    private static Dictionary<int, string> ReadKernelNames()
    {
        var names = new Dictionary<int, string>();
        foreach (string line in File.ReadLines("/usr/include/x86_64-linux-gnu/asm/unistd_64.h"))
        {
            var m = Regex.Match(line, @"^#define __NR_(\w+) (\d+)$");
            if (m.Success) names[int.Parse(m.Groups[2].Value)] = m.Groups[1].Value;
        }
        return names;
    }

    [Fact]
    public void EveryNumberTheKernelAssignsHasItsNameAndATreatment()
    {
        Assert.True(KernelNames.Count > 350);
        foreach (var (number, name) in KernelNames)
        {
            if (number > SyscallTable.Highest) continue;
            SyscallInfo info = SyscallTable.Of(number);
            Assert.Equal(name, info.Name);
            Assert.True(Enum.IsDefined(info.Treatment), name);
        }
    }

    /// <summary>Entries are described at their first lookup and kept: lookups from several threads at once, and again, agree.</summary>
    [Fact]
    public void LookupsFromSeveralThreadsAndRepeatedOnesGiveTheSameEntry()
    {
        var seen = new (string, SyscallTreatment, int, byte, int)[SyscallTable.Highest + 1];
        Parallel.For(0, 8 * seen.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            int n = i % seen.Length;
            ref readonly SyscallInfo info = ref SyscallTable.Of(n);
            var fields = (info.Name, info.Treatment, info.Errno, info.FdArgs, info.Pointers.Count);
            lock (seen)
            {
                if (seen[n].Item1 == null && seen[n].Item2 == default) seen[n] = fields;
                else Assert.Equal(seen[n], fields);
            }
        });
        Assert.Equal(("getppid", SyscallTreatment.Forward, 0, (byte)0, 0), seen[110]);
        Assert.True(Unsafe.AreSame(ref Unsafe.AsRef(in SyscallTable.Of(0)), ref Unsafe.AsRef(in SyscallTable.Of(0))));
    }

    [Fact]
    public void NumbersTheKernelDoesNotAssignAreRefusedWithEnosys()
    {
        foreach (long number in new long[] { -1, 335, 387, 423 - 1000, SyscallTable.Highest + 1, 512, 0x4000_0000, long.MaxValue })
        {
            if (number >= 0 && number <= int.MaxValue && KernelNames.ContainsKey((int)number)) continue;
            SyscallInfo info = SyscallTable.Of(number);
            Assert.Equal((SyscallTreatment.Refused, 38, (string)null), (info.Treatment, info.Errno, info.Name));
        }
    }

    [Fact]
    public void ForwardedCallsListTheirPointersAndRefusedOnesAnErrno()
    {
        for (int n = 0; n <= SyscallTable.Highest; n++)
        {
            SyscallInfo info = SyscallTable.Of(n);
            if (info.Treatment == SyscallTreatment.Forward)
                Assert.NotEqual(PointerKnowledge.Unknown, info.Pointers.Knowledge);
            if (info.Treatment == SyscallTreatment.Refused)
                Assert.True(info.Errno == SyscallTable.ENOSYS || info.Errno == SyscallTable.EPERM, info.Name);
            for (int i = 0; i < info.Pointers.Count; i++)
            {
                PointerArg p = info.Pointers[i];
                Assert.True(p.Index < 6, info.Name);
                Assert.Equal(0, info.FdArgs & (1 << p.Index)); // an argument is a pointer or a descriptor, not both
            }
        }
    }

    [Theory]
    [InlineData("io_uring_setup", 38)]
    [InlineData("shmget", 38)]
    [InlineData("ptrace", 1)]
    [InlineData("process_vm_writev", 1)]
    [InlineData("mount", 1)]
    [InlineData("setuid", 1)]
    [InlineData("open_by_handle_at", 1)]
    [InlineData("prctl", 1)]
    public void RefusedCallsAndTheirErrno(string name, int errno)
    {
        SyscallInfo info = SyscallTable.Of(KernelNames.Single(kv => kv.Value == name).Key);
        Assert.Equal((SyscallTreatment.Refused, errno), (info.Treatment, info.Errno));
    }

    [Theory]
    [InlineData("mmap")]
    [InlineData("brk")]
    [InlineData("close")]
    [InlineData("fcntl")]
    [InlineData("ioctl")]
    [InlineData("rt_sigaction")]
    [InlineData("timer_create")]
    [InlineData("timer_delete")]
    [InlineData("kill")]
    [InlineData("rt_sigreturn")]
    [InlineData("rt_sigsuspend")]
    [InlineData("rt_sigpending")]
    [InlineData("rt_sigqueueinfo")]
    [InlineData("rt_tgsigqueueinfo")]
    [InlineData("prlimit64")]
    [InlineData("mremap")]
    [InlineData("fork")]
    [InlineData("vfork")]
    [InlineData("clone")]
    [InlineData("clone3")]
    [InlineData("execve")]
    [InlineData("execveat")]
    public void CallsThatChangeTheProcessAreEmulated(string name)
    {
        Assert.Equal(SyscallTreatment.Emulated, SyscallTable.Of(KernelNames.Single(kv => kv.Value == name).Key).Treatment);
    }

    [Theory]
    [InlineData("read", 0b1)]
    [InlineData("dup2", 0b11)]
    [InlineData("renameat", 0b101)]
    [InlineData("symlinkat", 0b10)]
    [InlineData("sendfile", 0b11)]
    [InlineData("openat", 0b1)]
    [InlineData("getpid", 0)]
    public void DescriptorArguments(string name, int mask)
    {
        Assert.Equal(mask, SyscallTable.Of(KernelNames.Single(kv => kv.Value == name).Key).FdArgs);
    }

    [Fact]
    public void TheCallsTheIssueFoundMissingAreForwardedWithTheirPointers()
    {
        SyscallPointers Of(string name) => SyscallTable.Of(KernelNames.Single(kv => kv.Value == name).Key).Pointers;
        Assert.Equal((PointerLength.Array, 0, 1, 8, true), Describe(Of("poll")[0]));
        Assert.Equal((PointerLength.FdSet, 1, 0, 0, true), Describe(Of("select")[0]));
        Assert.Equal(4, Of("select").Count);
        Assert.Equal(5, Of("pselect6").Count);
        Assert.Equal(PointerLength.SigmaskPack, Of("pselect6")[4].Length);
        Assert.Equal((PointerLength.Msghdr, 1, 0, 56, false), Describe(Of("sendmsg")[0]));
        Assert.Equal((PointerLength.Msghdr, 1, 0, 56, true), Describe(Of("recvmsg")[0]));
        Assert.Equal((PointerLength.Socklen, 1, 2, 0, true), Describe(Of("accept4")[0]));
        Assert.True(Of("accept4")[0].MayBeNull);
        Assert.Equal((PointerLength.Socklen, 3, 4, 0, true), Describe(Of("getsockopt")[0]));
        Assert.Equal((PointerLength.Argument, 1, 2, 0, false), Describe(Of("connect")[0]));
        Assert.Equal((PointerLength.Fixed, 2, 0, 8, true), Describe(Of("sendfile")[0]));
        Assert.Equal((PointerLength.Array, 1, 0, 4, true), Describe(Of("getgroups")[0]));
        Assert.Equal((PointerLength.Fixed, 2, 0, 32, false), Describe(Of("utimensat")[1]));
        Assert.True(Of("utimensat")[0].MayBeNull && Of("utimensat")[1].MayBeNull);
        Assert.Equal((PointerLength.String, 0, 0, 0, false), Describe(Of("symlink")[0]));
        Assert.Equal((PointerLength.String, 1, 0, 0, false), Describe(Of("mknodat")[0]));
        Assert.Equal((PointerLength.Fixed, 1, 0, 4, true), Describe(Of("wait4")[0]));
        Assert.Equal((PointerLength.Array, 1, 2, 12, true), Describe(Of("epoll_wait")[0]));
    }

    private static (PointerLength, int, int, int, bool) Describe(PointerArg p) =>
        (p.Length, p.Index, p.CountIndex, p.FixedBytes, p.KernelWrites);
}
