using Xunit;

namespace Dune.Vm.Tests;

/// <summary>The VM programs of the sandbox tests (listed in <see cref="VmPrograms"/>).</summary>
public static class Sandbox
{
    public const string ToolProject = "samples/sandbox/sandbox.csproj";
    public const string Hostile = "tests/programs/sandbox/hostile.c";
    public const string Signals = "tests/programs/sandbox/signals.c";
    public const string Fuzz = "tests/programs/sandbox/fuzz.c";
    public const string Procs = "tests/programs/sandbox/procs.c";
    public const string Threads = "tests/programs/sandbox/threads.c";
    /// <summary>
    /// A pipeline of three Debian programs, $(...) and a subshell with a relative path, then a #! script (written to
    /// /tmp, run by its path) with a pipeline into sort, a subshell, $(...) of a pipeline and its exit status.
    /// </summary>
    public const string PipesScript =
        "/debian/bin/ls /progs | /debian/bin/sort -r | /debian/bin/head -n 3; echo hello > /tmp/pipes-word; echo \"got $(/debian/bin/cat /tmp/pipes-word)\"; " +
        "(cd /debian/bin && /debian/bin/ls | /debian/bin/grep -c '^s'); " +
        "printf '#!/bin/sh\\nfor w in b c a; do echo $w; done | /debian/bin/sort | /debian/bin/tr a-z A-Z\\n(cd /progs; echo \"in a subshell: $(pwd)\")\\n" +
        "x=$(/debian/bin/seq 3 | /debian/bin/tail -n 1); echo \"last $x\"\\nexit 3\\n' > /tmp/pipes.sh; /debian/bin/chmod +x /tmp/pipes.sh; /tmp/pipes.sh; echo \"status $?\"";
    /// <summary>
    /// Path rules on execve: the executable (seq) and the ELF interpreter of every dynamically linked program (/lib64) are denied; the static shell still runs;
    /// then the same files as the sandbox's own program: refused before it runs.
    /// </summary>
    public const string ExecPolicyScript =
        "printf 'default allow\\npath / ro\\npath /lib64 none\\npath /debian/bin/seq none\\n' > /tmp/x.policy; " +
        "/progs/sandbox-true --policy /tmp/x.policy -- /bin/sh -c '/debian/bin/seq 2; echo \"seq: $?\"; /debian/bin/true; echo \"true: $?\"; /bin/sh -c \"echo nested\"'; echo \"sandbox: $?\"; " +
        "/progs/sandbox-true --policy /tmp/x.policy -- /debian/bin/true; echo \"direct: $?\"; /progs/sandbox-true --policy /tmp/x.policy -- /debian/bin/seq 1; echo \"direct seq: $?\"";
    /// <summary>
    /// Path rules follow symlinks: a link in /tmp (rw) to a file the policy denies, a link to a read-only tree, a
    /// link to a file under /tmp; then a directory link used as a path prefix.
    /// </summary>
    public const string SymlinkPolicyScript =
        "printf 'default allow\\npath / ro\\npath /tmp rw\\npath /progs/run-list.sh none\\n' > /tmp/l.policy; /debian/bin/ln -sf /progs/run-list.sh /tmp/denied-link; " +
        "/debian/bin/ln -sfn /progs /tmp/ro-link; echo fine > /tmp/ok-file; /debian/bin/ln -sf /tmp/ok-file /tmp/ok-link; " +
        "/progs/sandbox-true --policy /tmp/l.policy -- /bin/sh -c '/debian/bin/cat /tmp/denied-link; echo \"denied: $?\"; /debian/bin/cat /tmp/ro-link/run-list.sh; echo \"via a directory link: $?\"; " +
        "/debian/bin/touch /tmp/ro-link/new; echo \"write through a link: $?\"; /debian/bin/cat /tmp/ok-link; echo \"allowed link: $?\"; /debian/bin/head -c 9 /progs/run-list.sh; echo \"written path: $?\"'";
    /// <summary>busybox sh's trap: handlers for signals the shell sends itself, then one it does not handle.</summary>
    public const string TrapScript = "trap 'echo caught USR1' USR1; trap 'echo caught TERM' TERM; kill -USR1 $$; echo between; kill -TERM $$; echo after; kill -USR2 $$; echo not reached";
    public const string AwkProgram = "{ n++; words += NF } END { printf \"%d lines, %d words, %.2f per line\\n\", n, words, words / n }";
    public const string Sql = "create table t(name text, n int); insert into t values ('a', 3), ('b', 4), ('c', 5);" +
        " select name, n * n from t order by n desc; select sum(n * n), group_concat(name, '-') from t;";
    public const string Lua = "local t = {} for i = 1, 10 do t[i] = i * i end print(table.concat(t, ',')) print(string.format('%5.3f', math.pi))";
    /// <summary>
    /// lighttpd serving a file over loopback to busybox wget, natively then sandboxed (a policy with the network
    /// on): each run prints the body's sha256, a page, a 404, and lighttpd's exit status after SIGTERM on stdout,
    /// and the time per request (20 requests, /proc/uptime's centiseconds) on stderr. SIGTERM is sent once the
    /// server has closed its last client socket (only the listening one left in /proc/PID/fd): lighttpd exits 1
    /// when SIGTERM finds a connection still open (server.c: rc stays 1 unless srv->conns is empty), a race with
    /// the client's close that the sandbox's slower close path lost now and then on dune.ko.
    /// </summary>
    public const string LighttpdScript =
        "ifconfig lo 127.0.0.1 up; mkdir -p /tmp/www; /debian/bin/seq 1 30000 > /tmp/www/numbers.txt; echo '<h1>served</h1>' > /tmp/www/index.html; " +
        "printf 'server.document-root = \"/tmp/www\"\\nserver.port = 8081\\nserver.bind = \"127.0.0.1\"\\nmimetype.assign = (\".txt\" => \"text/plain\", \".html\" => \"text/html\")\\n' > /tmp/l.conf; " +
        "printf 'default allow\\nnetwork on\\npath / ro\\npath /tmp rw\\npath /dev/null rw\\n' > /tmp/net.policy; " +
        "now() { read up idle < /proc/uptime; echo ${up%.*}${up#*.}; }; " +
        "closed() { n=0; while [ $(ls -l /proc/$pid/fd | grep -c socket:) -gt 1 ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n+1)); done; }; " +
        "serve() { \"$@\" -D -f /tmp/l.conf & pid=$!; i=0; while ! wget -q -O /dev/null http://127.0.0.1:8081/index.html 2>/dev/null; do i=$((i+1)); [ $i -gt 150 ] && break; sleep 0.2; done; " +
        "start=$(now); n=0; while [ $n -lt 20 ]; do wget -q -O /tmp/got http://127.0.0.1:8081/numbers.txt; n=$((n+1)); done; end=$(now); " +
        "/debian/bin/sha256sum < /tmp/got; wget -q -O - http://127.0.0.1:8081/index.html; wget -q -O /dev/null http://127.0.0.1:8081/missing.txt 2>/dev/null; echo \"missing: $?\"; " +
        "closed; kill $pid; wait $pid; echo \"server exit: $?\"; echo \"$1: $(( (end - start) * 500 )) us per request\" >&2; }; " +
        "/debian/bin/sha256sum < /tmp/www/numbers.txt; serve /debian/bin/lighttpd; serve /progs/sandbox-true --policy /tmp/net.policy -- /debian/bin/lighttpd";

