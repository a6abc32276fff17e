using System.Text;

namespace System
{
    /// <summary>A time interval in 100-nanosecond ticks.</summary>
    public readonly struct TimeSpan : IComparable, IComparable<TimeSpan>, IEquatable<TimeSpan>
    {
        public const long TicksPerMicrosecond = 10;
        public const long TicksPerMillisecond = 10_000;
        public const long TicksPerSecond = 10_000_000;
        public const long TicksPerMinute = 600_000_000;
        public const long TicksPerHour = 36_000_000_000;
        public const long TicksPerDay = 864_000_000_000;

        public static readonly TimeSpan Zero = new TimeSpan(0);
        public static readonly TimeSpan MaxValue = new TimeSpan(long.MaxValue);
        public static readonly TimeSpan MinValue = new TimeSpan(long.MinValue);

        private readonly long _ticks;

        public TimeSpan(long ticks) { _ticks = ticks; }
        public TimeSpan(int hours, int minutes, int seconds) : this(0, hours, minutes, seconds, 0) { }
        public TimeSpan(int days, int hours, int minutes, int seconds) : this(days, hours, minutes, seconds, 0) { }

        public TimeSpan(int days, int hours, int minutes, int seconds, int milliseconds)
        {
            long ms = ((long)days * 3600 * 24 + (long)hours * 3600 + (long)minutes * 60 + seconds) * 1000 + milliseconds;
            if (ms > long.MaxValue / TicksPerMillisecond || ms < long.MinValue / TicksPerMillisecond)
                throw new ArgumentOutOfRangeException(null, "TimeSpan overflowed because the duration is too long.");
            _ticks = ms * TicksPerMillisecond;
        }

        public long Ticks => _ticks;
        public int Days => (int)(_ticks / TicksPerDay);
        public int Hours => (int)(_ticks / TicksPerHour % 24);
        public int Minutes => (int)(_ticks / TicksPerMinute % 60);
        public int Seconds => (int)(_ticks / TicksPerSecond % 60);
        public int Milliseconds => (int)(_ticks / TicksPerMillisecond % 1000);
        public int Microseconds => (int)(_ticks / TicksPerMicrosecond % 1000);
        public int Nanoseconds => (int)(_ticks % TicksPerMicrosecond * 100);

        public double TotalDays => (double)_ticks / TicksPerDay;
        public double TotalHours => (double)_ticks / TicksPerHour;
        public double TotalMinutes => (double)_ticks / TicksPerMinute;
        public double TotalSeconds => (double)_ticks / TicksPerSecond;
        public double TotalMilliseconds => (double)_ticks / TicksPerMillisecond;
        public double TotalMicroseconds => (double)_ticks / TicksPerMicrosecond;
        public double TotalNanoseconds => (double)_ticks * 100;

        public static TimeSpan FromTicks(long value) => new TimeSpan(value);
        public static TimeSpan FromDays(double value) => Interval(value, TicksPerDay);
        public static TimeSpan FromHours(double value) => Interval(value, TicksPerHour);
        public static TimeSpan FromMinutes(double value) => Interval(value, TicksPerMinute);
        public static TimeSpan FromSeconds(double value) => Interval(value, TicksPerSecond);
        public static TimeSpan FromMilliseconds(double value) => Interval(value, TicksPerMillisecond);
        public static TimeSpan FromMicroseconds(double value) => Interval(value, TicksPerMicrosecond);

        private static TimeSpan Interval(double value, long scale)
        {
            if (double.IsNaN(value)) throw new ArgumentException("TimeSpan does not accept floating point Not-a-Number values.");
            double ticks = value * scale;
            if (ticks > long.MaxValue || ticks < long.MinValue) throw new OverflowException("TimeSpan overflowed because the duration is too long.");
            return new TimeSpan((long)ticks);
        }

        public TimeSpan Add(TimeSpan ts) => this + ts;
        public TimeSpan Subtract(TimeSpan ts) => this - ts;

        public TimeSpan Negate()
        {
            if (_ticks == long.MinValue) throw new OverflowException("Negating the minimum value of a twos complement number is invalid.");
            return new TimeSpan(-_ticks);
        }

        public TimeSpan Duration()
        {
            if (_ticks == long.MinValue) throw new OverflowException("The duration cannot be returned for TimeSpan.MinValue because the absolute value of TimeSpan.MinValue exceeds the value of TimeSpan.MaxValue.");
            return new TimeSpan(_ticks >= 0 ? _ticks : -_ticks);
        }

        public static TimeSpan operator +(TimeSpan t1, TimeSpan t2)
        {
            long result = t1._ticks + t2._ticks;
            if ((t1._ticks >> 63 == t2._ticks >> 63) && (t1._ticks >> 63 != result >> 63)) throw new OverflowException("TimeSpan overflowed because the duration is too long.");
            return new TimeSpan(result);
        }

        public static TimeSpan operator -(TimeSpan t1, TimeSpan t2)
        {
            long result = t1._ticks - t2._ticks;
            if ((t1._ticks >> 63 != t2._ticks >> 63) && (t1._ticks >> 63 != result >> 63)) throw new OverflowException("TimeSpan overflowed because the duration is too long.");
            return new TimeSpan(result);
        }

        public static TimeSpan operator -(TimeSpan t) => t.Negate();
        public static TimeSpan operator +(TimeSpan t) => t;
        public static bool operator ==(TimeSpan t1, TimeSpan t2) => t1._ticks == t2._ticks;
        public static bool operator !=(TimeSpan t1, TimeSpan t2) => t1._ticks != t2._ticks;
        public static bool operator <(TimeSpan t1, TimeSpan t2) => t1._ticks < t2._ticks;
        public static bool operator <=(TimeSpan t1, TimeSpan t2) => t1._ticks <= t2._ticks;
        public static bool operator >(TimeSpan t1, TimeSpan t2) => t1._ticks > t2._ticks;
        public static bool operator >=(TimeSpan t1, TimeSpan t2) => t1._ticks >= t2._ticks;

        public static int Compare(TimeSpan t1, TimeSpan t2) => t1._ticks < t2._ticks ? -1 : t1._ticks > t2._ticks ? 1 : 0;
        public int CompareTo(TimeSpan value) => Compare(this, value);

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is not TimeSpan other) throw new ArgumentException("Object must be of type TimeSpan.");
            return Compare(this, other);
        }

        public bool Equals(TimeSpan obj) => _ticks == obj._ticks;
        public override bool Equals(object value) => value is TimeSpan other && _ticks == other._ticks;
        public override int GetHashCode() => _ticks.GetHashCode();

        /// <summary>The constant ("c") format: [-][d.]hh:mm:ss[.fffffff].</summary>
        public override string ToString()
        {
            var sb = new StringBuilder(26);
            ulong ticks = _ticks < 0 ? (ulong)(-(_ticks + 1)) + 1 : (ulong)_ticks;
            if (_ticks < 0) sb.Append('-');
            ulong days = ticks / TicksPerDay;
            ulong rest = ticks % TicksPerDay;
            if (days > 0) sb.Append(days).Append('.');
            Two(sb, rest / TicksPerHour).Append(':');
            Two(sb, rest / TicksPerMinute % 60).Append(':');
            Two(sb, rest / TicksPerSecond % 60);
            ulong fraction = rest % TicksPerSecond;
            if (fraction != 0) sb.Append('.').Append(fraction.ToString().PadLeft(7, '0'));
            return sb.ToString();
        }

        private static StringBuilder Two(StringBuilder sb, ulong value) => sb.Append((char)('0' + (int)(value / 10))).Append((char)('0' + (int)(value % 10)));
    }
}
