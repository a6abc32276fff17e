using System.Runtime.CompilerServices;
using System.Threading;

namespace Dune.Backends
{
    /// <summary>
    /// A mutex for the host halves of several vCPUs (the mirror, the vCPU slots): one word, 0 free, 1 held, 2 held
    /// with sleepers, sleeping on its futex through <see cref="HostSyscall"/> (the runtime's FutexLock would
    /// hypercall). Lives in static memory.
    /// </summary>
    internal unsafe struct HostLock
    {
        private const long FutexWaitPrivate = 128, FutexWakePrivate = 129;
        private int _state;

        public void Enter()
        {
            if (Interlocked.CompareExchange(ref _state, 1, 0) == 0) return;
            int* word = (int*)Unsafe.AsPointer(ref _state);
            while (Interlocked.Exchange(ref _state, 2) != 0)
                HostSyscall.Invoke(Platform.SyscallNumber.Futex, (long)word, FutexWaitPrivate, 2, 0, 0, 0);
        }

        public void Exit()
        {
            if (Interlocked.Exchange(ref _state, 0) == 2)
                HostSyscall.Invoke(Platform.SyscallNumber.Futex, (long)Unsafe.AsPointer(ref _state), FutexWakePrivate, 1, 0, 0, 0);
        }
    }
}