    /// <summary>A policy file written in the guest, then: an emulated call, a denied one, a malformed policy.</summary>
    public const string PolicyScript =
        "printf 'default allow\\nemulate geteuid 4321\\ndeny uname EPERM\\npath / ro\\n' > /tmp/p.policy; " +
        "/progs/sandbox-true --policy /tmp/p.policy -- /debian/bin/id -u; echo \"id: $?\"; " +
        "/progs/sandbox-true --policy /tmp/p.policy -- /debian/bin/uname; echo \"uname: $?\"; " +
        "printf 'allow read\\nbogus rule\\n' > /tmp/bad.policy; /progs/sandbox-true --policy /tmp/bad.policy -- /debian/bin/true; echo \"bad: $?\"";

    /// <summary>A program run natively in the guest: a Debian program by its guest path, or a C file built here.</summary>
    public static VmProgram Native(string name, string program, params string[] args) =>
        new("native-" + name, program.EndsWith(".c") ? program : "guest:" + program, 20, args);

    /// <summary>The same program under samples/sandbox with the default policy.</summary>
    public static VmProgram Sandboxed(string name, string program, params string[] args) =>
        new("sandbox-" + name, ToolProject, 60, new[] { "--", program }.Concat(args).ToArray());

    public static VmProgram Tool(string name, params string[] args) => new("sandbox-" + name, ToolProject, 60, args);
}

