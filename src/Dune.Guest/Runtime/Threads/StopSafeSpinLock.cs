using System.Threading;

namespace Internal.Runtime.Threads
{
    /// <summary>
    /// A spin lock for short critical sections without system calls that a collection needs too (the runtime's
    /// mapping allocator: the collector maps and unmaps memory). The collector's stop may land while a thread holds
    /// it; parked there, the holder would leave the collector spinning on it for ever. So the word holds an address
    /// on the holder's stack, which tells the stop handler (<see cref="Suspension"/>) that its own thread is the
    /// holder, and bit 0 marks a stop the handler owed instead of parking: the holder parks as it lets go.
    /// </summary>
    internal unsafe struct StopSafeSpinLock
    {
        private const long OwedBit = 1;
        private long _word;

        public void Enter()
        {
            // The main thread's own state is mapped under this lock, before it exists.
            if (ThreadState.MainThreadReady) ThreadState.Current->RuntimeLocks++;
            long mark = 0;
            long holder = (long)&mark & ~7L;
            while (Interlocked.CompareExchange(ref _word, holder, 0) != 0) { }
        }

        public void Exit()
        {
            if ((Interlocked.Exchange(ref _word, 0) & OwedBit) != 0) Suspension.ParkOwed();
            if (ThreadState.MainThreadReady) ThreadState.LeaveRuntimeLock();
        }

        /// <summary>
        /// From the stop handler, on the thread whose stack runs from <paramref name="low"/> to <paramref name="high"/>:
        /// true, with the stop owed, if that thread holds the lock.
        /// </summary>
        public bool OweStopIfHeld(nuint low, nuint high)
        {
            long word = Volatile.Read(ref _word);
            if (word == 0 || (nuint)word <= low || (nuint)word >= high) return false;
            Interlocked.Or(ref _word, OwedBit);
            return true;
        }
    }
}
