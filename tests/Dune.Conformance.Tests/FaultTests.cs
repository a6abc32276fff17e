using System.Text.RegularExpressions;

namespace Dune.Conformance.Tests;

/// <summary>Runtime checks and hardware faults: catchable as .NET exceptions, reported with exit codes when not.</summary>
public class FaultTests
{
    private const string Program = "tests/programs/faults";
    private const int UnhandledException = 134, Fault = 139;

    private static void AssertUnhandled(string mode, string firstLine, params string[] frames)
    {
        var r = DuneProgram.Run(Program, mode);
        Assert.True(r.ExitCode == UnhandledException, r.ToString());
        Assert.Equal("", r.Stdout);
        string expectedTrace = string.Concat(frames.Select(f => "   at " + f + "\n"));
        Assert.True(r.Stderr.StartsWith("Unhandled exception. " + firstLine + "\n"), r.ToString());
        Assert.True(r.Stderr.EndsWith(expectedTrace), r.ToString());
    }

    [Fact]
    public void CheckedOverflowIsUnhandledOverflowException() =>
        AssertUnhandled("overflow", "System.OverflowException: Arithmetic operation resulted in an overflow.", "Program.AddChecked", "Program.Main");

    [Fact]
    public void DivisionByZeroIsUnhandledDivideByZeroExceptionFromTheDividingMethod() =>
        AssertUnhandled("divzero", "System.DivideByZeroException: Attempted to divide by zero.", "Program.Divide", "Program.Main");

    [Fact]
    public void ArrayBoundsIsUnhandledIndexOutOfRangeException() =>
        AssertUnhandled("bounds", "System.IndexOutOfRangeException: Index was outside the bounds of the array.", "Program.ReadElement", "Program.Main");

    [Fact]
    public void NullDereferenceIsUnhandledNullReferenceExceptionFromTheFaultingMethod() =>
        AssertUnhandled("null", "System.NullReferenceException: Object reference not set to an instance of an object.", "Program.ReadValue", "Program.Main");

    [Fact]
    public void NullStoreThroughTheWriteBarrierIsChargedToTheStoringMethod() =>
        AssertUnhandled("null-store", "System.NullReferenceException: Object reference not set to an instance of an object.", "Program.SetNext", "Program.Main");

    [Fact]
    public void InvalidCastNamesBothTypes() =>
        AssertUnhandled("cast", "System.InvalidCastException: Unable to cast object of type 'Cat' to type 'Dog'.", "Program.AsDog", "Program.Main");

    [Fact]
    public void UnhandledExceptionPrintsTypeMessageAndExactStackTrace()
    {
        var r = DuneProgram.Run(Program, "unhandled");
        Assert.Equal(UnhandledException, r.ExitCode);
        Assert.Equal(
            "Unhandled exception. System.InvalidOperationException: custom failure\n" +
            "   at Program.ThrowCustom\n" +
            "   at Program.Main\n", r.Stderr);
    }

    [Theory]
    [InlineData("catch-overflow", "caught OverflowException: Arithmetic operation resulted in an overflow.\n")]
    [InlineData("catch-divzero", "caught System.DivideByZeroException: Attempted to divide by zero.\ndivzero caught 4 times\n")]
    [InlineData("catch-bounds", "caught IndexOutOfRangeException: Index was outside the bounds of the array.\n")]
    [InlineData("catch-null", "caught NullReferenceException: Object reference not set to an instance of an object.\nnull caught 5 times\n")]
    [InlineData("catch-cast", "caught InvalidCastException: Unable to cast object of type 'Cat' to type 'Dog'.\n")]
    [InlineData("finally-fault", "finally ran\ncaught after finally\n")]
    [InlineData("handler-fault", "caught fault from a catch handler\nfaulting filter said no: custom failure\n")]
    public void ChecksAndFaultsAreCatchable(string mode, string expected)
    {
        var r = DuneProgram.Run(Program, mode);
        Assert.True(r.ExitCode == 0, r.ToString());
        Assert.Equal(expected, r.Stdout);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void WildAccessIsAFaultReportWithRegisters()
    {
        var r = DuneProgram.Run(Program, "segv");
        Assert.Equal(Fault, r.ExitCode);
        Assert.Matches(new Regex(@"^Fatal fault: SIGSEGV at 0x100000 in Program\.ReadWild\n   rip=0x[0-9a-f]+ rsp=0x[0-9a-f]+ rbp=0x[0-9a-f]+\n   rax=0x100000 "), r.Stderr);
        Assert.Contains("   r12=0x", r.Stderr);
    }

    [Fact]
    public void FaultOutsideTheImageNamesNoMethod()
    {
        var r = DuneProgram.Run(Program, "outside-image");
        Assert.Equal(Fault, r.ExitCode);
        Assert.Matches(new Regex(@"^Fatal fault: SIGILL at 0x[0-9a-f]+ in 0x[0-9a-f]+\n   rip="), r.Stderr);
    }

    [Fact]
    public void StackOverflowIsReportedNotHung()
    {
        var r = DuneProgram.Run(Program, "stackoverflow");
        Assert.Equal(Fault, r.ExitCode);
        Assert.Matches(new Regex(@"^Fatal fault: stack overflow \(SIGSEGV\) at 0x[0-9a-f]+ in Program\.Recurse\n   rip="), r.Stderr);
    }

    [Fact]
    public void FaultInsideTheDispatcherIsFatalNotHung()
    {
        var r = DuneProgram.Run(Program, "dispatch-fault");
        Assert.Equal(Fault, r.ExitCode);
        Assert.Matches(new Regex(@"^Fatal fault: fault inside exception dispatch: SIGSEGV at 0x10 in BrokenException\.get_Message\n"), r.Stderr);
    }

    [Fact]
    public void WithoutASymbolTableReportsUseHexAddressesForCode()
    {
        string stripped = Path.Combine(Path.GetTempPath(), "dune-faults-stripped-" + Environment.ProcessId);
        File.Copy(DuneProgram.Build(Program), stripped, true);
        try
        {
            using (var strip = System.Diagnostics.Process.Start("strip", stripped)) strip.WaitForExit();
            var r = DuneProgram.RunExecutable(stripped, new[] { "unhandled" });
            Assert.Equal(UnhandledException, r.ExitCode);
            // Type names come from the generated metadata tables, which stripping keeps; code addresses lose their names.
            Assert.Matches(new Regex(@"^Unhandled exception\. System\.InvalidOperationException: custom failure\n(   at 0x[0-9a-f]+\n)+$"), r.Stderr);
        }
        finally { File.Delete(stripped); }
    }

    [Fact]
    public void ExceptionWhileReportingAnUnhandledExceptionEndsTheProcess()
    {
        var r = DuneProgram.Run(Program, "dispatch-throw");
        Assert.Equal(UnhandledException, r.ExitCode);
        Assert.Equal("Unhandled exception while reporting an unhandled exception.\n", r.Stderr);
    }
}