/// <summary>
/// samples/sandbox in the test VM against programs no one here wrote (Debian's coreutils, grep, sed, mawk,
/// sqlite3, lua5.4; tests/vm/versions.env GUEST_PACKAGES): sandboxed and native runs of the same boot must give
/// the same stdout, stderr and exit status. Then programs that attack the monitor: each must leave it alive and
/// reporting.
/// </summary>
[Collection("vm")]
public class SandboxTests
{
    private readonly VmRun _vm;

    public SandboxTests(VmFixture vm) : this(vm.Kvm)
    {
    }

    protected SandboxTests(VmRun vm) => _vm = vm;

    [Theory]
    [InlineData("true")]
    [InlineData("seq")]
    [InlineData("ls")]
    [InlineData("sha256sum")]
    [InlineData("sort")]
    [InlineData("wc")]
    [InlineData("od")]
    [InlineData("cat-missing")]
    [InlineData("grep")]
    [InlineData("sed")]
    [InlineData("awk")]
    [InlineData("sqlite3")]
    [InlineData("lua")]
    [InlineData("hostile-close-all")]
    [InlineData("hostile-close-stdio")]
    [InlineData("hostile-reserve")]
    [InlineData("hostile-poll-limit")]
    [InlineData("procs-fork")]
    [InlineData("procs-sigchld")]
    [InlineData("procs-exec-errors")]
    [InlineData("procs-exec")]
    [InlineData("procs-spawn")]
    [InlineData("procs-signaled")]
    [InlineData("procs-kill")]
    [InlineData("procs-vfork-wait")]
    [InlineData("procs-clone3")]
    [InlineData("procs-execveat")]
    [InlineData("procs-fifo-open")]
    [InlineData("shell-pipes")]
    [InlineData("timeout")]
    [InlineData("env")]
    public void SandboxedRunMatchesTheNativeRun(string name)
    {
        VmResult native = _vm.Result("native-" + name), sandboxed = _vm.Result("sandbox-" + name);
        Assert.Equal("exit", native.Status);
        Assert.True(native.Stdout.Length + native.Stderr.Length > 0 || name == "true" || name == "hostile-close-stdio", native.ToString());
        Assert.Equal((native.Status, native.Code, native.Stdout, native.Stderr), (sandboxed.Status, sandboxed.Code, sandboxed.Stdout, sandboxed.Stderr));
    }

    [Fact]
    public void TheProgramsDidRealWork()
    {
        Assert.Equal("01\n04\n07\n10\n13\n16\n19\n", _vm.Result("sandbox-seq").Stdout);
        Assert.Equal("c|25\nb|16\na|9\n50|a-b-c\n", _vm.Result("sandbox-sqlite3").Stdout);
        Assert.Equal("1,4,9,16,25,36,49,64,81,100\n3.142\n", _vm.Result("sandbox-lua").Stdout);
        Assert.Equal("1", _vm.Result("sandbox-cat-missing").Code);
        Assert.Equal("/debian/bin/cat: /nonexistent: No such file or directory\n", _vm.Result("sandbox-cat-missing").Stderr);
    }

