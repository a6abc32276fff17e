using System.Runtime.CompilerServices;
using Dune.Platform;

namespace System.Threading
{
    /// <summary>A counting semaphore on one word: Wait takes a unit with a compare-exchange or sleeps on the word's
    /// futex while it is 0; Release adds units and wakes as many sleepers.</summary>
    public unsafe class SemaphoreSlim : IDisposable
    {
        private int _count;
        private readonly int _maxCount;

        public SemaphoreSlim(int initialCount) : this(initialCount, int.MaxValue) { }

        public SemaphoreSlim(int initialCount, int maxCount)
        {
            if (initialCount < 0 || initialCount > maxCount) throw new ArgumentOutOfRangeException(nameof(initialCount), "The initialCount argument must be non-negative and less than or equal to the maximumCount.");
            if (maxCount <= 0) throw new ArgumentOutOfRangeException(nameof(maxCount), "The maximumCount argument must be a positive number. If a maximum is not required, use the constructor without a maxCount parameter.");
            _count = initialCount;
            _maxCount = maxCount;
        }

        public int CurrentCount => Volatile.Read(ref _count);

        public void Wait() => Wait(Timeout.Infinite);

        public bool Wait(TimeSpan timeout) => Wait(WaitTimeout.ToMilliseconds(timeout));

        public bool Wait(int millisecondsTimeout)
        {
            var timeout = new WaitTimeout(millisecondsTimeout);
            int* word = (int*)Unsafe.AsPointer(ref _count);
            while (true)
            {
                int count = Volatile.Read(ref _count);
                if (count > 0)
                {
                    if (Interlocked.CompareExchange(ref _count, count - 1, count) == count) return true;
                    continue;
                }
                long left = timeout.Remaining;
                if (left == 0) return false;
                Linux.FutexWait(word, 0, left);
            }
        }

        public int Release() => Release(1);

        /// <summary>Adds <paramref name="releaseCount"/> units; returns the count before.</summary>
        public int Release(int releaseCount)
        {
            if (releaseCount < 1) throw new ArgumentOutOfRangeException(nameof(releaseCount), "The releaseCount argument must be greater than zero.");
            while (true)
            {
                int count = Volatile.Read(ref _count);
                if (_maxCount - count < releaseCount) throw new SemaphoreFullException();
                if (Interlocked.CompareExchange(ref _count, count + releaseCount, count) != count) continue;
                Linux.FutexWake((int*)Unsafe.AsPointer(ref _count), releaseCount);
                return count;
            }
        }

        public void Dispose() { }
    }
}
