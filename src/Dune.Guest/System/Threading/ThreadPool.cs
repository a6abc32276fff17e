using System.Collections.Generic;

namespace System.Threading
{
    public delegate void WaitCallback(object state);

    /// <summary>
    /// A small pool of background threads (one per CPU, at least two) fed from one FIFO queue under a monitor:
    /// workers start on first use and wait for work with <see cref="Monitor.Wait(object)"/>.
    /// </summary>
    public static class ThreadPool
    {
        private static readonly Queue<(WaitCallback Callback, object State)> s_queue = new Queue<(WaitCallback, object)>();
        private static int s_workers;

        public static bool QueueUserWorkItem(WaitCallback callBack) => QueueUserWorkItem(callBack, null);

        public static bool QueueUserWorkItem(WaitCallback callBack, object state)
        {
            ArgumentNullException.ThrowIfNull(callBack, nameof(callBack));
            lock (s_queue)
            {
                s_queue.Enqueue((callBack, state));
                Monitor.Pulse(s_queue);
                if (s_workers == 0) StartWorkers();
            }
            return true;
        }

        public static int ThreadCount => Volatile.Read(ref s_workers);

        private static void StartWorkers()
        {
            int count = Math.Max(2, Environment.ProcessorCount);
            for (int i = 0; i < count; i++)
            {
                var worker = new Thread(Work) { IsBackground = true, Name = ".NET ThreadPool Worker" };
                worker.Start();
            }
            s_workers = count;
        }

        private static void Work()
        {
            while (true)
            {
                (WaitCallback Callback, object State) item;
                lock (s_queue)
                {
                    while (s_queue.Count == 0) Monitor.Wait(s_queue);
                    item = s_queue.Dequeue();
                }
                item.Callback(item.State);
            }
        }
    }
}
