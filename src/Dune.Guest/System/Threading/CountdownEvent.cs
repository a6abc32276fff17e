namespace System.Threading
{
    /// <summary>Set once its count, decremented by <see cref="Signal()"/>, reaches zero.</summary>
    public class CountdownEvent : IDisposable
    {
        private int _initialCount;
        private int _currentCount;
        private readonly ManualResetEventSlim _event;

        public CountdownEvent(int initialCount)
        {
            if (initialCount < 0) throw new ArgumentOutOfRangeException(nameof(initialCount));
            _initialCount = initialCount;
            _currentCount = initialCount;
            _event = new ManualResetEventSlim(initialCount == 0);
        }

        public int CurrentCount => Math.Max(Volatile.Read(ref _currentCount), 0);
        public int InitialCount => _initialCount;
        public bool IsSet => Volatile.Read(ref _currentCount) <= 0;

        public bool Signal() => Signal(1);

        /// <summary>True if this signal brought the count to zero.</summary>
        public bool Signal(int signalCount)
        {
            if (signalCount <= 0) throw new ArgumentOutOfRangeException(nameof(signalCount));
            while (true)
            {
                int count = Volatile.Read(ref _currentCount);
                if (count < signalCount) throw new InvalidOperationException("Invalid attempt made to decrement the event's count below zero.");
                if (Interlocked.CompareExchange(ref _currentCount, count - signalCount, count) != count) continue;
                if (count != signalCount) return false;
                _event.Set();
                return true;
            }
        }

        public void AddCount() => AddCount(1);

        public bool TryAddCount() => TryAddCount(1);

        public void AddCount(int signalCount)
        {
            if (!TryAddCount(signalCount)) throw new InvalidOperationException("The event is already signaled and cannot be incremented.");
        }

        public bool TryAddCount(int signalCount)
        {
            if (signalCount <= 0) throw new ArgumentOutOfRangeException(nameof(signalCount));
            while (true)
            {
                int count = Volatile.Read(ref _currentCount);
                if (count <= 0) return false;
                if (count > int.MaxValue - signalCount) throw new InvalidOperationException("The increment operation would cause the CurrentCount to overflow.");
                if (Interlocked.CompareExchange(ref _currentCount, count + signalCount, count) == count) return true;
            }
        }

        public void Reset() => Reset(_initialCount);

        public void Reset(int count)
        {
            if (count < 0) throw new ArgumentOutOfRangeException(nameof(count));
            _initialCount = count;
            Volatile.Write(ref _currentCount, count);
            if (count == 0) _event.Set();
            else _event.Reset();
        }

        public void Wait() => _event.Wait();

        public bool Wait(int millisecondsTimeout) => _event.Wait(millisecondsTimeout);

        public bool Wait(TimeSpan timeout) => _event.Wait(timeout);

        public void Dispose() { }
    }
}
