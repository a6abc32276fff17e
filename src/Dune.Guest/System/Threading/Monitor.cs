using System.Runtime.CompilerServices;
using Dune.Platform;
using Internal.Runtime.Threads;

namespace System.Threading
{
    /// <summary>
    /// Object locks (<c>lock</c> lowers to <see cref="Enter(object, ref bool)"/> and <see cref="Exit"/>). The lock
    /// lives in the 8-byte header before every object's MethodTable pointer, which nothing else uses: the low
    /// half holds the owner's managed thread id (0: free) with bit 31 set when a thread may sleep on it (the
    /// futex word), the high half the owner's recursion count. <see cref="Wait(object, int)"/> and
    /// <see cref="Pulse"/> keep a FIFO of sleeping threads (records on their own stacks) under one runtime lock.
    /// </summary>
    public static unsafe class Monitor
    {
        private const int Contended = unchecked((int)0x80000000);
        private const int SpinCount = 64;

        /// <summary>A thread in <see cref="Wait(object, int)"/>: on its stack, linked while it waits.</summary>
        private struct Waiter
        {
            public nint Object;
            public int Signaled;
            public Waiter* Next;
        }

        private static FutexLock s_waitersLock;
        private static Waiter* s_waitersHead, s_waitersTail;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int* LockWord(object obj) => (int*)(Unsafe.As<object, nint>(ref obj) - sizeof(nint));

        private static int CurrentId => ThreadState.Current->ManagedThreadId;

        public static void Enter(object obj)
        {
            ArgumentNullException.ThrowIfNull(obj, nameof(obj));
            int* word = LockWord(obj);
            int id = CurrentId;
            if (Interlocked.CompareExchange(ref *word, id, 0) == 0) return;
            if ((*word & ~Contended) == id) word[1]++;
            else Acquire(word, id, new WaitTimeout(Timeout.Infinite));
        }

        public static void Enter(object obj, ref bool lockTaken)
        {
            if (lockTaken) throw new ArgumentException("Argument must be initialized to false", nameof(lockTaken));
            Enter(obj);
            lockTaken = true;
        }

        public static bool TryEnter(object obj) => TryEnter(obj, 0);

        public static void TryEnter(object obj, ref bool lockTaken) => TryEnter(obj, 0, ref lockTaken);

        public static bool TryEnter(object obj, TimeSpan timeout) => TryEnter(obj, WaitTimeout.ToMilliseconds(timeout));

        public static void TryEnter(object obj, TimeSpan timeout, ref bool lockTaken) => TryEnter(obj, WaitTimeout.ToMilliseconds(timeout), ref lockTaken);

        public static void TryEnter(object obj, int millisecondsTimeout, ref bool lockTaken)
        {
            if (lockTaken) throw new ArgumentException("Argument must be initialized to false", nameof(lockTaken));
            lockTaken = TryEnter(obj, millisecondsTimeout);
        }

        public static bool TryEnter(object obj, int millisecondsTimeout)
        {
            ArgumentNullException.ThrowIfNull(obj, nameof(obj));
            var timeout = new WaitTimeout(millisecondsTimeout);
            int* word = LockWord(obj);
            int id = CurrentId;
            if (Interlocked.CompareExchange(ref *word, id, 0) == 0) return true;
            if ((*word & ~Contended) == id)
            {
                word[1]++;
                return true;
            }
            return Acquire(word, id, timeout);
        }

        /// <summary>Spins a little, then sleeps on the word with the contended bit set until the lock is free.</summary>
        private static bool Acquire(int* word, int id, WaitTimeout timeout)
        {
            for (int i = 0; i < SpinCount; i++)
            {
                if (*word == 0 && Interlocked.CompareExchange(ref *word, id, 0) == 0) return true;
                Interlocked.SpinPause();
            }
            while (true)
            {
                int seen = Volatile.Read(ref *word);
                if (seen == 0)
                {
                    // Taken with the contended bit: other sleepers may remain, so the exit must wake one.
                    if (Interlocked.CompareExchange(ref *word, id | Contended, 0) == 0) return true;
                    continue;
                }
                if ((seen & Contended) == 0 && Interlocked.CompareExchange(ref *word, seen | Contended, seen) != seen) continue;
                long left = timeout.Remaining;
                if (left == 0) return false;
                Linux.FutexWait(word, seen | Contended, left);
            }
        }

