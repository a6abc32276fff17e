using System;
using System.Runtime.InteropServices;
using Dune;
using Dune.Platform;

/// <summary>
/// POSIX signals through PosixSignalRegistration, the same behaviours in host mode ("host MODE", run by
/// tests/Dune.Conformance.Tests/SignalTests.cs) and in Dune mode ("dune MODE", in the test VM by
/// tests/Dune.Vm.Tests/SignalVmTests.cs). Handlers print the privilege level they run at.
/// </summary>
static unsafe class Program
{
    const int SigUsr1 = 10, SigUsr2 = 12, SigAlrm = 14, SigTerm = 15;
    const long Alarm = 37, Pipe = 22, TimerCreate = 222, TimerSettime = 223;
    const int ClockMonotonic = 1, SigevSignal = 0;

    static volatile int s_handled;
    static int s_pipeWrite;

    static int Main()
    {
        string[] args = Environment.GetCommandLineArgs();
        if (args.Length < 3 || (args[1] != "host" && args[1] != "dune"))
        {
            Console.WriteLine("usage: signals host|dune MODE");
            return 2;
        }
        if (args[1] == "dune") DuneMode.Enter();
        switch (args[2])
        {
            case "usr1-busy": return Usr1DuringBusyLoop();
            case "alarm": return AlarmDuringBusyLoop();
            case "term-default": return RaiseTerm(handler: false, cancel: false);
            case "term-cancel": return RaiseTerm(handler: true, cancel: true);
            case "term-handled": return RaiseTerm(handler: true, cancel: false);
            case "restart": return ReadInterrupted(restart: true);
            case "eintr": return ReadInterrupted(restart: false);
            case "dispose": return Disposed();
            case "storm": return AllocatingHandlerUnderATimer();
            default:
                Console.WriteLine("signals: unknown mode " + args[2]);
                return 2;
        }
    }

    static string Ring() => "ring " + DuneMode.CurrentPrivilegeLevel().ToString();

    static void Report(PosixSignalContext context)
    {
        Console.WriteLine("signals: handler for " + Name(context.Signal) + " in " + Ring());
        context.Cancel = true;
        s_handled = 1;
    }

    static string Name(PosixSignal s) => s switch
    {
        PosixSignal.SIGTERM => "SIGTERM",
        (PosixSignal)SigUsr1 => "SIGUSR1 (raw 10)",
        (PosixSignal)SigAlrm => "SIGALRM (raw 14)",
        _ => "signal " + ((int)s).ToString(),
    };

    /// <summary>Spins without a single system call (no exit from the guest) until a handler has run.</summary>
    static void Spin()
    {
        while (s_handled == 0) { }
        Console.WriteLine("signals: the busy loop saw the handler's write and ended in " + Ring());
    }

    /// <summary>A POSIX timer sends SIGUSR1 50 ms later, while the loop spins.</summary>
    static int Usr1DuringBusyLoop()
    {
        using var registration = PosixSignalRegistration.Create((PosixSignal)SigUsr1, Report);
        long* sigevent = stackalloc long[8];
        for (int i = 0; i < 8; i++) sigevent[i] = 0;
        ((int*)sigevent)[2] = SigUsr1;          // sigev_signo
        ((int*)sigevent)[3] = SigevSignal;      // sigev_notify
        int timer = 0;
        if (Syscall.Invoke(TimerCreate, ClockMonotonic, (long)sigevent, (long)&timer) != 0) return Fail("timer_create");
        long* spec = stackalloc long[4];
        spec[0] = 0; spec[1] = 0;               // no interval
        spec[2] = 0; spec[3] = 50_000_000;      // 50 ms
        if (Syscall.Invoke(TimerSettime, timer, 0, (long)spec, 0) != 0) return Fail("timer_settime");
        Console.WriteLine("signals: SIGUSR1 in 50 ms, spinning in " + Ring());
        Spin();
        return 0;
    }

    static int AlarmDuringBusyLoop()
    {
        using var registration = PosixSignalRegistration.Create((PosixSignal)SigAlrm, Report);
        Syscall.Invoke(Alarm, 1);
        Console.WriteLine("signals: alarm in 1 s, spinning in " + Ring());
        Spin();
        return 0;
    }

    static int RaiseTerm(bool handler, bool cancel)
    {
        PosixSignalRegistration registration = handler ? PosixSignalRegistration.Create(PosixSignal.SIGTERM, c =>
        {
            Console.WriteLine("signals: handler for " + Name(c.Signal) + " in " + Ring() + ", cancel " + (cancel ? "yes" : "no"));
            c.Cancel = cancel;
        }) : null;
        Console.WriteLine("signals: sending SIGTERM to myself");
        Syscall.Invoke(SyscallNumber.Kill, Linux.GetPid(), SigTerm);
        Console.WriteLine("signals: still running after SIGTERM");
        registration?.Dispose();
        return 0;
    }

