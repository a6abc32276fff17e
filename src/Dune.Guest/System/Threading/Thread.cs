using System.Runtime.CompilerServices;
using Dune.Platform;
using Internal.Runtime.Gc;
using Internal.Runtime.Threads;

namespace System.Threading
{
    public delegate void ThreadStart();
    public delegate void ParameterizedThreadStart(object obj);

    /// <summary>
    /// A managed thread: a kernel thread of this process (Thread.Start.cs) with its own stack, TLS block and
    /// runtime state. The process ends when Main returns and every foreground thread has finished; background
    /// threads end with it. An exception a thread does not catch ends the process with the usual report.
    /// </summary>
    public sealed unsafe partial class Thread
    {
        private const int Unstarted = 0, Running = 1, Stopped = 2;

        [ThreadStatic] private static Thread t_current;
        /// <summary>Managed ids: the main thread has 1.</summary>
        private static int s_lastId = 1;
        /// <summary>Started foreground threads that have not finished: Main's return waits for them.</summary>
        private static int s_foregroundRunning;

        private readonly Delegate _start;
        private object _argument;
        private readonly int _maxStackSize;
        private readonly int _id;
        private string _name;
        private bool _background;
        private int _state;
        /// <summary>Becomes 1 when the thread has finished; joiners sleep on it.</summary>
        private int _finished;

        public Thread(ThreadStart start) : this(start, 0) { }
        public Thread(ParameterizedThreadStart start) : this(start, 0) { }
        public Thread(ThreadStart start, int maxStackSize) : this((Delegate)start, maxStackSize) { }
        public Thread(ParameterizedThreadStart start, int maxStackSize) : this((Delegate)start, maxStackSize) { }

        private Thread(Delegate start, int maxStackSize)
        {
            ArgumentNullException.ThrowIfNull(start, nameof(start));
            if (maxStackSize < 0) throw new ArgumentOutOfRangeException(nameof(maxStackSize), "Non-negative number required.");
            _start = start;
            _maxStackSize = maxStackSize;
            _id = Interlocked.Increment(ref s_lastId);
        }

        /// <summary>The Thread object of a thread the runtime did not start through this class (the main thread).</summary>
        private Thread(int id)
        {
            _id = id;
            _state = Running;
        }

        public static Thread CurrentThread => t_current ??= new Thread(ThreadState.Current->ManagedThreadId);

        public int ManagedThreadId => _id;

        public string Name
        {
            get => _name;
            set
            {
                if (_name != null && _name != value) throw new InvalidOperationException("The Name property has already been set.");
                _name = value;
            }
        }

        public bool IsAlive => Volatile.Read(ref _state) == Running;

        public bool IsBackground
        {
            get => _background;
            set
            {
                // Only a running thread counts among the foreground threads.
                lock (this)
                {
                    if (_background == value) return;
                    _background = value;
                    if (Volatile.Read(ref _state) == Running && _start != null)
                    {
                        if (value) LeaveForeground();
                        else Interlocked.Increment(ref s_foregroundRunning);
                    }
                }
            }
        }

        public void Join() => Join(Timeout.Infinite);

        public bool Join(TimeSpan timeout) => Join(WaitTimeout.ToMilliseconds(timeout));

        /// <summary>Waits until the thread has finished; false if <paramref name="millisecondsTimeout"/> passed first.</summary>
        public bool Join(int millisecondsTimeout)
        {
            var timeout = new WaitTimeout(millisecondsTimeout);
            if (Volatile.Read(ref _state) == Unstarted) throw new ThreadStateException("Thread has not been started.");
            int* finished = (int*)Unsafe.AsPointer(ref _finished);
            while (Volatile.Read(ref _finished) == 0)
            {
                long left = timeout.Remaining;
                if (left == 0) return false;
                Linux.FutexWait(finished, 0, left);
            }
            return true;
        }

        public static void Sleep(TimeSpan timeout) => Sleep(WaitTimeout.ToMilliseconds(timeout));

        public static void Sleep(int millisecondsTimeout)
        {
            if (millisecondsTimeout < -1) throw new ArgumentOutOfRangeException(nameof(millisecondsTimeout), "Number must be either non-negative and less than or equal to Int32.MaxValue or -1.");
            if (millisecondsTimeout == 0) Linux.SchedYield();
            else if (millisecondsTimeout == Timeout.Infinite)
                while (true) Linux.Sleep(1000000000L * 3600);
            else Linux.Sleep(millisecondsTimeout * 1000000L);
        }

        public static bool Yield()
        {
            Linux.SchedYield();
            return true;
        }

        public static void SpinWait(int iterations)
        {
            for (int i = 0; i < iterations; i++) Interlocked.SpinPause();
        }

        /// <summary>Main has returned: the process lives on until the foreground threads have finished.</summary>
        internal static void WaitForForegroundThreads()
        {
            int* running = (int*)Unsafe.AsPointer(ref s_foregroundRunning);
            if (Volatile.Read(ref s_foregroundRunning) != 0)
            {
                GcHeap.Lock();
                ForgetOthersIfForked(Linux.GetPid());
                GcHeap.Unlock();
            }
            for (int n; (n = Volatile.Read(ref s_foregroundRunning)) != 0;) Linux.FutexWait(running, n);
        }

        private static void LeaveForeground()
        {
            if (Interlocked.Decrement(ref s_foregroundRunning) == 0)
                Linux.FutexWake((int*)Unsafe.AsPointer(ref s_foregroundRunning), 1);
        }

        /// <summary>The thread's body, on the new thread.</summary>
        private void Run()
        {
            t_current = this;
            if (_start is ThreadStart start) start();
            else ((ParameterizedThreadStart)_start)(_argument);
            _argument = null;
        }

        /// <summary>The thread's body has returned: wake joiners, and the process if this was the last foreground thread.</summary>
        private void Finish()
        {
            lock (this)
            {
                Volatile.Write(ref _state, Stopped);
                if (!_background) LeaveForeground();
            }
            Volatile.Write(ref _finished, 1);
            Linux.FutexWake((int*)Unsafe.AsPointer(ref _finished), int.MaxValue);
        }
    }
}
