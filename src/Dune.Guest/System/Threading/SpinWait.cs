namespace System.Threading
{
    /// <summary>Spinning for short waits: pause instructions that double each time, then yielding the CPU.</summary>
    public struct SpinWait
    {
        private const int YieldThreshold = 10;
        private const int SleepOneEvery = 20;
        private int _count;

        public int Count => _count;

        /// <summary>Whether the next <see cref="SpinOnce()"/> gives up the CPU instead of spinning.</summary>
        public bool NextSpinWillYield => _count >= YieldThreshold || Environment.ProcessorCount == 1;

        public void SpinOnce()
        {
            if (NextSpinWillYield)
            {
                int yields = _count >= YieldThreshold ? _count - YieldThreshold : _count;
                if (yields % SleepOneEvery == SleepOneEvery - 1) Thread.Sleep(1);
                else Thread.Yield();
            }
            else Thread.SpinWait(4 << _count);
            _count = _count == int.MaxValue ? YieldThreshold : _count + 1;
        }

        public void SpinOnce(int sleep1Threshold) => SpinOnce();

        public void Reset() => _count = 0;

        public static void SpinUntil(Func<bool> condition) => SpinUntil(condition, Timeout.Infinite);

        public static bool SpinUntil(Func<bool> condition, TimeSpan timeout) => SpinUntil(condition, WaitTimeout.ToMilliseconds(timeout));

        public static bool SpinUntil(Func<bool> condition, int millisecondsTimeout)
        {
            ArgumentNullException.ThrowIfNull(condition, nameof(condition));
            var timeout = new WaitTimeout(millisecondsTimeout);
            var spinner = new SpinWait();
            while (!condition())
            {
                if (timeout.Expired) return false;
                spinner.SpinOnce();
            }
            return true;
        }
    }
}
