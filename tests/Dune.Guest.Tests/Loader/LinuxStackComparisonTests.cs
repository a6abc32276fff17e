using System.Diagnostics;
using System.Globalization;
using System.Text;
using Dune.Loader;

namespace Dune.Guest.Tests.Loader;

/// <summary>
/// Runs a real static program that reports the stack Linux built for it, and checks that the loader and the
/// stack builder produce the same layout and values for the same binary, arguments and environment.
/// </summary>
public class LinuxStackComparisonTests
{
    // Prints the initial stack relative to AT_EXECFN, plus the auxv as "type value" pairs. The initial rsp is argv - 8.
    private const string DumpSource = @"
#include <stdio.h>
#include <string.h>
int main(int argc, char **argv, char **envp) {
    unsigned long sp = (unsigned long)argv - 8, *w = (unsigned long *)argv + argc + 1;
    while (*w) w++;
    unsigned long *auxv = w + 1, *a = auxv, execfn = 0;
    for (; a[0]; a += 2) if (a[0] == 31) execfn = a[1];
    printf(""sp%%16 %lu\n"", sp % 16);
    printf(""top %lu\n"", (execfn + strlen((char *)execfn) + 1 + 8) % 4096);
    printf(""execfn %s\n"", (char *)execfn);
    for (int i = 0; i < argc; i++) printf(""arg %ld\n"", (long)((unsigned long)argv[i] - execfn));
    for (char **e = envp; *e; e++) printf(""env %ld\n"", (long)((unsigned long)*e - execfn));
    for (a = auxv; ; a += 2) {
        if (a[0] == 25 || a[0] == 15 || a[0] == 31) printf(""aux %lu %ld\n"", a[0], (long)(a[1] - execfn));
        else printf(""aux %lu %lu\n"", a[0], a[1]);
        if (!a[0]) break;
    }
    printf(""auxend %ld\n"", (long)((unsigned long)(a + 2) - execfn));
    return 0;
}
";

    /// <summary>Entries our ring-3 programs do not get: vDSO address, rseq parameters, newer hardware capability words.</summary>
    private static readonly ulong[] NotProvided = { AuxVector.SysinfoEhdr, 27, 28, 29, 30 };

    [Fact]
    public void LayoutAndAuxvMatchWhatLinuxGivesAStaticProgram()
    {
        string exe = GccBinaries.CompileSource("stackdump", DumpSource, "-static -O1");
        string[] args = { "one", "two words", "" };
        var env = new[] { "A=1", "LONGER_NAME=some value" };
        var kernel = ParseDump(RunClean(exe, args, env));

        var outcome = Plan.Of(File.ReadAllBytes(exe));
        Assert.True(outcome.Result.Ok, outcome.Result.Message);
        var aux = kernel.Auxv.ToDictionary(a => a.Type, a => a.Value);
        var info = InitialStackInfo.For(outcome.Plan);
        info.Uid = aux[AuxVector.Uid]; info.Euid = aux[AuxVector.Euid]; info.Gid = aux[AuxVector.Gid]; info.Egid = aux[AuxVector.Egid];
        info.HardwareCapabilities = aux[AuxVector.Hwcap];
        info.HardwareCapabilities2 = aux.GetValueOrDefault(AuxVector.Hwcap2);
        info.MinSignalStackSize = aux.GetValueOrDefault(AuxVector.MinSigStackSize);

        const ulong top = 0x7FFF_FFFF_F000;
        var memory = new byte[0x4000];
        var argv = new[] { exe }.Concat(args).Select(Encoding.UTF8.GetBytes).ToArray();
        Assert.Equal(StackError.None, InitialStack.Build(memory, top, argv, env.Select(Encoding.UTF8.GetBytes).ToArray(),
            Encoding.UTF8.GetBytes(kernel.ExecFn), new byte[16], info, out ulong sp));
        var ours = new StackReader(memory, top).Parse(sp);
        ulong execfn = ours.Auxv.Single(a => a.Type == AuxVector.Execfn).Value;
        long Rel(ulong address) => (long)(address - execfn);

        Assert.Equal(0UL, kernel.SpMod16);
        Assert.Equal(0UL, kernel.TopMod4096);
        Assert.Equal(kernel.Args, ours.ArgvPointers.Select(Rel));
        Assert.Equal(kernel.Envs, ours.EnvpPointers.Select(Rel));

        // Same entries in the same order, same values, except the addresses the kernel randomizes and what we do not provide.
        var kernelEntries = kernel.Auxv.Where(a => !NotProvided.Contains(a.Type)).ToList();
        Assert.Equal(kernelEntries.Select(a => a.Type), ours.Auxv.Select(a => a.Type));
        foreach (var (type, value) in kernelEntries)
        {
            ulong mine = ours.Auxv.Single(a => a.Type == type).Value;
            if (type == AuxVector.Random || type == AuxVector.Platform) Assert.Equal((long)value - (long)kernel.Platform, Rel(mine) - Rel(ours.Auxv.Single(a => a.Type == AuxVector.Platform).Value));
            else if (type == AuxVector.Execfn) Assert.Equal(0, (long)value);
            else Assert.True(value == mine, $"auxv type {type}: kernel {value:x}, ours {mine:x}");
        }
    }

    private sealed record Dump(ulong SpMod16, ulong TopMod4096, string ExecFn, List<long> Args, List<long> Envs, List<(ulong Type, ulong Value)> Auxv, ulong Platform);

    private static Dump ParseDump(string output)
    {
        ulong sp = 0, top = 0;
        string execfn = null;
        var args = new List<long>();
        var envs = new List<long>();
        var auxv = new List<(ulong, ulong)>();
        foreach (string line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] f = line.Split(' ', 2);
            switch (f[0])
            {
                case "sp%16": sp = ulong.Parse(f[1]); break;
                case "top": top = ulong.Parse(f[1]); break;
                case "execfn": execfn = f[1]; break;
                case "arg": args.Add(long.Parse(f[1])); break;
                case "env": envs.Add(long.Parse(f[1])); break;
                case "aux":
                    string[] tv = f[1].Split(' ');
                    ulong type = ulong.Parse(tv[0]);
                    ulong value = type is 25 or 15 or 31 ? (ulong)long.Parse(tv[1]) : ulong.Parse(tv[1], CultureInfo.InvariantCulture);
                    auxv.Add((type, value));
                    break;
            }
        }
        ulong platform = auxv.Single(a => a.Item1 == AuxVector.Platform).Item2;
        return new Dump(sp, top, execfn, args, envs, auxv, platform);
    }

    private static string RunClean(string exe, string[] args, string[] env)
    {
        var psi = new ProcessStartInfo(exe) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in args) psi.ArgumentList.Add(a);
        psi.Environment.Clear();
        foreach (string e in env) { int eq = e.IndexOf('='); psi.Environment[e[..eq]] = e[(eq + 1)..]; }
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        Assert.Equal(0, p.ExitCode);
        return output;
    }
}