    [Fact]
    public void ForkExecAndPipelinesDidRealWork()
    {
        Assert.Equal("parent read: child: parent is mine 1, me new 1\nfork: exited 7\ncopy: exited 2\nparent still has 1\nno more children: -1 Success\n",
            _vm.Result("sandbox-procs-fork").Stdout);
        Assert.Contains("SIGCHLD handled 1\n", _vm.Result("sandbox-procs-sigchld").Stdout);
        Assert.Contains("SIGCHLD ignored: open completed, read x, handler ran 0\n" +
            "quick child: exited 0\nwriter: exited 0\nhandler with SA_RESTART: open completed, read x, handler ran 1\n" +
            "quick child: exited 0\nwriter: exited 0\nhandler without SA_RESTART: open interrupted, read x, handler ran 1\n",
            _vm.Result("sandbox-procs-fifo-open").Stdout);
        Assert.Equal("missing: No such file or directory\ndirectory: Permission denied\nnot ELF: Exec format error\nnot executable: Permission denied\nbad argv: Bad address\n",
            _vm.Result("sandbox-procs-exec-errors").Stdout);
        Assert.Equal("after exec: fd kept open, fd close-on-exec closed\nexec self: exited 0\nscript: /tmp/procs-script one two\nFROM A CHILD OF THE SCRIPT\n" +
            "script: exited 5\nafter exec: USR1 ignored, USR2 default\nUSR1 ignored\nsignals after exec: exited 0\n", _vm.Result("sandbox-procs-exec").Stdout);
        Assert.Equal("spawned by posix_spawn\nposix_spawn: exited 0\nvia system\nsystem: exited 6\nvfork: exited 5\nvfork exec: exited 0\n" +
            "posix_spawn of a missing program: No such file or directory\nvfork writer: exited 0\n" +
            "after the vfork child: shared 2, seen by the child 1, text \"written by the vfork child\"\n",
            _vm.Result("sandbox-procs-spawn").Stdout);
        Assert.Equal("raise SIGTERM: signal 15\nabort: signal 6\nnull write: signal 11\n", _vm.Result("sandbox-procs-signaled").Stdout);
        Assert.Equal("kill child USR1: 0\nchild: exited 10\nchild sent SIGTERM: signal 15\nprobe: 0\nchild sent SIGKILL: signal 9\n" +
            "probe after reaping: -1 No such process\nkill group USR2: 0\nchild of the group: exited 1\nthe program got USR2 too 1\n" +
            "kill -pgid USR2: 0\nchild of the group again: exited 1\nthe program got USR2 again 1\n", _vm.Result("sandbox-procs-kill").Stdout);
        Assert.Equal("vfork child exits first\nvfork parent goes on\nvfork: exited 4\nvfork child execs\nvfork parent goes on after the exec\nvfork exec: exited 0\n",
            _vm.Result("sandbox-procs-vfork-wait").Stdout);
        Assert.Matches("^got hello\n\\d+\nA\nB\nC\nin a subshell: /progs\nlast 3\nstatus 3\n$", _vm.Result("sandbox-shell-pipes").Stdout.Split('\n', 4)[3]);
        Assert.StartsWith("clone3 fork: exited 3\npidfd open 1, parent tid is the pid 1\nclone3 pidfd: exited 4\n" +
            "clone3 clear sighand (3: USR1 default, USR2 ignored): exited 3\nparent keeps its handler 1\nsize 63: Invalid argument\n",
            _vm.Result("sandbox-procs-clone3").Stdout);
        Assert.Contains("\nabsolute: exited 0\nrelative to the directory: exited 0\nthe descriptor's file: exited 0\nan O_PATH descriptor: exited 1\n" +
            "script: /dev/fd/6/procs-script-at one\na script relative to a directory: exited 6\n", _vm.Result("sandbox-procs-execveat").Stdout);
        Assert.Equal("1\n2\n3\n", _vm.Result("sandbox-timeout").Stdout);
        Assert.Equal("A=1\n", _vm.Result("sandbox-env").Stdout);
    }

    [Fact]
    public void PathRulesApplyToTheExecutableAndItsInterpreter()
    {
        VmResult r = _vm.Result("sandbox-exec-policy");
        Assert.Equal("seq: 126\ntrue: 126\nnested\nsandbox: 0\ndirect: 126\ndirect seq: 126\n", r.Stdout);
        Assert.Equal("/bin/sh: /debian/bin/seq: Permission denied\n/bin/sh: /debian/bin/true: Permission denied\n" +
            "sandbox: /debian/bin/true: the policy gives no access to its interpreter /lib64/ld-linux-x86-64.so.2\n" +
            "sandbox: /debian/bin/seq: the policy gives no access to it\n", r.Stderr);
    }

    [Fact]
    public void PathRulesFollowSymlinks()
    {
        VmResult r = _vm.Result("sandbox-symlink-policy");
        Assert.Equal(("exit", "0"), (r.Status, r.Code));
        Assert.Equal("denied: 1\nvia a directory link: 1\nwrite through a link: 1\nfine\nallowed link: 0\nwritten path: 1\n", r.Stdout);
        Assert.Equal("/debian/bin/cat: /tmp/denied-link: Permission denied\n/debian/bin/cat: /tmp/ro-link/run-list.sh: Permission denied\n" +
            "/debian/bin/touch: cannot touch '/tmp/ro-link/new': Read-only file system\n/debian/bin/head: cannot open '/progs/run-list.sh' for reading: Permission denied\n", r.Stderr);
    }

    [Fact]
    public void AbortEndsOnlyTheProgramWithItsSignal()
    {
        VmResult native = _vm.Result("native-hostile-abort"), sandboxed = _vm.Result("sandbox-hostile-abort");
        Assert.Equal(("exit", "134"), (native.Status, native.Code));
        Assert.Equal(("exit", "134"), (sandboxed.Status, sandboxed.Code));
        Assert.Equal("sandbox: /progs/native-hostile-abort killed by signal 6\n", sandboxed.Stderr);
    }

