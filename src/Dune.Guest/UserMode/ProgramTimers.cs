using System;
using Dune.Platform;

namespace Dune.UserMode
{
    /// <summary>
    /// The sandboxed program's POSIX timers: host timers made by forwarding timer_create with a copy of the program's
    /// own sigevent (value, signal, notification), so the host's siginfo for them is the one Linux gives the program
    /// and <see cref="HostSignalRelay"/> passes it on (SI_TIMER, si_tid, si_overrun, si_value). A signal whose host
    /// number is the monitor's (35-38, SIGPIPE and the faults the runtime handles: not relayed) travels as the relay's
    /// <see cref="HostSignalRelay.TimerCarrier"/> instead, and the relay raises the timer's own signal for the program.
    /// SIGKILL and SIGSTOP, which no handler takes, stay the host's: they end or stop the whole process, monitor and
    /// program, just as any sender's would. A SIGEV_THREAD_ID target must be a thread of the program (EINVAL, as for a
    /// thread outside the process), and the other timer calls may name only the program's timers (the backends'
    /// own timers share the host process: EINVAL, as for an id that does not exist). Timers end at execve and are
    /// not inherited by fork, as on Linux. The relay reads the table without a lock (it may interrupt a writer on
    /// its own vCPU), so writers replace the array whole.
    /// </summary>
    internal sealed unsafe class ProgramTimers
    {
        private const int EFAULT = 14, EINVAL = 22;
        private const long TimerCreate = 222, TimerSettime = 223, TimerGettime = 224, TimerGetoverrun = 225, TimerDelete = 226;
        /// <summary>struct sigevent: its size and fields; struct itimerspec's size.</summary>
        private const int SigeventBytes = 64, SigevSigno = 8, SigevNotify = 12, SigevTid = 16, ItimerspecBytes = 32;
        private const int SigevNone = 1, SigevThreadId = 4, SigKill = 9, SigStop = 19;

        private struct Timer
        {
            public int Id;
            /// <summary>The thread a SIGEV_THREAD_ID timer signals; null for the process.</summary>
            public ThreadSignals Target;
            /// <summary>si_overrun of the timer's last signal the program took: what timer_getoverrun reports.</summary>
            public int LastOverrun;
            /// <summary>The program's signal when the host timer sends <see cref="HostSignalRelay.TimerCarrier"/> instead; 0 if it sends its own.</summary>
            public int CarriedSignal;
        }

        private Timer[] _timers = Array.Empty<Timer>();

        /// <summary>timer_create(clockid, sevp, timerid).</summary>
        public long Create(UserSpace space, in SyscallCall call)
        {
            if (call.Arg1 != 0 && !space.IsUserAccessible((ulong)call.Arg1, SigeventBytes, false)) return -EFAULT;
            if (!space.IsUserAccessible((ulong)call.Arg2, 4, true)) return -EFAULT;
            // A copy: another thread of the program cannot change what was checked before the host reads it.
            byte* sigevent = stackalloc byte[SigeventBytes];
            ThreadSignals target = null;
            int carried = 0;
            if (call.Arg1 != 0)
            {
                for (int i = 0; i < SigeventBytes; i++) sigevent[i] = ((byte*)call.Arg1)[i];
                int notify = *(int*)(sigevent + SigevNotify), signal = *(int*)(sigevent + SigevSigno);
                if (notify != SigevNone && signal >= 1 && signal <= ProgramSignals.Count && !HostSignalRelay.Relays(signal)
                    && signal != SigKill && signal != SigStop)
                {
                    carried = signal;
                    *(int*)(sigevent + SigevSigno) = HostSignalRelay.TimerCarrier;
                }
                if (notify == SigevThreadId && (target = space.Signals.ThreadWithTid(*(int*)(sigevent + SigevTid))) == null) return -EINVAL;
            }
            int id;
            long r = Syscall.Invoke(TimerCreate, call.Arg0, call.Arg1 != 0 ? (long)sigevent : 0, (long)&id);
            if (r != 0) return r;
            lock (this) Publish(Added(id, target, carried));
            *(int*)call.Arg2 = id;
            return 0;
        }

