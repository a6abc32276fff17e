using System;
using System.Runtime.CompilerServices;

// DuneAot-specific (the attribute is internal to .NET's CoreLib): [EagerStaticClassConstruction] runs the
// static constructor at start-up, before Main, instead of on first use.
[EagerStaticClassConstruction]
class EagerInit
{
    public static int Stamp;
    static EagerInit() { Stamp = Environment.GetCommandLineArgs().Length * 7; }
}

static class Program
{
    static int Main()
    {
        Console.WriteLine("eager cctor ran before Main: " + EagerInit.Stamp.ToString());
        return 0;
    }
}