    [Theory]
    [InlineData("int80", "128")]
    [InlineData("int20", "32")]
    public void SoftwareInterruptsEndTheProgramNotTheMonitor(string mode, string vector)
    {
        VmResult r = _vm.Result("sandbox-hostile-" + mode);
        Assert.Equal(("exit", "139"), (r.Status, r.Code));
        Assert.StartsWith("int $0x", r.Stdout);
        Assert.StartsWith("sandbox: /progs/native-hostile-abort killed by signal 11: fault ", r.Stderr);
        Assert.Contains("(vector " + vector + ")", r.Stderr);
    }

    [Fact]
    public void HugeMappingsGetEnomemAndTheProgramGoesOn()
    {
        VmResult r = _vm.Result("sandbox-hostile-huge-mmap");
        Assert.Equal(("exit", "0", ""), (r.Status, r.Code, r.Stderr));
        Assert.Equal("16 GiB mmap: Cannot allocate memory\n1 MiB mmap afterwards: mapped\n", r.Stdout);
    }

    [Fact]
    public void TheMonitorsProcDirectoryIsDenied()
    {
        VmResult r = _vm.Result("sandbox-hostile-proc-self-mem");
        Assert.Equal(("exit", "0"), (r.Status, r.Code));
        Assert.Equal("open /proc/self/mem: -1 Permission denied\nopen /proc/self/maps: -1 Permission denied\n", r.Stdout);
    }

    [Fact]
    public void AlarmReachesTheProgramNotTheMonitor()
    {
        // The host's SIGALRM is relayed to the program, whose default action ends it (not the monitor, which reports it).
        VmResult r = _vm.Result("sandbox-hostile-alarm");
        Assert.Equal(("exit", "142"), (r.Status, r.Code));
        Assert.Equal("sandbox: /progs/native-hostile-abort killed by signal 14\n", r.Stderr);
    }

    /// <summary>tests/programs/sandbox/signals.c: handlers, masks, the alternate stack, faults as signals, timers, restarts, SIGPIPE, the stack growing, the monitor's own calls under a timer's signals, timers on the signals the monitor keeps, real-time signals queued (sigqueue, pthread_sigqueue), AVX registers across a handler and in its frame, stops and continues.</summary>
    [Theory]
    [InlineData("handlers")]
    [InlineData("altstack")]
    [InlineData("faults")]
    [InlineData("fault-addresses")]
    [InlineData("sigsuspend")]
    [InlineData("timers")]
    [InlineData("restart")]
    [InlineData("sigpipe-ignored")]
    [InlineData("stack")]
    [InlineData("kill-storm")]
    [InlineData("timer-reserved")]
    [InlineData("rt-queue")]
    [InlineData("from-child")]
    [InlineData("avx")]
    [InlineData("stop")]
    public void SignalHandlersRunAsNatively(string mode)
    {
        VmResult native = _vm.Result("native-signals-" + mode), sandboxed = _vm.Result("sandbox-signals-" + mode);
        Assert.Equal(("exit", "0", ""), (native.Status, native.Code, native.Stderr));
        Assert.NotEqual("", native.Stdout);
        Assert.Equal((native.Status, native.Code, native.Stdout, native.Stderr), (sandboxed.Status, sandboxed.Code, sandboxed.Stdout, sandboxed.Stderr));
        if (mode == "avx")
        {
            Assert.Contains("ymm8 upper in the frame 1, in the register cleared 1\nkill: 0\nafter: ymm8 1 ymm9 1 (byte 19: 0x5a) ymm15 1\n", sandboxed.Stdout);
            Assert.Contains("without the second magic: lower halves 1, upper halves cleared 1 1 1\n", sandboxed.Stdout);
            Assert.EndsWith("a compacted header: signaled 1 by 11\n", sandboxed.Stdout);
        }
        if (mode == "stop")
            Assert.Equal("parent: stopped 1 by 20\nchild: continued after SIGTSTP\nparent: stopped 1 by 22\nchild: read 1 'x'\nparent: exited 1 with 3\n", sandboxed.Stdout);
        if (mode == "rt-queue")
            Assert.Contains("took SIGRTMIN+1 code -1 value 1\ntook SIGRTMIN+1 code -1 value 2\ntook SIGRTMIN+1 code -1 value 3\n", sandboxed.Stdout);
    }

