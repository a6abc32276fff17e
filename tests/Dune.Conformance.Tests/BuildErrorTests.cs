using System.Text.RegularExpressions;

namespace Dune.Conformance.Tests;

/// <summary>
/// What a user sees when a program uses something DuneAot does not provide: a normal C# diagnostic naming the
/// missing API, or, where ilc itself fails, one DUNE0001 line per problem at the method's source line (ilc's
/// exception trace stays in obj/CONFIGURATION/dune/ilc.log); a finalizer, which never runs here, is a DUNE0002 warning. Each
/// case is a small project generated in a temporary folder that imports linker/Dune.targets.
/// </summary>
public class BuildErrorTests
{
    /// <summary>Builds a generated project: exit code, MSBuild's output and whether an executable was linked.</summary>
    private static (int ExitCode, string Output, bool Linked) Build(string name, params (string File, string Text)[] sources)
    {
        string dir = Path.Combine(Path.GetTempPath(), "dune-build-errors-" + Guid.NewGuid().ToString("N"), name);
        Directory.CreateDirectory(dir);
        string targets = Path.Combine(DuneProgram.RepoRoot, "linker", "Dune.targets");
        File.WriteAllText(Path.Combine(dir, name + ".csproj"),
            $"<Project Sdk=\"Microsoft.NET.Sdk\">\n  <PropertyGroup><OutputType>Exe</OutputType></PropertyGroup>\n  <Import Project=\"{targets}\" />\n</Project>\n");
        foreach (var (file, text) in sources) File.WriteAllText(Path.Combine(dir, file), text);
        try
        {
            var (exitCode, output) = DuneProgram.TryBuild(dir);
            return (exitCode, output, File.Exists(Path.Combine(dir, "bin", "Release", name)));
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(dir)!, recursive: true);
        }
    }

    /// <summary>The distinct diagnostic lines of one kind ("error CS0234:", "warning DUNE0002:" ...) in MSBuild's output.</summary>
    private static string[] Diagnostics(string output, string kind) =>
        output.Split('\n').Select(l => l.Trim()).Where(l => Regex.IsMatch(l, $@"\b{kind} [A-Z]+[0-9]+:")).Distinct().ToArray();

    [Fact]
    public void IlcFailureIsOneLineAtTheMethodWithTheLogNamed()
    {
        var (exitCode, output, linked) = Build("pinvoke", ("Program.cs", """
            using System.Runtime.InteropServices;
            static class Program
            {
                static int Main() => Native.getpid() > 0 ? 0 : 1;
            }
            static class Native
            {
                [DllImport("libc")] public static extern int getpid();
            }
            """));
        Assert.NotEqual(0, exitCode);
        string[] errors = Diagnostics(output, "error");
        Assert.True(errors.Length == 1, output);
        Assert.Matches(new Regex(@"error DUNE0001: Native\.getpid: P/Invoke \(\[DllImport\], \[LibraryImport\]\) is not supported: .*\(Expected type 'Internal\.Runtime\.CompilerHelpers\.InteropHelpers' not found in module 'Dune\.Guest'; full ilc output: .*/pinvoke/obj/Release/dune/ilc\.log\)"), errors[0]);
        Assert.DoesNotContain("   at ", output);
        Assert.DoesNotContain("MSB3073", output);
        Assert.False(linked);
    }

    /// <summary>IL ilc cannot compile (here a varargs call) is its own one-line analysis error, which fails the build.</summary>
    [Fact]
    public void IlcAnalysisErrorFailsTheBuildInOneLine()
    {
        var (exitCode, output, linked) = Build("varargs", ("Program.cs", """
            static class Program
            {
                static int Count(__arglist) => 1;
                static int Main() => Count(__arglist(1, 2));
            }
            """));
        Assert.NotEqual(0, exitCode);
        string[] errors = Diagnostics(output, "error");
        Assert.True(errors.Length == 1, output);
        Assert.Contains("error IL1005: Program.Main(): Method will always throw because: Vararg call", errors[0]);
        Assert.DoesNotContain("   at ", output);
        Assert.False(linked, "no executable may look up to date after a failed build");
    }

    /// <summary>
    /// Unsupported features fail in the C# compiler, with diagnostics that name what is missing (all inside method
    /// bodies: the compiler reports body errors only once declarations bind).
    /// </summary>
    [Fact]
    public void UnsupportedFeaturesAreCompilerDiagnosticsNamingTheMissingApi()
    {
        var (exitCode, output, _) = Build("features",
            ("Async.cs", "static class Async { static object Later() { System.Func<System.Threading.Tasks.Task> f = async () => { }; return f; } }\n"),
            ("Concurrent.cs", "static class Concurrent { static object Make() => new System.Collections.Concurrent.ConcurrentQueue<int>(); }\n"),
            ("Dynamic.cs", "static class Dynamic { static object Add(object o) { dynamic d = o; return d + 1; } }\n"),
            ("Reflection.cs", "class C { } static class Reflection { static object Methods() => typeof(C).GetMethods(); }\n"),
            ("Program.cs", "static class Program { static int Main() => 0; }\n"));
        Assert.NotEqual(0, exitCode);
        string[] errors = Diagnostics(output, "error");
        // Each file's error names what is missing (the exact wording depends on which namespaces exist).
        Assert.Contains(errors, e => e.Contains("Async.cs(1,") && e.Contains("Threading"));
        Assert.Contains(errors, e => e.Contains("Concurrent.cs(1,") && e.Contains("Concurrent"));
        Assert.Contains(errors, e => e.Contains("Dynamic.cs(1,") && e.Contains("Microsoft.CSharp.RuntimeBinder"));
        Assert.Contains(errors, e => e.Contains("Reflection.cs(1,") && e.Contains("'GetMethods'"));
        Assert.DoesNotContain(errors, e => e.Contains("DUNE0001"));
    }

    [Fact]
    public void FinalizerIsAWarningNamingTheType()
    {
        var (exitCode, output, linked) = Build("finalizer", ("Program.cs", """
            namespace App
            {
                class Handle { ~Handle() { } }
                static class Program { static int Main() { new Handle(); return 0; } }
            }
            """));
        Assert.True(exitCode == 0 && linked, output);
        Assert.Contains(Diagnostics(output, "warning"),
            w => w.Contains("warning DUNE0002: 'App.Handle' declares a finalizer, which DuneAot never runs"));
    }
}
