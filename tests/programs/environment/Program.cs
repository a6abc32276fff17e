using System;
using System.Diagnostics;

// Random sequences (seeded ones must be .NET's exactly), clocks as booleans (monotonic, plausible), TimeSpan and
// DateTime arithmetic, Environment facts and Debug.Assert (compiled out of Release builds), compared with .NET.
static class Program
{
    static int Main()
    {
        SeededRandom();
        UnseededRandom();
        Clocks();
        TimeSpans();
        Dates();
        EnvironmentFacts();
        Debug.Assert(false, "compiled out in Release");
        Debug.WriteLine("not printed");
        Environment.ExitCode = 3;
        return 7;
    }

    static void SeededRandom()
    {
        foreach (int seed in new[] { 0, 1, 42, -1, 12345, int.MaxValue, int.MinValue })
        {
            var r = new Random(seed);
            string line = "seed " + seed + ":";
            for (int i = 0; i < 5; i++) line += " " + r.Next();
            line += " | " + r.Next(100) + " " + r.Next(0) + " " + r.Next(1) + " " + r.Next(10, 20) + " " + r.Next(-5, 5) + " " + r.Next(int.MinValue, int.MaxValue) + " " + r.Next(7, 7);
            line += " | " + r.NextDouble().ToString("R") + " " + r.NextDouble().ToString("R") + " " + r.NextSingle().ToString("R");
            line += " | " + r.NextInt64() + " " + r.NextInt64(1000) + " " + r.NextInt64(-5, 5) + " " + r.NextInt64(long.MinValue, long.MaxValue) + " " + r.NextInt64(1L << 40);
            byte[] bytes = new byte[12];
            r.NextBytes(bytes);
            line += " | " + string.Join(",", bytes);
            Span<byte> span = stackalloc byte[4];
            r.NextBytes(span);
            line += " | " + span[0] + "," + span[1] + "," + span[2] + "," + span[3] + " | " + r.Next();
            Console.WriteLine(line);
        }
        var many = new Random(2024);
        long sum = 0;
        for (int i = 0; i < 100000; i++) sum += many.Next(1000);
        Console.WriteLine("sum of 100000 Next(1000) with seed 2024: " + sum);
        Throws("next.negative", () => new Random(1).Next(-1));
        Throws("next.minmax", () => new Random(1).Next(5, 1));
        Throws("nextint64.negative", () => new Random(1).NextInt64(-1));
        Throws("nextbytes.null", () => new Random(1).NextBytes((byte[])null));
    }

    static void UnseededRandom()
    {
        var r = new Random();
        bool inRange = true;
        int[] counts = new int[10];
        for (int i = 0; i < 10000; i++)
        {
            int v = r.Next(10);
            if (v < 0 || v >= 10) inRange = false;
            else counts[v]++;
            int w = r.Next(-3, 3);
            if (w < -3 || w >= 3) inRange = false;
            double d = r.NextDouble();
            if (d < 0 || d >= 1) inRange = false;
            long l = r.NextInt64(5, 9);
            if (l < 5 || l >= 9) inRange = false;
            if (r.Next() < 0) inRange = false;
        }
        bool spread = true;
        foreach (int c in counts) if (c < 800 || c > 1200) spread = false;
        Console.WriteLine("unseeded in range: " + inRange + ", spread evenly: " + spread + ", shared: " + (Random.Shared.Next(5) < 5) + " " + (Random.Shared == Random.Shared));
        Console.WriteLine("two unseeded differ: " + (new Random().NextInt64() != new Random().NextInt64()));
    }

    static void Clocks()
    {
        long t0 = Stopwatch.GetTimestamp();
        var sw = Stopwatch.StartNew();
        Console.WriteLine("stopwatch frequency " + Stopwatch.Frequency + " high resolution " + Stopwatch.IsHighResolution + " running " + sw.IsRunning);
        long spin = 0;
        for (int i = 0; i < 2000000; i++) spin += i;
        long e1 = sw.ElapsedTicks;
        long e2 = sw.ElapsedTicks;
        sw.Stop();
        long stopped = sw.ElapsedTicks;
        long stoppedAgain = sw.ElapsedTicks;
        Console.WriteLine("monotonic " + (e1 >= 0 && e2 >= e1 && stopped >= e2) + " frozen when stopped " + (stopped == stoppedAgain) + " running " + sw.IsRunning + " spin " + spin);
        Console.WriteLine("elapsed consistent " + (sw.Elapsed.Ticks >= 0 && sw.ElapsedMilliseconds == sw.Elapsed.Ticks / 10000 && sw.Elapsed < TimeSpan.FromMinutes(1)));
        sw.Start();
        Console.WriteLine("restarted continues " + (sw.ElapsedTicks >= stopped) + " " + sw.IsRunning);
        sw.Reset();
        Console.WriteLine("reset " + sw.ElapsedTicks + " " + sw.IsRunning + " " + sw.Elapsed);
        sw.Restart();
        Console.WriteLine("restart running " + sw.IsRunning);
        long t1 = Stopwatch.GetTimestamp();
        TimeSpan between = Stopwatch.GetElapsedTime(t0, t1);
        Console.WriteLine("timestamps " + (t1 >= t0) + " " + (between >= TimeSpan.Zero && between < TimeSpan.FromMinutes(1)) + " " + (Stopwatch.GetElapsedTime(t0) >= between));
        long tick0 = Environment.TickCount64;
        long tick1 = Environment.TickCount64;
        Console.WriteLine("tickcount " + (tick0 > 0 && tick1 >= tick0) + " " + (Environment.TickCount != 0 || tick0 % 4294967296L == 0));
    }