    /// <summary>A timer's SIGSTOP stops the sandboxed child (its parent sees it stopped, continues and ends it), a timer's SIGKILL ends the program, as natively.</summary>
    [Fact]
    public void TimersStopAndKillAsNatively()
    {
        VmResult native = _vm.Result("native-signals-timer-stop-kill"), sandboxed = _vm.Result("sandbox-signals-timer-stop-kill");
        Assert.Equal("SIGSTOP timer: stopped 1 by 19\ncontinued 1\nthen SIGTERM: signal 15\nSIGKILL timer armed\n", native.Stdout);
        Assert.Equal((native.Status, native.Code, native.Stdout, native.Stderr), (sandboxed.Status, sandboxed.Code, sandboxed.Stdout, sandboxed.Stderr));
    }

    /// <summary>Started with SIGHUP ignored (as under nohup), the program starts with it ignored and survives it, as natively.</summary>
    [Fact]
    public void ASignalIgnoredAtStartStaysIgnoredForTheProgram()
    {
        VmResult native = _vm.Result("native-signals-inherited-ignore"), sandboxed = _vm.Result("sandbox-signals-inherited-ignore");
        Assert.Equal(("exit", "0", "SIGHUP ignored at start 1\nraised, still here\ndefault again 1\n"), (native.Status, native.Code, native.Stdout));
        Assert.Equal((native.Status, native.Code, native.Stdout, native.Stderr), (sandboxed.Status, sandboxed.Code, sandboxed.Stdout, sandboxed.Stderr));
    }

    [Theory]
    [InlineData("sigpipe", "141", "13")]
    [InlineData("term", "143", "15")]
    [InlineData("divide", "136", "8")]
    public void DefaultActionsEndOnlyTheProgram(string mode, string status, string signal)
    {
        VmResult native = _vm.Result("native-signals-" + mode), sandboxed = _vm.Result("sandbox-signals-" + mode);
        Assert.Equal(("exit", status), (native.Status, native.Code));
        Assert.Equal((native.Status, native.Code, native.Stdout), (sandboxed.Status, sandboxed.Code, sandboxed.Stdout));
        Assert.StartsWith("sandbox: /progs/native-signals-" + mode + " killed by signal " + signal, sandboxed.Stderr);
    }

    [Fact]
    public void RandomSystemCallsNeverEndTheMonitor()
    {
        VmResult r = _vm.Result("sandbox-fuzz");
        Assert.Equal(("exit", "0"), (r.Status, r.Code));
        Assert.Matches(@"^fuzz: \d+ calls made \(many succeeded, many EFAULT\), the program and its monitor are alive\n$", r.Stdout);
    }

    [Fact]
    public void AllocationsBeyondTheMemoryLimitGetEnomem()
    {
        VmResult native = _vm.Result("native-limit-mem"), sandboxed = _vm.Result("sandbox-limit-mem");
        Assert.Equal(("exit", "0", "16 MiB: mapped\n20 MiB more: Cannot allocate memory\nmalloc 40 MiB: NULL\n20 MiB after unmapping 16: mapped\n"),
            (native.Status, native.Code, native.Stdout));
        Assert.Equal((native.Status, native.Code, native.Stdout, native.Stderr), (sandboxed.Status, sandboxed.Code, sandboxed.Stdout, sandboxed.Stderr));
        VmResult bad = _vm.Result("sandbox-limit-bad");
        Assert.Equal(("exit", "2", "sandbox: --limit-mem wants a number of bytes above 0 (suffix K, M or G allowed), not 'lots'\n"), (bad.Status, bad.Code, bad.Stderr));
    }

    [Fact]
    public void TheShellsTrapRunsItsHandlers()
    {
        VmResult native = _vm.Result("native-shell-trap"), sandboxed = _vm.Result("sandbox-shell-trap");
        Assert.Equal(("exit", "140", "caught USR1\nbetween\ncaught TERM\nafter\n"), (native.Status, native.Code, native.Stdout));
        Assert.Equal((native.Status, native.Code, native.Stdout), (sandboxed.Status, sandboxed.Code, sandboxed.Stdout));
        Assert.Equal("sandbox: /bin/sh killed by signal 12\n", sandboxed.Stderr);
    }

    [Fact]
    public void TheDefaultPolicyKeepsTheFileSystemReadOnlyOutsideTmp()
    {
        VmResult touch = _vm.Result("sandbox-touch-read-only");
        Assert.Equal(("exit", "1"), (touch.Status, touch.Code));
        Assert.Equal("/debian/bin/touch: cannot touch '/progs/new-file': Read-only file system\n", touch.Stderr);
        VmResult sqlite = _vm.Result("sandbox-sqlite3-file");
        Assert.Equal(("exit", "0", "42\n"), (sqlite.Status, sqlite.Code, sqlite.Stdout));
    }

