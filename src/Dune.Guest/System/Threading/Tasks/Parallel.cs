using System.Collections.Generic;

namespace System.Threading.Tasks
{
    public readonly struct ParallelLoopResult
    {
        public bool IsCompleted => true;
    }

    /// <summary>Loops whose iterations run on the calling thread and the <see cref="ThreadPool"/> at once; the
    /// exceptions of failed iterations end up in one <see cref="AggregateException"/>.</summary>
    public static class Parallel
    {
        public static ParallelLoopResult For(int fromInclusive, int toExclusive, Action<int> body)
        {
            ArgumentNullException.ThrowIfNull(body, nameof(body));
            if (toExclusive <= fromInclusive) return default;
            long next = fromInclusive;
            var errors = new List<Exception>();
            Action loop = () =>
            {
                while (true)
                {
                    long i = Interlocked.Increment(ref next) - 1;
                    if (i >= toExclusive) return;
                    try
                    {
                        body((int)i);
                    }
                    catch (Exception e)
                    {
                        lock (errors) errors.Add(e);
                        Interlocked.Exchange(ref next, toExclusive);
                    }
                }
            };
            int helpers = Math.Min(Environment.ProcessorCount, toExclusive - fromInclusive) - 1;
            var tasks = new Task[helpers];
            for (int i = 0; i < helpers; i++) tasks[i] = Task.Run(loop);
            loop();
            foreach (Task task in tasks) task.Wait();
            if (errors.Count > 0) throw new AggregateException(errors);
            return default;
        }

        public static ParallelLoopResult ForEach<TSource>(IEnumerable<TSource> source, Action<TSource> body)
        {
            ArgumentNullException.ThrowIfNull(source, nameof(source));
            var items = new List<TSource>(source);
            return For(0, items.Count, i => body(items[i]));
        }
    }
}
