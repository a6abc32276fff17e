using System.Runtime.CompilerServices;
using Dune.Platform;

namespace System.Threading
{
    /// <summary>An event that stays set until reset: one word, 1 when set; waiters spin briefly, then sleep on its futex.</summary>
    public unsafe class ManualResetEventSlim : IDisposable
    {
        private const int DefaultSpinCount = 35;
        private int _set;

        public ManualResetEventSlim() : this(false) { }
        public ManualResetEventSlim(bool initialState) : this(initialState, DefaultSpinCount) { }

        public ManualResetEventSlim(bool initialState, int spinCount)
        {
            if (spinCount < 0) throw new ArgumentOutOfRangeException(nameof(spinCount));
            _set = initialState ? 1 : 0;
            SpinCount = spinCount;
        }

        public bool IsSet => Volatile.Read(ref _set) != 0;
        public int SpinCount { get; }

        public void Set()
        {
            if (Interlocked.Exchange(ref _set, 1) == 0) Linux.FutexWake((int*)Unsafe.AsPointer(ref _set), int.MaxValue);
        }

        public void Reset() => Volatile.Write(ref _set, 0);

        public void Wait() => Wait(Timeout.Infinite);

        public bool Wait(TimeSpan timeout) => Wait(WaitTimeout.ToMilliseconds(timeout));

        public bool Wait(int millisecondsTimeout)
        {
            var timeout = new WaitTimeout(millisecondsTimeout);
            for (int i = 0; i < SpinCount && !IsSet; i++) Interlocked.SpinPause();
            int* word = (int*)Unsafe.AsPointer(ref _set);
            while (!IsSet)
            {
                long left = timeout.Remaining;
                if (left == 0) return false;
                Linux.FutexWait(word, 0, left);
            }
            return true;
        }

        public void Dispose() { }
    }
}
