using System.Globalization;
using System.Text.RegularExpressions;

namespace Dune.Conformance.Tests;

/// <summary>
/// tests/programs/elf-check runs the ELF loader and stack builder compiled by ilc on our runtime. Its output
/// for real binaries must match what binutils' readelf says about them, computed here independently.
/// </summary>
public class ElfCheckTests
{
    private const string Program = "tests/programs/elf-check";
    private const ulong Page = 0x1000, StackTop = 0x7FFF_FFFF_F000;

    [Fact]
    public void PlansAStaticGccProgramAsReadelfDescribesIt()
    {
        string exe = Gcc("tiny", "void _start(void) { __asm__ volatile(\"mov $60, %eax\\n xor %edi, %edi\\n syscall\"); }\n", "-static -nostdlib");
        var r = DuneProgram.Run(Program, exe);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(ExpectedPlan(exe, exe, phdr: 0x400040), r.Stdout);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void PlansItselfFromProcSelfExe()
    {
        string self = DuneProgram.Build(Program);
        var r = DuneProgram.Run(Program);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(ExpectedPlan(self, "/proc/self/exe", phdr: 0), r.Stdout);
    }

    [Fact]
    public void PlansADynamicallyLinkedProgramAndNamesItsInterpreter()
    {
        string exe = Gcc("dynamic", "int main(void) { return 0; }\n", "-no-pie");
        var r = DuneProgram.Run(Program, exe);
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(ExpectedPlan(exe, exe, phdr: 0x400040), r.Stdout);
    }

    [Fact]
    public void RejectsATruncatedFile()
    {
        string path = Path.Combine(TempDir, "truncated");
        File.WriteAllBytes(path, File.ReadAllBytes(DuneProgram.Build(Program))[..40]);
        var r = DuneProgram.Run(Program, path);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("rejected: file too short for an ELF64 header\n", r.Stdout);
    }

    [Fact]
    public void ReportsAFileItCannotRead()
    {
        var r = DuneProgram.Run(Program, "/nonexistent/elf");
        Assert.Equal(1, r.ExitCode);
        Assert.Equal("cannot read /nonexistent/elf\n", r.Stdout);
    }

    /// <summary>elf-check's output for a static executable, derived from readelf and the Linux stack layout rules.</summary>
    private static string ExpectedPlan(string exe, string argv0, ulong phdr)
    {
        var segments = Segments(exe);
        var lines = new List<string> { "type exec" };
        var interp = Regex.Match(Tool("readelf", "-lW", exe), @"Requesting program interpreter: ([^\]]+)\]");
        if (interp.Success) lines.Add("interp " + interp.Groups[1].Value);
        lines.AddRange(new[] { $"entry 0x{Entry(exe):x}", $"phdr 0x{phdr:x} count {segments.Count}" });
        foreach (var s in segments.Where(s => s.Type == "LOAD"))
        {
            ulong start = s.VAddr & ~(Page - 1), end = (s.VAddr + s.MemSize + Page - 1) & ~(Page - 1), copy = (s.VAddr - start) + s.FileSize;
            string perms = (s.Flags[0] == 'R' ? "r" : "-") + (s.Flags[1] == 'W' ? "w" : "-") + (s.Flags[2] == 'E' ? "x" : "-");
            lines.Add($"load 0x{start:x} size 0x{end - start:x} file 0x{s.Offset & ~(Page - 1):x} copy 0x{copy:x} zero 0x{end - start - copy:x} {perms}");
        }
        var tls = segments.SingleOrDefault(s => s.Type == "TLS");
        if (tls != null) lines.Add($"tls 0x{tls.VAddr:x} filesz 0x{tls.FileSize:x} memsz 0x{tls.MemSize:x} align 0x{tls.Align:x}");
        lines.Add("stack non-executable");

        // argv = { path } and AT_EXECFN = path below the top word; then "x86_64", 16 random bytes, and
        // argc + argv + NULL + envp NULL (4 words) + 19 auxv pairs, rounded down to 16.
        ulong strings = StackTop - 8 - 2 * ((ulong)argv0.Length + 1);
        ulong random = (strings & ~15UL) - 7 - 16;
        ulong rsp = (random - 8 * (4 + 2 * 19)) & ~15UL;
        lines.Add($"stack rsp top-0x{StackTop - rsp:x} argc 1 argv[0] {argv0}");
        return string.Join("\n", lines) + "\n";
    }

    private sealed record Segment(string Type, ulong Offset, ulong VAddr, ulong FileSize, ulong MemSize, string Flags, ulong Align);

    private static List<Segment> Segments(string path)
    {
        var line = new Regex(@"^\s+(\w+)\s+0x([0-9a-f]+) 0x([0-9a-f]+) 0x[0-9a-f]+ 0x([0-9a-f]+) 0x([0-9a-f]+) ([RWE ]{3}) 0x([0-9a-f]+)$");
        var list = new List<Segment>();
        foreach (string l in Tool("readelf", "-lW", path).Split('\n'))
        {
            var m = line.Match(l);
            if (!m.Success) continue;
            ulong H(int g) => ulong.Parse(m.Groups[g].Value, NumberStyles.HexNumber);
            list.Add(new Segment(m.Groups[1].Value, H(2), H(3), H(4), H(5), m.Groups[6].Value, H(7)));
        }
        return list;
    }

    private static ulong Entry(string path) =>
        ulong.Parse(Regex.Match(Tool("readelf", "-hW", path), @"Entry point address:\s+0x([0-9a-f]+)").Groups[1].Value, NumberStyles.HexNumber);

    private static readonly string TempDir = CreateTempDir();

    private static string CreateTempDir()
    {
        string d = Directory.CreateTempSubdirectory("dune-elf-check-").FullName;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(d, recursive: true);
        return d;
    }

    private static string Gcc(string name, string source, string flags)
    {
        string c = Path.Combine(TempDir, name + ".c"), exe = Path.Combine(TempDir, name);
        File.WriteAllText(c, source);
        var args = flags.Split(' ', StringSplitOptions.RemoveEmptyEntries).Concat(new[] { "-o", exe, c }).ToArray();
        Tool("gcc", args);
        return exe;
    }

    private static string Tool(string program, params string[] args)
    {
        var r = DuneProgram.RunExecutable(program, args);
        if (r.ExitCode != 0) throw new InvalidOperationException($"{program} failed: {r}");
        return r.Stdout;
    }
}
