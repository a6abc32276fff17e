using Dune.UserMode;

namespace Dune.Guest.Tests.Sandbox;

/// <summary>samples/sandbox's policy files: parsing, errors, the path rules and the SyscallPolicy they become.</summary>
public class SandboxPolicyTests
{
    private static SandboxPolicy Parse(string text)
    {
        string error = SandboxPolicy.Parse(text, out SandboxPolicy policy);
        Assert.Null(error);
        return policy;
    }

    [Fact]
    public void TheDefaultProfileAllowsTheTableKeepsNetworkOffAndTheFileSystemReadOnlyButTmp()
    {
        SandboxPolicy p = Parse(SandboxPolicy.DefaultProfile);
        Assert.False(p.Network);
        Assert.Equal(PathAccess.ReadOnly, p.Paths.AccessOf("/etc/passwd"));
        Assert.Equal(PathAccess.ReadWrite, p.Paths.AccessOf("/tmp/x/y"));
        Assert.Equal(PathAccess.ReadWrite, p.Paths.AccessOf("/dev/null"));
        Assert.Equal(PathAccess.None, p.Paths.AccessOf("/proc/self/mem"));
        Assert.Equal(PathAccess.ReadOnly, p.Paths.AccessOf("/tmpfoo"));
        SyscallPolicy s = p.ToSyscallPolicy();
        Assert.Equal(SyscallVerdict.Allow, s.Decide(0).Verdict);                        // read
        Assert.Equal(SyscallAction.Emulate(SandboxPolicy.CheckPaths), s.Decide(257));   // openat: path rules first
        Assert.Equal(SyscallAction.Emulate(SandboxPolicy.CheckSocket), s.Decide(41));   // socket: network switch
    }

    [Fact]
    public void RulesByNameOrNumberWithErrnosAndFixedValues()
    {
        SandboxPolicy p = Parse("default deny EACCES\nallow read write 231\ndeny uname\ndeny openat ENOENT\nkill ptrace\nemulate geteuid 4321 # root-ish\nnetwork on\n");
        SyscallPolicy s = p.ToSyscallPolicy();
        Assert.Equal(SyscallAction.Deny(13), s.Decide(39));          // getpid: the default
        Assert.Equal(SyscallAction.Allow, s.Decide(1));
        Assert.Equal(SyscallAction.Allow, s.Decide(231));
        Assert.Equal(SyscallAction.Deny(1), s.Decide(63));           // uname: EPERM by default
        Assert.Equal(SyscallAction.Deny(2), s.Decide(257));          // an explicit deny beats the path rules
        Assert.Equal(SyscallAction.Kill, s.Decide(101));
        Assert.Equal(SyscallAction.Emulate(SandboxPolicy.FirstFixedValue), s.Decide(107));
        Assert.Equal(4321, p.FixedValues[0]);
        Assert.True(p.Network);
    }

    [Theory]
    [InlineData("allow nosuchcall", "line 1: unknown system call 'nosuchcall'")]
    [InlineData("\n\ndeny read EWHATEVER", "line 3: unknown errno 'EWHATEVER'")]
    [InlineData("path relative rw", "line 1: want: path /ABSOLUTE/PREFIX ro|rw|none")]
    [InlineData("path /x rx", "line 1: path access must be ro, rw or none, not 'rx'")]
    [InlineData("network maybe", "line 1: want: network on | network off")]
    [InlineData("emulate getuid zero", "line 1: emulated value 'zero' is not a number")]
    [InlineData("frobnicate", "line 1: unknown rule 'frobnicate' (want default, allow, deny, kill, emulate, network or path)")]
    [InlineData("default maybe", "line 1: want: default allow | default deny [ERRNO]")]
    public void MistakesAreReportedWithTheirLine(string text, string message)
    {
        Assert.Equal(message, SandboxPolicy.Parse(text, out _));
    }

    [Fact]
    public void TheLongestPrefixDecidesAfterLexicalNormalization()
    {
        var rules = new PathRules();
        rules.Add("/", PathAccess.ReadOnly);
        rules.Add("/home/u", PathAccess.ReadWrite);
        rules.Add("/home/u/.ssh/", PathAccess.None);
        Assert.Equal(PathAccess.ReadWrite, rules.AccessOf("/home/u/notes"));
        Assert.Equal(PathAccess.None, rules.AccessOf("/home/u/.ssh/id_ed25519"));
        Assert.Equal(PathAccess.None, rules.AccessOf("/home/u/x/../.ssh//./id_ed25519"));
        Assert.Equal(PathAccess.ReadOnly, rules.AccessOf("/home/u/../v/file"));
        Assert.Equal(PathAccess.ReadOnly, rules.AccessOf("/../../etc"));
        Assert.Equal(PathAccess.None, new PathRules().AccessOf("/anything"));
    }

    [Fact]
    public void PathCallsKnowWhichArgumentsArePathsAndWhetherTheyWrite()
    {
        PathUse openat = PathCalls.Of(257), rename = PathCalls.Of(82), symlinkat = PathCalls.Of(266), stat = PathCalls.Of(4);
        Assert.Equal((1, 0, 2), (openat.Path, openat.Dirfd, openat.OpenFlags));
        Assert.Equal((0, 1, true), (rename.Path, rename.Path2, rename.Write));
        Assert.Equal((2, 1, true), (symlinkat.Path, symlinkat.Dirfd, symlinkat.Write));
        Assert.Equal((0, false), (stat.Path, stat.Write));
        Assert.Equal(PathCalls.OpenHowFlags, PathCalls.Of(437).OpenFlags);
        Assert.False(PathCalls.Has(0));
        // Every call the table forwards with a path argument is covered, except those whose strings are not
        // file names (memfd_create's name, the xattr calls' attribute names on descriptors) or that never
        // reach the file system rules (inotify watches only observe).
        for (int n = 0; n <= SyscallTable.Highest; n++)
        {
            SyscallInfo info = SyscallTable.Of(n);
            if (info.Treatment != SyscallTreatment.Forward) continue;
            bool takesPath = false;
            for (int i = 0; i < info.Pointers.Count; i++) takesPath |= info.Pointers[i].Length == PointerLength.String;
            if (!takesPath || info.Name is "memfd_create" or "fgetxattr" or "fsetxattr" or "fremovexattr" or "inotify_add_watch") continue;
            Assert.True(PathCalls.Has(n), info.Name);
        }
    }

    [Fact]
    public void ErrnoNamesBothWays()
    {
        Assert.Equal("ENOENT", Errno.Name(2));
        Assert.Equal("ELOOP", Errno.Name(40));
        Assert.Equal("95", Errno.Name(95));
        Assert.Equal(13, Errno.Parse("EACCES"));
        Assert.Equal(95, Errno.Parse("95"));
        Assert.Equal(0, Errno.Parse("EBOGUS"));
        Assert.Equal(0, Errno.Parse("5000"));
    }
}