        public static void Exit(object obj)
        {
            ArgumentNullException.ThrowIfNull(obj, nameof(obj));
            int* word = LockWord(obj);
            if ((*word & ~Contended) != CurrentId) throw new SynchronizationLockException();
            if (word[1] > 0) word[1]--;
            else Release(word);
        }

        private static void Release(int* word)
        {
            if ((Interlocked.Exchange(ref *word, 0) & Contended) != 0) Linux.FutexWake(word, 1);
        }

        public static bool IsEntered(object obj)
        {
            ArgumentNullException.ThrowIfNull(obj, nameof(obj));
            return (*LockWord(obj) & ~Contended) == CurrentId;
        }

        public static bool Wait(object obj) => Wait(obj, Timeout.Infinite);

        public static bool Wait(object obj, TimeSpan timeout) => Wait(obj, WaitTimeout.ToMilliseconds(timeout));

        /// <summary>Releases the lock (whatever its recursion), sleeps until pulsed or timed out, and takes the lock
        /// back as it was. True if pulsed.</summary>
        public static bool Wait(object obj, int millisecondsTimeout)
        {
            ArgumentNullException.ThrowIfNull(obj, nameof(obj));
            var timeout = new WaitTimeout(millisecondsTimeout);
            int* word = LockWord(obj);
            int id = CurrentId;
            if ((*word & ~Contended) != id) throw new SynchronizationLockException();
            Waiter waiter = default;
            waiter.Object = Unsafe.As<object, nint>(ref obj);
            s_waitersLock.Enter();
            if (s_waitersTail == null) s_waitersHead = &waiter;
            else s_waitersTail->Next = &waiter;
            s_waitersTail = &waiter;
            s_waitersLock.Exit();

            int recursion = word[1];
            word[1] = 0;
            Release(word);
            while (Volatile.Read(ref waiter.Signaled) == 0)
            {
                long left = timeout.Remaining;
                if (left == 0) break;
                Linux.FutexWait(&waiter.Signaled, 0, left);
            }
            bool signaled = Volatile.Read(ref waiter.Signaled) != 0;
            if (!signaled)
            {
                s_waitersLock.Enter();
                signaled = waiter.Signaled != 0;
                if (!signaled) Unlink(&waiter);
                s_waitersLock.Exit();
            }
            Acquire(word, id, new WaitTimeout(Timeout.Infinite));
            word[1] = recursion;
            return signaled;
        }

        /// <summary>Wakes the longest-waiting thread in <see cref="Wait(object, int)"/> on <paramref name="obj"/>.</summary>
        public static void Pulse(object obj) => Signal(obj, all: false);

        public static void PulseAll(object obj) => Signal(obj, all: true);

        private static void Signal(object obj, bool all)
        {
            ArgumentNullException.ThrowIfNull(obj, nameof(obj));
            if ((*LockWord(obj) & ~Contended) != CurrentId) throw new SynchronizationLockException();
            nint target = Unsafe.As<object, nint>(ref obj);
            s_waitersLock.Enter();
            Waiter* w = s_waitersHead;
            while (w != null)
            {
                Waiter* next = w->Next;
                if (w->Object == target)
                {
                    Unlink(w);
                    // The waiter cannot leave Wait (its record) before it retakes the lock the caller holds.
                    Volatile.Write(ref w->Signaled, 1);
                    Linux.FutexWake(&w->Signaled, 1);
                    if (!all) break;
                }
                w = next;
            }
            s_waitersLock.Exit();
        }

        /// <summary>Removes <paramref name="waiter"/> from the FIFO; under its lock.</summary>
        private static void Unlink(Waiter* waiter)
        {
            Waiter* previous = null;
            for (Waiter* w = s_waitersHead; w != waiter; w = w->Next) previous = w;
            if (previous == null) s_waitersHead = waiter->Next;
            else previous->Next = waiter->Next;
            if (s_waitersTail == waiter) s_waitersTail = previous;
            waiter->Next = null;
        }
    }
}