    [Fact]
    public void AFileThatIsNotAnExecutableIsRefusedWithAReason()
    {
        VmResult r = _vm.Result("sandbox-malformed");
        Assert.Equal(("exit", "126"), (r.Status, r.Code));
        Assert.Equal("sandbox: /progs/run-list.sh: not an ELF file (bad magic)\n", r.Stderr);
    }

    [Fact]
    public void TracePrintsEveryCallLikeStrace()
    {
        VmResult r = _vm.Result("sandbox-trace");
        Assert.Equal(("exit", "0", ""), (r.Status, r.Code, r.Stdout));
        Assert.Contains("openat(AT_FDCWD, \"/lib/x86_64-linux-gnu/libc.so.6\", 0x80000) = 3\n", r.Stderr);
        Assert.Contains("access(\"/etc/ld.so.preload\") = -1 ENOENT\n", r.Stderr);
        Assert.Contains("rseq(", r.Stderr);
        Assert.Contains(" = -1 ENOSYS (refused by the monitor)\n", r.Stderr);
        Assert.EndsWith("exit_group(0) = ?\n", r.Stderr);
    }

    [Fact]
    public void PolicyFilesEmulateDenyAndReportTheirErrors()
    {
        VmResult r = _vm.Result("sandbox-policy");
        Assert.Equal(("exit", "0"), (r.Status, r.Code));
        Assert.Equal("4321\nid: 0\nuname: 1\nbad: 2\n", r.Stdout);
        Assert.Equal("/debian/bin/uname: cannot get system name: Operation not permitted\n" +
            "sandbox: /tmp/bad.policy: line 2: unknown rule 'bogus' (want default, allow, deny, kill, emulate, network or path)\n", r.Stderr);
    }
}

/// <summary>The same tests on the dune.ko backend (the fixture's DUNE_BACKEND=kmod boot).</summary>
[Collection("vm")]
public sealed class SandboxTestsOnKmod : SandboxTests
{
    public SandboxTestsOnKmod(VmFixture vm) : base(vm.Kmod)
    {
    }
}

/// <summary>
/// A ring-3 loop that makes no system call, stopped by a host signal (KVM injects the delivery interrupt into ring
/// 3; the dune.ko backend writes the same privilege-changing interrupt frame itself): alarm's SIGALRM, the CPU
/// limit's SIGXCPU.
/// </summary>
[Collection("vm")]
public class SandboxPreemptionTests
{
    private readonly VmRun _vm;

    public SandboxPreemptionTests(VmFixture vm) : this(vm.Kvm)
    {
    }

    protected SandboxPreemptionTests(VmRun vm) => _vm = vm;

    [Fact]
    public void AlarmInterruptsABusyLoop()
    {
        VmResult native = _vm.Result("native-signals-alarm"), sandboxed = _vm.Result("sandbox-signals-alarm");
        Assert.Equal(("exit", "0", "SIGALRM: code 128\nthe busy loop ended\nSIGALRM: code 128\npause: -1 Interrupted system call\n"),
            (native.Status, native.Code, native.Stdout));
        Assert.Equal((native.Status, native.Code, native.Stdout, native.Stderr), (sandboxed.Status, sandboxed.Code, sandboxed.Stdout, sandboxed.Stderr));
    }

    [Fact]
    public void ABusyLoopIsKilledWithSigxcpuAtItsCpuLimit()
    {
        // No system call in the loop: the host's SIGXCPU makes the vCPU exit and the monitor takes it in ring 3.
        VmResult native = _vm.Result("native-limit-cpu"), sandboxed = _vm.Result("sandbox-limit-cpu");
        Assert.Equal(("exit", "152", "spinning\n"), (native.Status, native.Code, native.Stdout));
        Assert.Equal((native.Status, native.Code, native.Stdout), (sandboxed.Status, sandboxed.Code, sandboxed.Stdout));
        Assert.Equal("sandbox: /progs/native-signals-handlers killed by signal 24\n", sandboxed.Stderr);
    }
}

/// <summary>The same preemption tests on the dune.ko backend.</summary>
[Collection("vm")]
public sealed class SandboxPreemptionTestsOnKmod : SandboxPreemptionTests
{
    public SandboxPreemptionTestsOnKmod(VmFixture vm) : base(vm.Kmod)
    {
    }
}

