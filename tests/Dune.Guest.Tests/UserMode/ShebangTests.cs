using System.Text;
using Dune.UserMode;
using Xunit;

namespace Dune.Guest.Tests.UserMode;

/// <summary>#! lines as Linux's binfmt_script splits them: the interpreter, then the rest of the line as one argument.</summary>
public class ShebangTests
{
    [Theory]
    [InlineData("#!/bin/sh\necho hi\n", "/bin/sh", null)]
    [InlineData("#! /bin/sh -e\n", "/bin/sh", "-e")]
    [InlineData("#!/usr/bin/env  python3 -u  \t\nx", "/usr/bin/env", "python3 -u")]
    [InlineData("#!/bin/sh", "/bin/sh", null)]
    [InlineData("#!\t/bin/awk\t-f\n", "/bin/awk", "-f")]
    public void SplitsTheLine(string file, string interpreter, string argument)
    {
        Assert.True(Shebang.TryParse(Encoding.ASCII.GetBytes(file), out string i, out string a));
        Assert.Equal((interpreter, argument), (i, a));
    }

    [Theory]
    [InlineData("#!\n/bin/sh\n")]
    [InlineData("#!   \n")]
    [InlineData("# /bin/sh\n")]
    [InlineData("\x7f" + "ELF")]
    public void RefusesLinesWithoutAnInterpreter(string file)
    {
        Assert.False(Shebang.TryParse(Encoding.ASCII.GetBytes(file), out _, out _));
    }

    [Fact]
    public void AnInterpreterNameCutByTheLineLimitIsRefused()
    {
        string longName = "#!/" + new string('a', Shebang.LineLimit) + "\n";
        Assert.False(Shebang.TryParse(Encoding.ASCII.GetBytes(longName), out _, out _));
        string longArgument = "#!/bin/sh " + new string('x', Shebang.LineLimit);
        Assert.True(Shebang.TryParse(Encoding.ASCII.GetBytes(longArgument), out string i, out string a));
        Assert.Equal("/bin/sh", i);
        Assert.Equal(Shebang.LineLimit - 10, a.Length);
    }
}
