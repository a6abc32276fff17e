using System.Text;

namespace System
{
    public enum DateTimeKind { Unspecified = 0, Utc = 1, Local = 2 }

    public enum DayOfWeek { Sunday = 0, Monday, Tuesday, Wednesday, Thursday, Friday, Saturday }

    /// <summary>
    /// A date and time of day in 100-nanosecond ticks since 0001-01-01, with a kind. Only UTC and unspecified times
    /// exist here (no time zones): DateTime.Now and ToLocalTime are not provided.
    /// </summary>
    public readonly struct DateTime : IComparable, IComparable<DateTime>, IEquatable<DateTime>
    {
        private const long MaxTicks = 3_155_378_975_999_999_999;
        private const long UnixEpochTicks = 621_355_968_000_000_000;
        private static readonly int[] DaysToMonth365 = { 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365 };
        private static readonly int[] DaysToMonth366 = { 0, 31, 60, 91, 121, 152, 182, 213, 244, 274, 305, 335, 366 };

        public static readonly DateTime MinValue = new DateTime(0);
        public static readonly DateTime MaxValue = new DateTime(MaxTicks);
        public static readonly DateTime UnixEpoch = new DateTime(UnixEpochTicks, DateTimeKind.Utc);

        private readonly long _ticks;
        private readonly DateTimeKind _kind;

        public DateTime(long ticks) : this(ticks, DateTimeKind.Unspecified) { }

        public DateTime(long ticks, DateTimeKind kind)
        {
            if ((ulong)ticks > MaxTicks) throw new ArgumentOutOfRangeException("ticks", "Ticks must be between DateTime.MinValue.Ticks and DateTime.MaxValue.Ticks.");
            if ((uint)kind > (uint)DateTimeKind.Local) throw new ArgumentException("Invalid DateTimeKind value.", "kind");
            _ticks = ticks;
            _kind = kind;
        }

        public DateTime(int year, int month, int day) : this(DateTicks(year, month, day)) { }

        public DateTime(int year, int month, int day, int hour, int minute, int second) : this(year, month, day, hour, minute, second, DateTimeKind.Unspecified) { }

        public DateTime(int year, int month, int day, int hour, int minute, int second, DateTimeKind kind)
            : this(DateTicks(year, month, day) + TimeTicks(hour, minute, second), kind) { }

        public DateTime(int year, int month, int day, int hour, int minute, int second, int millisecond)
            : this(year, month, day, hour, minute, second, millisecond, DateTimeKind.Unspecified) { }

        public DateTime(int year, int month, int day, int hour, int minute, int second, int millisecond, DateTimeKind kind)
            : this(DateTicks(year, month, day) + TimeTicks(hour, minute, second) + Millis(millisecond), kind) { }

        private static long Millis(int millisecond)
        {
            if ((uint)millisecond >= 1000) throw new ArgumentOutOfRangeException("millisecond", "Valid values are between 0 and 999, inclusive.");
            return millisecond * TimeSpan.TicksPerMillisecond;
        }

        /// <summary>The current time in UTC (CLOCK_REALTIME).</summary>
        public static DateTime UtcNow
        {
            get
            {
                Dune.Platform.Linux.ClockGettime(Dune.Platform.Linux.ClockRealtime, out long seconds, out long nanoseconds);
                return new DateTime(UnixEpochTicks + seconds * TimeSpan.TicksPerSecond + nanoseconds / 100, DateTimeKind.Utc);
            }
        }

        public long Ticks => _ticks;
        public DateTimeKind Kind => _kind;
        public DateTime Date => new DateTime(_ticks - _ticks % TimeSpan.TicksPerDay, _kind);
        public TimeSpan TimeOfDay => new TimeSpan(_ticks % TimeSpan.TicksPerDay);
        public int Hour => (int)(_ticks / TimeSpan.TicksPerHour % 24);
        public int Minute => (int)(_ticks / TimeSpan.TicksPerMinute % 60);
        public int Second => (int)(_ticks / TimeSpan.TicksPerSecond % 60);
        public int Millisecond => (int)(_ticks / TimeSpan.TicksPerMillisecond % 1000);
        public DayOfWeek DayOfWeek => (DayOfWeek)((_ticks / TimeSpan.TicksPerDay + 1) % 7);
        public int DayOfYear { get { Split(out _, out _, out _, out int dayOfYear); return dayOfYear; } }
        public int Year { get { Split(out int year, out _, out _, out _); return year; } }
        public int Month { get { Split(out _, out int month, out _, out _); return month; } }
        public int Day { get { Split(out _, out _, out int day, out _); return day; } }

        /// <summary>Year, month, day and day of year from the day number, by 400/100/4/1-year cycles.</summary>
        private void Split(out int year, out int month, out int day, out int dayOfYear)
        {
            int n = (int)(_ticks / TimeSpan.TicksPerDay);
            int y400 = n / 146097; n -= y400 * 146097;
            int y100 = n / 36524; if (y100 == 4) y100 = 3; n -= y100 * 36524;
            int y4 = n / 1461; n -= y4 * 1461;
            int y1 = n / 365; if (y1 == 4) y1 = 3; n -= y1 * 365;
            year = y400 * 400 + y100 * 100 + y4 * 4 + y1 + 1;
            dayOfYear = n + 1;
            int[] days = IsLeapYear(year) ? DaysToMonth366 : DaysToMonth365;
            int m = 1;
            while (n >= days[m]) m++;
            month = m;
            day = n - days[m - 1] + 1;
        }

        public static bool IsLeapYear(int year)
        {
            if (year < 1 || year > 9999) throw new ArgumentOutOfRangeException("year", "Year must be between 1 and 9999.");
            return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
        }

        public static int DaysInMonth(int year, int month)
        {
            if (month < 1 || month > 12) throw new ArgumentOutOfRangeException("month", month, "Month must be between one and twelve.");
            int[] days = IsLeapYear(year) ? DaysToMonth366 : DaysToMonth365;
            return days[month] - days[month - 1];
        }

        private static long DateTicks(int year, int month, int day)
        {
            if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1)
                throw new ArgumentOutOfRangeException(null, "Year, Month, and Day parameters describe an un-representable DateTime.");
            int[] days = IsLeapYear(year) ? DaysToMonth366 : DaysToMonth365;
            if (day > days[month] - days[month - 1]) throw new ArgumentOutOfRangeException(null, "Year, Month, and Day parameters describe an un-representable DateTime.");
            int y = year - 1;
            long n = y * 365L + y / 4 - y / 100 + y / 400 + days[month - 1] + day - 1;
            return n * TimeSpan.TicksPerDay;
        }

