using System.Collections.Generic;

namespace System.Threading.Tasks
{
    public enum TaskStatus { Created, WaitingForActivation, WaitingToRun, Running, WaitingForChildrenToComplete, RanToCompletion, Canceled, Faulted }

    /// <summary>
    /// Work run on the <see cref="ThreadPool"/>, to wait for: <see cref="Run(Action)"/>, <see cref="Wait()"/>,
    /// <see cref="Task{TResult}.Result"/>, <see cref="WaitAll"/> and <see cref="WhenAll(Task[])"/>. No async/await
    /// (the compiler's builders are not there), no cancellation, no continuations beyond WhenAll.
    /// </summary>
    public class Task
    {
        private readonly Action _action;
        private readonly ManualResetEventSlim _completed = new ManualResetEventSlim(false);
        private volatile TaskStatus _status;
        /// <summary>What the body threw (or, for WhenAll, what the tasks threw); null unless faulted.</summary>
        private Exception[] _errors;
        /// <summary>Run when the task completes (WhenAll); guarded by locking the task.</summary>
        private List<Action> _continuations;

        private static Task s_completed;

        public Task(Action action)
        {
            ArgumentNullException.ThrowIfNull(action, nameof(action));
            _action = action;
        }

        /// <summary>A task completed by <see cref="Complete"/> rather than by running a body.</summary>
        private protected Task() => _status = TaskStatus.WaitingForActivation;

        public static Task CompletedTask
        {
            get
            {
                if (s_completed == null)
                {
                    var done = new Task();
                    done.Complete(null);
                    s_completed = done;
                }
                return s_completed;
            }
        }

        public TaskStatus Status => _status;
        public bool IsCompleted => _status == TaskStatus.RanToCompletion || _status == TaskStatus.Faulted || _status == TaskStatus.Canceled;
        public bool IsCompletedSuccessfully => _status == TaskStatus.RanToCompletion;
        public bool IsFaulted => _status == TaskStatus.Faulted;
        public bool IsCanceled => false;

        /// <summary>What the task threw, wrapped; null unless it faulted.</summary>
        public AggregateException Exception => _errors == null ? null : new AggregateException(_errors);

        public static Task Run(Action action)
        {
            var task = new Task(action);
            task.Start();
            return task;
        }

        public static Task<TResult> Run<TResult>(Func<TResult> function)
        {
            var task = new Task<TResult>(function);
            task.Start();
            return task;
        }

        public static Task<TResult> FromResult<TResult>(TResult result)
        {
            var task = new Task<TResult>();
            task.SetResult(result);
            return task;
        }

        public void Start()
        {
            if (_status != TaskStatus.Created) throw new InvalidOperationException("Start may not be called on a task that was already started.");
            _status = TaskStatus.WaitingToRun;
            ThreadPool.QueueUserWorkItem(static state => ((Task)state).Execute(), this);
        }

        public void RunSynchronously()
        {
            if (_status != TaskStatus.Created) throw new InvalidOperationException("RunSynchronously may not be called on a task that was already started.");
            Execute();
        }

        private void Execute()
        {
            _status = TaskStatus.Running;
            try
            {
                Body();
                Complete(null);
            }
            catch (Exception e)
            {
                Complete(new[] { e });
            }
        }

        private protected virtual void Body() => _action();

        /// <summary>Publishes the outcome, wakes waiters and runs continuations.</summary>
        private protected void Complete(Exception[] errors)
        {
            List<Action> continuations;
            lock (this)
            {
                _errors = errors;
                _status = errors == null ? TaskStatus.RanToCompletion : TaskStatus.Faulted;
                continuations = _continuations;
                _continuations = null;
            }
            _completed.Set();
            if (continuations != null)
                foreach (Action continuation in continuations) continuation();
        }

        /// <summary>Runs <paramref name="continuation"/> when the task completes (at once if it has).</summary>
        private void OnCompleted(Action continuation)
        {
            lock (this)
            {
                if (!IsCompleted)
                {
                    (_continuations ??= new List<Action>()).Add(continuation);
                    return;
                }
            }
            continuation();
        }

        public void Wait() => Wait(Timeout.Infinite);

        public bool Wait(TimeSpan timeout) => Wait(WaitTimeout.ToMilliseconds(timeout));

        /// <summary>Waits for the task; throws an <see cref="AggregateException"/> if it faulted.</summary>
        public bool Wait(int millisecondsTimeout)
        {
            if (!_completed.Wait(millisecondsTimeout)) return false;
            if (_errors != null) throw new AggregateException(_errors);
            return true;
        }

        public static void WaitAll(params Task[] tasks)
        {
            ArgumentNullException.ThrowIfNull(tasks, nameof(tasks));
            List<Exception> errors = null;
            foreach (Task task in tasks)
            {
                task._completed.Wait();
                if (task._errors != null) (errors ??= new List<Exception>()).AddRange(task._errors);
            }
            if (errors != null) throw new AggregateException(errors);
        }

        public static Task WhenAll(IEnumerable<Task> tasks) => WhenAll(new List<Task>(tasks).ToArray());

        /// <summary>A task that completes when all of <paramref name="tasks"/> have, faulted with their exceptions if any did.</summary>
        public static Task WhenAll(params Task[] tasks)
        {
            ArgumentNullException.ThrowIfNull(tasks, nameof(tasks));
            var all = new Task();
            All(tasks, all, () => all.Complete(Failures(tasks)));
            return all;
        }

        public static Task<TResult[]> WhenAll<TResult>(params Task<TResult>[] tasks)
        {
            ArgumentNullException.ThrowIfNull(tasks, nameof(tasks));
            var all = new Task<TResult[]>();
            All(tasks, all, () =>
            {
                Exception[] failure = Failures(tasks);
                if (failure != null)
                {
                    all.Complete(failure);
                    return;
                }
                var results = new TResult[tasks.Length];
                for (int i = 0; i < tasks.Length; i++) results[i] = tasks[i].ResultUnchecked;
                all.SetResult(results);
            });
            return all;
        }

        private static void All(Task[] tasks, Task all, Action finish)
        {
            if (tasks.Length == 0)
            {
                finish();
                return;
            }
            int remaining = tasks.Length;
            foreach (Task task in tasks)
                task.OnCompleted(() =>
                {
                    if (Interlocked.Decrement(ref remaining) == 0) finish();
                });
        }

        /// <summary>Every exception the tasks threw, in task order; null if none failed.</summary>
        private static Exception[] Failures(Task[] tasks)
        {
            List<Exception> errors = null;
            foreach (Task task in tasks)
                if (task._errors != null) (errors ??= new List<Exception>()).AddRange(task._errors);
            return errors?.ToArray();
        }
    }

    public class Task<TResult> : Task
    {
        private readonly Func<TResult> _function;
        private TResult _result;

        public Task(Func<TResult> function) : base(static () => { })
        {
            ArgumentNullException.ThrowIfNull(function, nameof(function));
            _function = function;
        }

        internal Task() { }

        /// <summary>Waits for the value; throws an <see cref="AggregateException"/> if the task faulted.</summary>
        public TResult Result
        {
            get
            {
                Wait();
                return _result;
            }
        }

        internal TResult ResultUnchecked => _result;

        private protected override void Body() => _result = _function();

        internal void SetResult(TResult result)
        {
            _result = result;
            Complete(null);
        }
    }
}
