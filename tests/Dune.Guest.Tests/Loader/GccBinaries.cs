using System.Diagnostics;

namespace Dune.Guest.Tests.Loader;

/// <summary>Real ELF files compiled by gcc once per test run into a temporary directory.</summary>
public static class GccBinaries
{
    private const string TinySource = "void _start(void) { __asm__ volatile(\"mov $60, %eax\\n xor %edi, %edi\\n syscall\"); }\n";

    private const string FullSource =
        "#include <stdio.h>\n__thread int counter = 42;\n" +
        "int main(int argc, char **argv) { printf(\"hello %d %d\\n\", argc, counter++); return 0; }\n";

    private static readonly Lazy<string> Dir = new(() =>
    {
        string d = Path.Combine(Path.GetTempPath(), "dune-loader-tests-" + Environment.ProcessId);
        Directory.CreateDirectory(d);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(d, recursive: true);
        File.WriteAllText(Path.Combine(d, "tiny.c"), TinySource);
        File.WriteAllText(Path.Combine(d, "full.c"), FullSource);
        return d;
    });

    private static readonly Dictionary<string, Lazy<string>> Built = new()
    {
        ["tiny"] = new(() => Compile("tiny", "tiny.c", "-static -nostdlib")),
        ["full"] = new(() => Compile("full", "full.c", "-static -O1")),
        ["pie"] = new(() => Compile("pie", "full.c", "-static-pie -O1")),
        ["dynamic"] = new(() => Compile("dynamic", "full.c", "-O1")),
    };

    /// <summary>A static -nostdlib program: three PT_LOAD segments (R, R+X, R) and PT_GNU_STACK.</summary>
    public static string Tiny => Built["tiny"].Value;

    /// <summary>A static glibc program with a thread-local variable (PT_TLS) and .bss.</summary>
    public static string Full => Built["full"].Value;

    /// <summary>The same program as a static-pie ET_DYN.</summary>
    public static string Pie => Built["pie"].Value;

    /// <summary>The same program dynamically linked (has PT_INTERP).</summary>
    public static string Dynamic => Built["dynamic"].Value;

    public static string Compile(string name, string source, string flags)
    {
        string output = Path.Combine(Dir.Value, name);
        var r = Run("gcc", $"{flags} -o {output} {Path.Combine(Dir.Value, source)}");
        if (r.ExitCode != 0) throw new InvalidOperationException($"gcc {flags} failed:\n{r.Output}");
        return output;
    }

    public static string CompileSource(string name, string sourceText, string flags)
    {
        File.WriteAllText(Path.Combine(Dir.Value, name + ".c"), sourceText);
        return Compile(name, name + ".c", flags);
    }

    public static (int ExitCode, string Output) Run(string program, string arguments)
    {
        var psi = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var p = Process.Start(psi)!;
        var stderr = p.StandardError.ReadToEndAsync();
        string stdout = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return (p.ExitCode, stdout + stderr.Result);
    }
}
