using Dune.Platform;

namespace System.Threading
{
    /// <summary>A millisecond timeout as .NET takes it (-1: forever), turned into what is left of it for each futex wait.</summary>
    internal struct WaitTimeout
    {
        private readonly long _deadline;

        public WaitTimeout(int milliseconds)
        {
            if (milliseconds < -1) throw new ArgumentOutOfRangeException(nameof(milliseconds), "Number must be either non-negative and less than or equal to Int32.MaxValue or -1.");
            _deadline = milliseconds < 0 ? -1 : Linux.MonotonicNanoseconds() + milliseconds * 1000000L;
        }

        public static int ToMilliseconds(TimeSpan timeout)
        {
            long ms = (long)timeout.TotalMilliseconds;
            if (ms < -1 || ms > int.MaxValue) throw new ArgumentOutOfRangeException(nameof(timeout), "The timeout must represent a value between -1 and Int32.MaxValue, inclusive.");
            return (int)ms;
        }

        /// <summary>Nanoseconds left (negative: no limit), or 0 once the time is up.</summary>
        public long Remaining
        {
            get
            {
                if (_deadline < 0) return -1;
                long left = _deadline - Linux.MonotonicNanoseconds();
                return left > 0 ? left : 0;
            }
        }

        public bool Expired => _deadline >= 0 && Remaining == 0;
    }
}