        private static long TimeTicks(int hour, int minute, int second)
        {
            if ((uint)hour >= 24 || (uint)minute >= 60 || (uint)second >= 60)
                throw new ArgumentOutOfRangeException(null, "Hour, Minute, and Second parameters describe an un-representable DateTime.");
            return hour * TimeSpan.TicksPerHour + minute * TimeSpan.TicksPerMinute + second * TimeSpan.TicksPerSecond;
        }

        public DateTime AddTicks(long value)
        {
            long ticks = _ticks + value;
            if (value > MaxTicks - _ticks || value < -_ticks) throw new ArgumentOutOfRangeException("value", "The added or subtracted value results in an un-representable DateTime.");
            return new DateTime(ticks, _kind);
        }

        public DateTime Add(TimeSpan value) => AddTicks(value.Ticks);
        public DateTime Subtract(TimeSpan value) => AddTicks(-value.Ticks);
        public TimeSpan Subtract(DateTime value) => new TimeSpan(_ticks - value._ticks);
        public DateTime AddDays(double value) => AddUnits(value, TimeSpan.TicksPerDay);
        public DateTime AddHours(double value) => AddUnits(value, TimeSpan.TicksPerHour);
        public DateTime AddMinutes(double value) => AddUnits(value, TimeSpan.TicksPerMinute);
        public DateTime AddSeconds(double value) => AddUnits(value, TimeSpan.TicksPerSecond);
        public DateTime AddMilliseconds(double value) => AddUnits(value, TimeSpan.TicksPerMillisecond);

        private DateTime AddUnits(double value, long scale)
        {
            double ticks = value * scale;
            if (ticks > MaxTicks || ticks < -MaxTicks) throw new ArgumentOutOfRangeException("value", "Value to add was out of range.");
            return AddTicks((long)ticks);
        }

        public static DateTime operator +(DateTime d, TimeSpan t) => d.Add(t);
        public static DateTime operator -(DateTime d, TimeSpan t) => d.Subtract(t);
        public static TimeSpan operator -(DateTime d1, DateTime d2) => new TimeSpan(d1._ticks - d2._ticks);
        public static bool operator ==(DateTime d1, DateTime d2) => d1._ticks == d2._ticks;
        public static bool operator !=(DateTime d1, DateTime d2) => d1._ticks != d2._ticks;
        public static bool operator <(DateTime t1, DateTime t2) => t1._ticks < t2._ticks;
        public static bool operator <=(DateTime t1, DateTime t2) => t1._ticks <= t2._ticks;
        public static bool operator >(DateTime t1, DateTime t2) => t1._ticks > t2._ticks;
        public static bool operator >=(DateTime t1, DateTime t2) => t1._ticks >= t2._ticks;

        public static int Compare(DateTime t1, DateTime t2) => t1._ticks < t2._ticks ? -1 : t1._ticks > t2._ticks ? 1 : 0;
        public int CompareTo(DateTime value) => Compare(this, value);

        public int CompareTo(object value)
        {
            if (value == null) return 1;
            if (value is not DateTime other) throw new ArgumentException("Object must be of type DateTime.");
            return Compare(this, other);
        }

        public bool Equals(DateTime value) => _ticks == value._ticks;
        public override bool Equals(object value) => value is DateTime other && _ticks == other._ticks;
        public override int GetHashCode() => _ticks.GetHashCode();

        /// <summary>The invariant culture's general format: MM/dd/yyyy HH:mm:ss.</summary>
        public override string ToString()
        {
            Split(out int year, out int month, out int day, out _);
            var sb = new StringBuilder(19);
            Digits(sb, month, 2).Append('/');
            Digits(sb, day, 2).Append('/');
            Digits(sb, year, 4).Append(' ');
            Digits(sb, Hour, 2).Append(':');
            Digits(sb, Minute, 2).Append(':');
            Digits(sb, Second, 2);
            return sb.ToString();
        }

        private static StringBuilder Digits(StringBuilder sb, int value, int width) => sb.Append(value.ToString().PadLeft(width, '0'));
    }
}