/// <summary>
/// pthreads in the sandbox (tests/programs/sandbox/threads.c: workers, a mutex, a condition variable, malloc, a
/// thread's exit(), per-thread signal masks and sigwait, the first thread's pthread_exit, execve from a thread),
/// each ring-3 thread on a vCPU of its own, against the native run.
/// </summary>
[Collection("vm")]
public class SandboxThreadTests
{
    private readonly VmRun _vm;

    public SandboxThreadTests(VmFixture vm) : this(vm.Kvm)
    {
    }

    protected SandboxThreadTests(VmRun vm) => _vm = vm;

    [Theory]
    [InlineData("basic", "0")]
    [InlineData("exit", "5")]
    [InlineData("sigmask", "0")]
    [InlineData("main-exit", "7")]
    [InlineData("exec", "3")]
    public void ThreadsRunAsNatively(string mode, string code)
    {
        VmResult native = _vm.Result("native-threads-" + mode), sandboxed = _vm.Result("sandbox-threads-" + mode);
        Assert.Equal(("exit", code), (native.Status, native.Code));
        Assert.Equal((native.Status, native.Code, native.Stdout, native.Stderr), (sandboxed.Status, sandboxed.Code, sandboxed.Stdout, sandboxed.Stderr));
    }

    [Fact]
    public void TheWorkersDidRealWork()
    {
        Assert.Equal("worker 0: 100001\nworker 1: 200001\nworker 2: 300021\nworker 3: 400031\ncounter 80000, main's TLS 99, tids distinct 1\nping-pong done, ball 0\n",
            _vm.Result("sandbox-threads-basic").Stdout);
    }

    [Fact]
    public void EachThreadHasItsOwnSignalMask()
    {
        Assert.Equal("main blocks USR1 1\nprocess USR1: signal 10 handled in the worker 1\npthread_kill USR2: signal 12 handled in the worker 1\n" +
            "sigpending: main 1, another thread 0\nsigwait took the thread's own 12\nsigwaitinfo: 12, code SI_USER 1, from this process 1\n" +
            "sigtimedwait with nothing pending: -1 Resource temporarily unavailable\nmain's handler never ran 1\n", _vm.Result("sandbox-threads-sigmask").Stdout);
    }

    [Fact]
    public void TheFirstThreadsExitLeavesTheOthersAndExecveEndsThem()
    {
        // Linux reports the last thread's exit status when every thread ended with exit (here 7, after main's pthread_exit).
        Assert.Equal("main calls pthread_exit\nthe worker goes on after main's pthread_exit\n", _vm.Result("sandbox-threads-main-exit").Stdout);
        // execve from a thread while one spins in ring 3 and one waits in a futex: both end, the new image keeps the pid.
        Assert.Equal("after execve from a thread: same pid 1, its tid is the pid 1\ntgkill to that tid: 0\nthreads work in the new image\n", _vm.Result("sandbox-threads-exec").Stdout);
    }
}

/// <summary>The same pthreads programs on the dune.ko backend.</summary>
[Collection("vm")]
public sealed class SandboxThreadTestsOnKmod : SandboxThreadTests
{
    public SandboxThreadTestsOnKmod(VmFixture vm) : base(vm.Kmod)
    {
    }
}

/// <summary>lighttpd serving files over loopback, natively and sandboxed, on the KVM backend.</summary>
[Collection("vm")]
public class SandboxLighttpdTests
{
    private readonly VmRun _vm;

    public SandboxLighttpdTests(VmFixture vm) : this(vm.Kvm)
    {
    }

    protected SandboxLighttpdTests(VmRun vm) => _vm = vm;

    [Fact]
    public void LighttpdServesTheSameBytesSandboxed()
    {
        VmResult r = _vm.Result("sandbox-lighttpd");
        Assert.Equal(("exit", "0"), (r.Status, r.Code));
        string[] lines = r.Stdout.Split('\n');
        string file = lines[0];
        Assert.Equal(new[] { file, file, "<h1>served</h1>", "missing: 1", "server exit: 0", file, "<h1>served</h1>", "missing: 1", "server exit: 0", "" }, lines);
        Assert.Matches(@"/debian/bin/lighttpd: \d+ us per request\n", r.Stderr);
        Assert.Matches(@"/progs/sandbox-true: \d+ us per request\n", r.Stderr);
    }
}

/// <summary>The same on the dune.ko backend.</summary>
[Collection("vm")]
public sealed class SandboxLighttpdTestsOnKmod : SandboxLighttpdTests
{
    public SandboxLighttpdTestsOnKmod(VmFixture vm) : base(vm.Kmod)
    {
    }
}
