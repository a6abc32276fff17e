using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;

/// <summary>
/// A signal handler that allocates, run as often as the test can send SIGUSR1 while the program allocates small
/// objects, large arrays and collects (SignalStormTests). DuneAot runs handlers on the interrupted thread, so a
/// handler must not take the allocation the interrupted code was making, nor wait for a runtime lock that code
/// holds; on .NET they run on a thread of their own. Both runtimes must print the same.
/// </summary>
static class Program
{
    const int Rounds = 3_000_000;
    static readonly string[] s_fromHandler = new string[1 << 20];
    static int s_handled;

    static int Main()
    {
        using var usr1 = PosixSignalRegistration.Create((PosixSignal)10, context =>
        {
            // .NET runs handlers on thread-pool threads, several at once.
            int n = Interlocked.Increment(ref s_handled);
            if (n <= s_fromHandler.Length) s_fromHandler[n - 1] = "handler " + n.ToString();
            context.Cancel = true;
        });
        Console.WriteLine("ready");
        Console.Out.Flush();
        var kept = new List<string>();
        long checksum = 0;
        for (int i = 0; i < Rounds; i++)
        {
            string s = "item " + i.ToString();
            if (i % 7 == 0) kept.Add(s);
            var pair = new KeyValuePair<int, string>[] { new(i, s) };
            checksum += pair[0].Value.Length;
            if (i % 500 == 0) checksum += new byte[100_000 + i].Length % 1000; // a large object: under the heap lock
            if (i % 500_000 == 0) GC.Collect();
        }
        for (int i = 0; i < kept.Count; i++) checksum += kept[i][kept[i].Length - 1];
        Console.WriteLine("done");
        Console.WriteLine("checksum " + checksum.ToString() + ", kept " + kept.Count.ToString());
        // On .NET a handler may still be running: a string not made yet is null, one made is whole.
        bool intact = true;
        int made = 0;
        for (int i = 0; i < s_fromHandler.Length; i++)
        {
            string s = Volatile.Read(ref s_fromHandler[i]);
            if (s == null) continue;
            made++;
            intact &= s == "handler " + (i + 1).ToString();
        }
        Console.WriteLine("handlers ran: " + (made > 0).ToString() + ", their strings intact: " + intact.ToString());
        return 0;
    }
}