    /// <summary>SIGALRM interrupts a read on an empty pipe; its handler writes one byte into that pipe.</summary>
    static int ReadInterrupted(bool restart)
    {
        int* fds = stackalloc int[2];
        if (Syscall.Invoke(Pipe, (long)fds) != 0) return Fail("pipe");
        s_pipeWrite = fds[1];
        using var registration = restart
            ? PosixSignalRegistration.Create((PosixSignal)SigAlrm, WriteToPipe)
            : PosixSignals.Register((PosixSignal)SigAlrm, WriteToPipe, restartSystemCalls: false);
        Syscall.Invoke(Alarm, 1);
        Console.WriteLine("signals: reading an empty pipe, SIGALRM in 1 s, handlers " + (restart ? "with" : "without") + " SA_RESTART");
        byte b = 0;
        long r = Syscall.Invoke(SyscallNumber.Read, fds[0], (long)&b, 1);
        Console.WriteLine("signals: read returned " + r.ToString() + (r == 1 ? " ('" + ((char)b).ToString() + "')" : r == -4 ? " (EINTR)" : ""));
        return 0;
    }

    static void WriteToPipe(PosixSignalContext context)
    {
        byte x = (byte)'x';
        long w = Syscall.Invoke(SyscallNumber.Write, s_pipeWrite, (long)&x, 1);
        Console.WriteLine("signals: handler for " + Name(context.Signal) + " in " + Ring() + " wrote " + w.ToString() + " byte");
        context.Cancel = true;
    }

    /// <summary>After Dispose the signal has its default action again: SIGUSR2 terminates.</summary>
    static int Disposed()
    {
        var registration = PosixSignalRegistration.Create((PosixSignal)SigUsr2, Report);
        registration.Dispose();
        Console.WriteLine("signals: SIGUSR2 after Dispose");
        Syscall.Invoke(SyscallNumber.Kill, Linux.GetPid(), SigUsr2);
        Console.WriteLine("signals: still running after SIGUSR2");
        return 0;
    }

    static readonly string[] s_fromHandler = new string[1 << 16];
    static int s_stormHandled;

    /// <summary>
    /// A timer sends SIGUSR1 every 200 µs while the program allocates (small objects, large ones under the heap's
    /// lock, collections) and its handler allocates too: handlers wait while the thread holds a runtime lock and
    /// never take the allocation they interrupted. Then the program's data and the handler's strings must be whole.
    /// </summary>
    static int AllocatingHandlerUnderATimer()
    {
        using var registration = PosixSignalRegistration.Create((PosixSignal)SigUsr1, context =>
        {
            int n = ++s_stormHandled;
            if (n <= s_fromHandler.Length) s_fromHandler[n - 1] = "handler " + n.ToString();
            context.Cancel = true;
        });
        long* sigevent = stackalloc long[8];
        for (int i = 0; i < 8; i++) sigevent[i] = 0;
        ((int*)sigevent)[2] = SigUsr1;
        ((int*)sigevent)[3] = SigevSignal;
        int timer = 0;
        if (Syscall.Invoke(TimerCreate, ClockMonotonic, (long)sigevent, (long)&timer) != 0) return Fail("timer_create");
        long* spec = stackalloc long[4];
        spec[0] = 0; spec[1] = 200_000;         // every 200 µs
        spec[2] = 0; spec[3] = 200_000;
        if (Syscall.Invoke(TimerSettime, timer, 0, (long)spec, 0) != 0) return Fail("timer_settime");
        var kept = new System.Collections.Generic.List<string>();
        long checksum = 0;
        for (int i = 0; i < 200_000; i++)
        {
            string s = "item " + i.ToString();
            if (i % 7 == 0) kept.Add(s);
            checksum += new string[] { s }[0].Length;
            if (i % 500 == 0) checksum += new byte[100_000 + i].Length % 1000;
            if (i % 50_000 == 0) GC.Collect();
        }
        for (int i = 0; i < 4; i++) spec[i] = 0;
        Syscall.Invoke(TimerSettime, timer, 0, (long)spec, 0);
        for (int i = 0; i < kept.Count; i++) checksum += kept[i][kept[i].Length - 1];
        bool intact = true;
        int made = System.Math.Min(s_stormHandled, s_fromHandler.Length);
        for (int i = 0; i < made; i++) intact &= s_fromHandler[i] == "handler " + (i + 1).ToString();
        Console.WriteLine("signals: checksum " + checksum.ToString() + ", kept " + kept.Count.ToString());
        Console.WriteLine("signals: handlers ran " + (made > 0 ? "yes" : "no") + ", their strings whole " + (intact ? "yes" : "no"));
        return 0;
    }

    static int Fail(string what)
    {
        Console.WriteLine("signals: " + what + " failed");
        return 1;
    }
}