    static void TimeSpans()
    {
        var ts = new TimeSpan(1, 2, 3, 4, 5);
        Console.WriteLine("timespan " + ts + " " + ts.Ticks + " " + ts.Days + " " + ts.Hours + " " + ts.Minutes + " " + ts.Seconds + " " + ts.Milliseconds + " " + ts.TotalSeconds.ToString("R") + " " + ts.TotalMilliseconds.ToString("R"));
        Console.WriteLine("timespan.negative " + (-ts) + " " + ts.Negate().Days + " " + ts.Negate().Hours + " " + (-ts).Duration() + " " + new TimeSpan(-1) + " " + new TimeSpan(12345678) + " " + TimeSpan.Zero + " " + new TimeSpan(0, 0, 59));
        Console.WriteLine("timespan.limits " + TimeSpan.MaxValue + " " + TimeSpan.MinValue + " " + TimeSpan.FromMilliseconds(1500) + " " + TimeSpan.FromSeconds(90) + " " + TimeSpan.FromMinutes(1.5) + " " + TimeSpan.FromHours(25) + " " + TimeSpan.FromDays(0.5) + " " + TimeSpan.FromTicks(1));
        var a = TimeSpan.FromSeconds(10);
        var b = TimeSpan.FromSeconds(3);
        Console.WriteLine("timespan.ops " + (a + b) + " " + (a - b) + " " + (b - a) + " " + (a > b) + " " + (a == b) + " " + a.CompareTo(b) + " " + b.CompareTo(a) + " " + a.Equals(TimeSpan.FromSeconds(10)) + " " + TimeSpan.Compare(a, a));
        Throws("timespan.overflow", () => { var x = TimeSpan.MaxValue + TimeSpan.FromTicks(1); });
        Throws("timespan.negate.min", () => TimeSpan.MinValue.Negate());
    }

    static void Dates()
    {
        DateTime now = DateTime.UtcNow;
        Console.WriteLine("utcnow plausible " + (now.Year >= 2024 && now.Year < 2200) + " kind " + (now.Kind == DateTimeKind.Utc) + " later than epoch " + (now > DateTime.UnixEpoch) + " advancing " + (DateTime.UtcNow >= now));
        var d = new DateTime(2024, 2, 29, 13, 45, 30, 123);
        Console.WriteLine("date " + d + " " + d.Ticks + " " + d.Year + " " + d.Month + " " + d.Day + " " + d.Hour + " " + d.Minute + " " + d.Second + " " + d.Millisecond + " " + (int)d.DayOfWeek + " " + d.DayOfYear + " " + d.Date + " " + d.TimeOfDay);
        Console.WriteLine("date.math " + d.AddDays(1) + " " + d.AddHours(-14) + " " + d.AddSeconds(30.5).Millisecond + " " + d.AddMilliseconds(877) + " " + (d - new DateTime(2024, 1, 1)) + " " + (d + TimeSpan.FromDays(366)) + " " + d.AddTicks(-1).Millisecond);
        Console.WriteLine("date.calendar " + DateTime.IsLeapYear(1900) + DateTime.IsLeapYear(2000) + DateTime.IsLeapYear(2023) + DateTime.IsLeapYear(2024) + " " + DateTime.DaysInMonth(2023, 2) + " " + DateTime.DaysInMonth(2024, 2) + " " + DateTime.DaysInMonth(2024, 12));
        Console.WriteLine("date.limits " + DateTime.MinValue + " " + DateTime.MaxValue + " " + DateTime.UnixEpoch + " " + DateTime.MaxValue.Ticks + " " + new DateTime(1, 1, 1).DayOfWeek.GetHashCode() + " " + new DateTime(9999, 12, 31).DayOfYear);
        Console.WriteLine("date.compare " + (d > DateTime.UnixEpoch) + " " + d.CompareTo(DateTime.UnixEpoch) + " " + d.Equals(new DateTime(d.Ticks, DateTimeKind.Utc)) + " " + (d == new DateTime(d.Ticks)));
        Throws("date.invalid", () => new DateTime(2023, 2, 29));
        Throws("date.month", () => DateTime.DaysInMonth(2023, 13));
        Throws("date.overflow", () => DateTime.MaxValue.AddDays(1));
    }

    static void EnvironmentFacts()
    {
        Console.WriteLine("processors " + (Environment.ProcessorCount >= 1) + " newline " + (Environment.NewLine == "\n") + " 64-bit " + Environment.Is64BitProcess + " pid " + (Environment.ProcessId > 0));
        Console.WriteLine("cwd " + (Environment.CurrentDirectory == System.IO.Directory.GetCurrentDirectory()) + " unset var " + (Environment.GetEnvironmentVariable("DUNE_SURELY_NOT_SET_VARIABLE") == null));
        Console.WriteLine("exit code default " + Environment.ExitCode);
    }

    static void Throws(string name, Action action)
    {
        try
        {
            action();
            Console.WriteLine(name + ": no exception");
        }
        catch (Exception e)
        {
            Console.WriteLine(name + ": " + e.GetType().Name + ": " + e.Message);
        }
    }
}
