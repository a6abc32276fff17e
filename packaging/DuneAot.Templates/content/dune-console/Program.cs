using System;

static class Program
{
    static int Main(string[] args)
    {
        Console.WriteLine($"Hello from DuneConsole, pid {Environment.ProcessId}, {args.Length} argument(s).");
        return 0;
    }
}
