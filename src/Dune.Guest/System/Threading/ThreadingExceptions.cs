namespace System.Threading
{
    public class SynchronizationLockException : SystemException
    {
        public SynchronizationLockException() { }
        public SynchronizationLockException(string message) : base(message) { }
        internal override string DefaultMessage => "Object synchronization method was called from an unsynchronized block of code.";
    }

    public class ThreadStateException : SystemException
    {
        public ThreadStateException() { }
        public ThreadStateException(string message) : base(message) { }
        internal override string DefaultMessage => "Thread was in an invalid state for the operation being executed.";
    }

    public class LockRecursionException : Exception
    {
        public LockRecursionException() { }
        public LockRecursionException(string message) : base(message) { }
    }

    public class SemaphoreFullException : SystemException
    {
        public SemaphoreFullException() { }
        public SemaphoreFullException(string message) : base(message) { }
        internal override string DefaultMessage => "Adding the specified count to the semaphore would cause it to exceed its maximum count.";
    }

    public static class Timeout
    {
        public const int Infinite = -1;
        public static readonly TimeSpan InfiniteTimeSpan = new TimeSpan(0, 0, 0, 0, Infinite);
    }
}
