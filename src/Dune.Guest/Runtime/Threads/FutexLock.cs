using System.Runtime.CompilerServices;
using System.Threading;
using Dune.Platform;

namespace Internal.Runtime.Threads
{
    /// <summary>
    /// The runtime's mutex: one word, 0 free, 1 held, 2 held with sleepers; uncontended enter and exit are one
    /// atomic instruction each, a contended enter spins briefly and then sleeps on the word's futex. Not
    /// reentrant. Lives in static or heap memory (the heap does not move objects). The thread's C# signal handlers
    /// wait while it holds or waits for one (<see cref="ThreadState.RuntimeLocks"/>).
    /// </summary>
    internal unsafe struct FutexLock
    {
        private const int SpinCount = 100;
        private int _state;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Enter()
        {
            ThreadState.Current->RuntimeLocks++;
            if (Interlocked.CompareExchange(ref _state, 1, 0) != 0) EnterContended();
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private void EnterContended()
        {
            for (int i = 0; i < SpinCount; i++)
            {
                if (Volatile.Read(ref _state) == 0 && Interlocked.CompareExchange(ref _state, 1, 0) == 0) return;
                Interlocked.SpinPause();
            }
            int* word = (int*)Unsafe.AsPointer(ref _state);
            while (Interlocked.Exchange(ref _state, 2) != 0) Linux.FutexWait(word, 2);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Exit()
        {
            if (Interlocked.Exchange(ref _state, 0) == 2) Linux.FutexWake((int*)Unsafe.AsPointer(ref _state), 1);
            ThreadState.LeaveRuntimeLock();
        }
    }
}
