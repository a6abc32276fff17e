using System;

static class Program
{
    static int Main()
    {
        Console.WriteLine("Hello from DuneAot! A C# program on its own runtime, statically linked, no libc.");
        return 0;
    }
}
