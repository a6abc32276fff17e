using System.Text;
using Dune.Runtime.Diagnostics;

namespace Dune.Guest.Tests.ExceptionHandling;

public class SymbolNamesTests
{
    private static string Demangle(string symbol, string programPrefix = "hello_") =>
        SymbolNames.Demangle(Encoding.ASCII.GetBytes(symbol), Encoding.ASCII.GetBytes(programPrefix));

    [Theory]
    [InlineData("hello_Program__Main", "Program.Main")]
    [InlineData("hello_MyApp_Tools_Parser__Parse_2", "MyApp.Tools.Parser.Parse")]
    [InlineData("Dune_Guest_System_Console__WriteLine", "System.Console.WriteLine")]
    [InlineData("Dune_Guest_Dune_Platform_Syscall__Invoke_0", "Dune.Platform.Syscall.Invoke")]
    [InlineData("Dune_Guest_System_Exception__get_Message", "System.Exception.get_Message")]
    [InlineData("String__Concat", "String.Concat")]
    [InlineData("RhpThrowEx", "RhpThrowEx")]
    [InlineData("__managed__Main", "__managed__Main")]
    [InlineData("hello__Module___MainMethodWrapper", "_Module___MainMethodWrapper")]
    [InlineData("hello_Program__M_1x", "Program.M_1x")]
    public void MethodNames(string symbol, string expected) => Assert.Equal(expected, Demangle(symbol));

    [Theory]
    [InlineData("_ZTV43Dune_Guest_System_InvalidOperationException", "System.InvalidOperationException")]
    [InlineData("_ZTV13hello_Program", "Program")]
    [InlineData("_ZTV6String", "String")]
    public void TypeNames(string symbol, string expected) => Assert.Equal(expected, Demangle(symbol));

    [Fact]
    public void WithoutAProgramPrefixTheAssemblyNameStays() =>
        Assert.Equal("hello.Program.Main", Demangle("hello_Program__Main", ""));
}
