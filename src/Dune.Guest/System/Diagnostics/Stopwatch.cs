using Dune.Platform;

namespace System.Diagnostics
{
    /// <summary>Elapsed time from CLOCK_MONOTONIC in nanoseconds (the frequency .NET reports on Linux).</summary>
    public class Stopwatch
    {
        public static readonly long Frequency = 1_000_000_000;
        public static readonly bool IsHighResolution = true;
        private const double TimeSpanTicksPerTimestamp = (double)TimeSpan.TicksPerSecond / 1_000_000_000;

        private long _elapsed;
        private long _startedAt;
        private bool _running;

        public static Stopwatch StartNew()
        {
            var sw = new Stopwatch();
            sw.Start();
            return sw;
        }

        public static long GetTimestamp()
        {
            Linux.ClockGettime(Linux.ClockMonotonic, out long seconds, out long nanoseconds);
            return seconds * 1_000_000_000 + nanoseconds;
        }

        public static TimeSpan GetElapsedTime(long startingTimestamp) => GetElapsedTime(startingTimestamp, GetTimestamp());

        public static TimeSpan GetElapsedTime(long startingTimestamp, long endingTimestamp) =>
            new TimeSpan((long)((endingTimestamp - startingTimestamp) * TimeSpanTicksPerTimestamp));

        public bool IsRunning => _running;

        public void Start()
        {
            if (_running) return;
            _startedAt = GetTimestamp();
            _running = true;
        }

        public void Stop()
        {
            if (!_running) return;
            _elapsed += GetTimestamp() - _startedAt;
            _running = false;
            if (_elapsed < 0) _elapsed = 0;
        }

        public void Reset()
        {
            _elapsed = 0;
            _running = false;
        }

        public void Restart()
        {
            _elapsed = 0;
            _startedAt = GetTimestamp();
            _running = true;
        }

        public long ElapsedTicks => _running ? _elapsed + GetTimestamp() - _startedAt : _elapsed;
        public TimeSpan Elapsed => new TimeSpan((long)(ElapsedTicks * TimeSpanTicksPerTimestamp));
        public long ElapsedMilliseconds => Elapsed.Ticks / TimeSpan.TicksPerMillisecond;

        public override string ToString() => Elapsed.ToString();
    }
}
