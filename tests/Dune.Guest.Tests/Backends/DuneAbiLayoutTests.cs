using System.Reflection;
using System.Runtime.InteropServices;
using System.Text;
using Dune.Backends.Kmod;
using Dune.Guest.Tests.Loader;

namespace Dune.Guest.Tests.Backends;

/// <summary>
/// The C# mirror of the /dev/dune ABI (src/Dune.Guest/Backends/Kmod) against kmod/include/dune.h: a C program
/// generated from the mirror's own types prints sizeof, offsetof and the macro values the header gives for
/// the same names, and every one must equal what .NET computes. A name the header lacks fails the build.
/// </summary>
public class DuneAbiLayoutTests
{
    private static readonly Type[] Structs =
        { typeof(DuneWindow), typeof(DuneWindows), typeof(DuneSegment), typeof(DuneTable), typeof(DuneSregs),
          typeof(DuneRegs), typeof(DuneRun) };

    /// <summary>PascalCase to C's snake_case: HostVa -> host_va, NestedPageFaults -> nested_page_faults, R8 -> r8.</summary>
    internal static string Snake(string name)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            if (i > 0 && char.IsUpper(name[i]) && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1])))
                sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }

    private static IEnumerable<FieldInfo> Fields(Type t) => t.GetFields(BindingFlags.Public | BindingFlags.Instance);

    /// <summary>Each check as "KEY VALUE" from .NET's view of the mirror, and the C expression giving VALUE.</summary>
    private static List<(string Key, long Value, string CExpression)> Checks()
    {
        var checks = new List<(string, long, string)>();
        foreach (Type t in Structs)
        {
            string c = Snake(t.Name);
            checks.Add(($"sizeof.{c}", Marshal.SizeOf(t), $"sizeof(struct {c})"));
            foreach (FieldInfo f in Fields(t))
                checks.Add(($"offsetof.{c}.{Snake(f.Name)}", (long)Marshal.OffsetOf(t, f.Name),
                    $"offsetof(struct {c}, {Snake(f.Name)})"));
        }
        foreach (FieldInfo f in typeof(DuneAbi).GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            string macro = "DUNE_" + Snake(f.Name).ToUpperInvariant();
            checks.Add((macro, Convert.ToInt64(f.GetRawConstantValue()), macro));
        }
        foreach (DuneExitReason r in Enum.GetValues<DuneExitReason>())
        {
            string macro = "DUNE_EXIT_" + Snake(r.ToString()).ToUpperInvariant();
            checks.Add((macro, (long)r, macro));
        }
        return checks;
    }

    private static string HeaderDir()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "kmod", "include", "dune.h")))
                return Path.Combine(dir.FullName, "kmod", "include");
        throw new InvalidOperationException("no kmod/include/dune.h above " + AppContext.BaseDirectory);
    }

    [Fact]
    public void Snake_case_matches_the_header_style()
    {
        Assert.Equal("host_va", Snake("HostVa"));
        Assert.Equal("nested_page_faults", Snake("NestedPageFaults"));
        Assert.Equal("r8", Snake("R8"));
        Assert.Equal("cr0", Snake("Cr0"));
        Assert.Equal("dune_sregs", Snake("DuneSregs"));
    }

    [Fact]
    public void Mirror_matches_kmod_include_dune_h()
    {
        var checks = Checks();
        var source = new StringBuilder("#include <stddef.h>\n#include <stdio.h>\n#include \"dune.h\"\nint main(void)\n{\n");
        foreach (var (key, _, expression) in checks)
            source.Append($"\tprintf(\"%s %lld\\n\", \"{key}\", (long long)({expression}));\n");
        source.Append("\treturn 0;\n}\n");

        string exe = GccBinaries.CompileSource("dune-abi", source.ToString(), $"-I{HeaderDir()}");
        var (code, output) = GccBinaries.Run(exe, "");
        Assert.Equal(0, code);

        var fromHeader = output.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(line => line.Split(' '))
            .ToDictionary(f => f[0], f => long.Parse(f[1]));
        var mismatches = checks.Where(c => fromHeader[c.Key] != c.Value)
            .Select(c => $"{c.Key}: C# {c.Value}, dune.h {fromHeader[c.Key]}").ToList();
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
        Assert.Equal(checks.Count, fromHeader.Count);
    }
}
