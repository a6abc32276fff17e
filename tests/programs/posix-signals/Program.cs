using System;
using System.Runtime.InteropServices;

/// <summary>
/// PosixSignalRegistration with only .NET's API, compared with .NET itself (PosixSignalDifferentialTests):
/// the test sends the signals while the program waits in Console.ReadLine, and waits for each handler's line
/// before it goes on, so the output is deterministic on both runtimes.
/// </summary>
static class Program
{
    static int Main()
    {
        using var usr1 = PosixSignalRegistration.Create((PosixSignal)10, context =>
        {
            Console.WriteLine("handler: signal " + ((int)context.Signal).ToString() + ", cancel " + context.Cancel.ToString());
            context.Cancel = true;
        });
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            Console.WriteLine("handler: " + context.Signal.ToString() + ", cancelled");
            context.Cancel = true;
        });
        PosixSignalRegistration hup = PosixSignalRegistration.Create(PosixSignal.SIGHUP, context =>
            Console.WriteLine("handler: " + context.Signal.ToString() + ", default action follows"));
        Console.WriteLine("ready");
        string line;
        while ((line = Console.ReadLine()) != null)
        {
            Console.WriteLine("line: " + line);
            if (line == "dispose hup")
            {
                hup.Dispose();
                hup.Dispose();
                Console.WriteLine("disposed");
            }
        }
        Console.WriteLine("end of input");
        return 3;
    }
}