        /// <summary>timer_settime, timer_gettime, timer_getoverrun, timer_delete on one of the program's timers.</summary>
        public long Call(UserSpace space, in SyscallCall call)
        {
            if (Find((int)call.Arg0) < 0) return -EINVAL;
            switch (call.Number)
            {
                case TimerSettime:
                    if (!space.IsUserAccessible((ulong)call.Arg2, ItimerspecBytes, false)) return call.Arg2 == 0 ? -EINVAL : -EFAULT;
                    if (call.Arg3 != 0 && !space.IsUserAccessible((ulong)call.Arg3, ItimerspecBytes, true)) return -EFAULT;
                    return Syscall.Invoke(TimerSettime, call.Arg0, call.Arg1, call.Arg2, call.Arg3);
                case TimerGettime:
                    if (!space.IsUserAccessible((ulong)call.Arg1, ItimerspecBytes, true)) return -EFAULT;
                    return Syscall.Invoke(TimerGettime, call.Arg0, call.Arg1);
                case TimerGetoverrun:
                    lock (this)
                    {
                        int i = Find((int)call.Arg0);
                        return i < 0 ? -EINVAL : _timers[i].LastOverrun;
                    }
                default:
                    long r = Syscall.Invoke(TimerDelete, call.Arg0);
                    if (r == 0) lock (this) Publish(Removed((int)call.Arg0));
                    return r;
            }
        }

        /// <summary>
        /// The program took a signal (its handler runs, or sigwaitinfo returned it): if a timer's, timer_getoverrun
        /// reports its overrun from now on, as Linux's does. Counted here, not by the host: expiries that came while the
        /// program blocked the signal reached the monitor and were merged into it (<see cref="SignalInfo.TryMergeTimer"/>).
        /// </summary>
        public void Delivered(in SignalInfo info)
        {
            if (info.Code != SignalInfo.SiTimer) return;
            lock (this)
            {
                int i = Find(info.TimerId);
                if (i >= 0) _timers[i].LastOverrun = info.Overrun;
            }
        }

        /// <summary>The thread timer <paramref name="id"/> signals, or null for the process (or no such timer).</summary>
        public ThreadSignals TargetOf(int id)
        {
            // One read of the table: a writer may replace it between a lookup and the use of its index.
            Timer[] timers = _timers;
            int i = IndexOf(timers, id);
            return i < 0 ? null : timers[i].Target;
        }

        /// <summary>The program's signal of timer <paramref name="id"/> when the host timer sends the carrier; 0 otherwise (or no such timer).</summary>
        public int CarriedSignalOf(int id)
        {
            Timer[] timers = _timers;
            int i = IndexOf(timers, id);
            return i < 0 ? 0 : timers[i].CarriedSignal;
        }

        /// <summary>execve: the program's timers go, in the host too (the monitor's process lives on).</summary>
        public void DeleteAll()
        {
            lock (this)
            {
                Timer[] timers = _timers;
                for (int i = 0; i < timers.Length; i++) Syscall.Invoke(TimerDelete, timers[i].Id);
                Publish(Array.Empty<Timer>());
            }
        }

        /// <summary>A forked child: the host child has none of the parent's timers.</summary>
        public void Forget()
        {
            lock (this) Publish(Array.Empty<Timer>());
        }

        private int Find(int id) => IndexOf(_timers, id);

        private static int IndexOf(Timer[] timers, int id)
        {
            for (int i = 0; i < timers.Length; i++)
                if (timers[i].Id == id) return i;
            return -1;
        }

        private Timer[] Added(int id, ThreadSignals target, int carriedSignal)
        {
            Timer[] timers = new Timer[_timers.Length + 1];
            for (int i = 0; i < _timers.Length; i++) timers[i] = _timers[i];
            timers[_timers.Length] = new Timer { Id = id, Target = target, CarriedSignal = carriedSignal };
            return timers;
        }

        private Timer[] Removed(int id)
        {
            int at = Find(id);
            if (at < 0) return _timers;
            Timer[] timers = new Timer[_timers.Length - 1];
            for (int i = 0, j = 0; i < _timers.Length; i++)
                if (i != at) timers[j++] = _timers[i];
            return timers;
        }

        private void Publish(Timer[] timers) => System.Threading.Volatile.Write(ref _timers, timers);
    }
}
