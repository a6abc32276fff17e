using Dune.Platform;

namespace Dune.UserMode
{
    /// <summary>
    /// The emulated signal calls, on the calling thread's <see cref="ThreadSignals"/> and its process's
    /// <see cref="ProgramSignals"/>: the per-thread mask, alternate stack and pending view, rt_sigsuspend,
    /// rt_sigtimedwait (sigwait, sigtimedwait), kill/tkill/tgkill and sigqueue to the program itself or its threads (to its
    /// child processes: <see cref="ProgramProcesses"/>). A signal another thread must take wakes that thread
    /// (<see cref="Ring3.Wake"/>). Pointers are checked here before they are used.
    /// </summary>
    internal static unsafe class SignalCalls
    {
        private const int EPERM = 1, ESRCH = 3, EINTR = 4, EAGAIN = 11, EFAULT = 14, EINVAL = 22;
        private const long Getuid = 102, Pause = 34, ClockGettime = 228, ClockNanosleep = 230;
        private const int ClockMonotonic = 1, TimerAbstime = 1, SiginfoBytes = 128;
        private const long NanosPerSecond = 1_000_000_000;

        /// <summary>rt_sigprocmask(how, set, oset, sigsetsize): the calling thread's mask.</summary>
        public static long Mask(UserSpace space, ThreadSignals thread, in SyscallCall call)
        {
            if (!Readable(space, call.Arg1, 8) || !Writable(space, call.Arg2, 8)) return -EFAULT;
            return Ring3.SetMask(thread, call.Arg0, (ulong*)call.Arg1, (ulong*)call.Arg2, call.Arg3);
        }

        /// <summary>rt_sigpending(set, sigsetsize): the thread's and the process's pending signals it blocks.</summary>
        public static long Pending(UserSpace space, ThreadSignals thread, in SyscallCall call)
        {
            if (call.Arg1 != 8) return -EINVAL;
            if (!space.IsUserAccessible((ulong)call.Arg0, 8, true)) return -EFAULT;
            *(ulong*)call.Arg0 = thread.PendingBlocked;
            return 0;
        }

        /// <summary>sigaltstack(ss, old_ss): the calling thread's alternate stack.</summary>
        public static long AltStack(UserSpace space, ThreadSignals thread, in SyscallCall call)
        {
            if (!Readable(space, call.Arg0, ProgramSignals.StackBytes) || !Writable(space, call.Arg1, ProgramSignals.StackBytes)) return -EFAULT;
            return thread.AltStack((byte*)call.Arg0, (byte*)call.Arg1, call.Frame->Rsp);
        }

        /// <summary>
        /// rt_sigsuspend: waits with the given mask until a signal is deliverable (the host's pause returns when a
        /// host signal arrived: a relayed one, or the wake of a thread that raised one), then EINTR; the old mask comes
        /// back after the handler.
        /// </summary>
        public static long Suspend(UserSpace space, ThreadSignals thread, in SyscallCall call)
        {
            if (call.Arg1 != 8) return -EINVAL;
            if (!space.IsUserAccessible((ulong)call.Arg0, 8, false)) return -EFAULT;
            thread.SuspendWith(*(ulong*)call.Arg0);
            while (!ProgramCall.SignalsDue(thread)) ProgramCall.Invoke(Pause);
            return -EINTR;
        }

        /// <summary>
        /// rt_sigtimedwait(set, info, timeout, sigsetsize): takes the lowest signal of the set pending for the thread
        /// or its process (blocked or not), filling its siginfo; waits for one (meanwhile the thread takes signals of
        /// the set sent to the process), up to the timeout (EAGAIN); EINTR when a handler is due first.
        /// </summary>
        public static long TimedWait(UserSpace space, ThreadSignals thread, in SyscallCall call)
        {
            if (call.Arg3 != 8) return -EINVAL;
            if (!space.IsUserAccessible((ulong)call.Arg0, 8, false) || !Writable(space, call.Arg1, SiginfoBytes)
                || !Readable(space, call.Arg2, SyscallPointerArgs.TimespecBytes)) return -EFAULT;
            ulong set = *(ulong*)call.Arg0 & ~ProgramSignals.Unblockable;
            long* deadline = stackalloc long[2];
            if (call.Arg2 != 0)
            {
                long seconds = ((long*)call.Arg2)[0], nanos = ((long*)call.Arg2)[1];
                if (seconds < 0 || nanos < 0 || nanos >= NanosPerSecond) return -EINVAL;
                Syscall.Invoke(ClockGettime, ClockMonotonic, (long)deadline);
                deadline[0] += seconds;
                deadline[1] += nanos;
                if (deadline[1] >= NanosPerSecond) { deadline[0]++; deadline[1] -= NanosPerSecond; }
            }
            thread.Waiting = set;
            try
            {
                while (true)
                {
                    // The look first: a signal of the set relayed after it makes the wait below not start.
                    bool due = ProgramCall.SignalsDue(thread);
                    int n = thread.NextOf(set);
                    if (n != 0)
                    {
                        SignalInfo info = thread.Take(n);
                        space.Timers.Delivered(info);
                        if (call.Arg1 != 0) WriteSiginfo((byte*)call.Arg1, info);
                        return n;
                    }
                    if (due) return -EINTR;
                    if (call.Arg2 == 0) ProgramCall.Invoke(Pause);
                    else if (ProgramCall.Invoke(ClockNanosleep, ClockMonotonic, TimerAbstime, (long)deadline, 0) == 0 && thread.NextOf(set) == 0) return -EAGAIN;
                }
            }
            finally
            {
                thread.Waiting = 0;
            }
        }

        /// <summary>
        /// kill(pid, sig): the program itself (its pid) takes it as a process signal (SI_USER); 0, -1 and process
        /// groups reach the program (when in the group) and its child processes (<see cref="ProgramProcesses"/>);
        /// any other process is EPERM.
        /// </summary>
        public static long Kill(UserSpace space, ThreadSignals thread, long target, long signal)
        {
            if (signal < 0 || signal > ProgramSignals.Count) return -EINVAL;
            long pid = Syscall.Invoke(SyscallNumber.Getpid);
            if (target == pid) return ToProcess(space, thread, (int)signal, SignalInfo.SiUser, pid);
            long r = ProgramProcesses.Kill(target, (int)signal, pid, out bool self);
            if (!self) return r;
            return ToProcess(space, thread, (int)signal, SignalInfo.SiUser, pid);
        }

        /// <summary>tgkill(tgid, tid, sig) and tkill(tid, sig) (<paramref name="tgid"/> -1): a thread of the program (SI_TKILL); ESRCH for no such thread.</summary>
        public static long ThreadKill(UserSpace space, ThreadSignals thread, long tgid, long tid, long signal)
        {
            if (signal < 0 || signal > ProgramSignals.Count || tid <= 0 || tgid == 0 || tgid < -1) return -EINVAL;
            long pid = Syscall.Invoke(SyscallNumber.Getpid);
            if (tgid != -1 && tgid != pid) return -EPERM;
            ThreadSignals target = space.Signals.ThreadWithTid(tid);
            if (target == null) return tgid == -1 && tid != pid ? -EPERM : -ESRCH;
            if (signal == 0) return 0;
            target.Raise(SignalInfo.FromProcess((int)signal, SignalInfo.SiTkill, (uint)pid, (uint)Syscall.Invoke(Getuid)));
            Ring3.Wake(target);
            return 0;
        }

        /// <summary>
        /// rt_sigqueueinfo(tgid, sig, info) (sigqueue) and rt_tgsigqueueinfo(tgid, tid, sig, info) (pthread_sigqueue,
        /// <paramref name="tid"/> not -1): the program itself or one of its threads gets the caller's siginfo (si_code,
        /// si_pid/si_uid, si_value), queued for a real-time signal (EAGAIN when the queues are full). As Linux, a caller
        /// may not pretend to be the kernel, kill or tgkill (si_code &gt;= 0 or SI_TKILL) except to itself. To another
        /// process of the sandbox: the host's rt_sigqueueinfo, whose siginfo that process's monitor relays.
        /// </summary>
        public static long Queue(UserSpace space, ThreadSignals thread, long tgid, long tid, long signal, long info)
        {
            if (info == 0 || !Readable(space, info, SiginfoBytes)) return -EFAULT;
            if (tid != -1 && (tid <= 0 || tgid <= 0)) return -EINVAL;
            long pid = Syscall.Invoke(SyscallNumber.Getpid);
            int code = *(int*)(info + 8);
            if ((code >= 0 || code == SignalInfo.SiTkill) && (tid == -1 ? tgid != pid : tid != thread.Tid)) return -EPERM;
            if (tgid != pid)
            {
                if (tid != -1 || tgid <= 0) return -ESRCH;
                return signal < 0 || signal > ProgramSignals.Count ? -EINVAL : ProgramProcesses.Queue(tgid, (int)signal, info);
            }
            ThreadSignals target = tid == -1 ? null : space.Signals.ThreadWithTid(tid);
            if (tid != -1 && target == null) return -ESRCH;
            if (signal < 0 || signal > ProgramSignals.Count) return -EINVAL;
            if (signal == 0) return 0;
            SignalInfo given = SignalInfo.FromSiginfo((int)signal, code, *(ulong*)(info + 16), *(ulong*)(info + 24));
            bool queued;
            if (target == null)
            {
                Ring3.Wake(space.Signals.Raise(given, thread, out bool full));
                queued = !full;
            }
            else
            {
                queued = target.Raise(given);
                Ring3.Wake(target);
            }
            return queued || code == SignalInfo.SiUser ? 0 : -EAGAIN;
        }

        private static long ToProcess(UserSpace space, ThreadSignals thread, int signal, int code, long pid)
        {
            if (signal == 0) return 0;
            Ring3.Wake(space.Signals.Raise(SignalInfo.FromProcess(signal, code, (uint)pid, (uint)Syscall.Invoke(Getuid)), thread));
            return 0;
        }

        /// <summary>A siginfo_t as rt_sigtimedwait returns it: signo, errno 0, code, the sender's union field, the rest zero.</summary>
        private static void WriteSiginfo(byte* to, in SignalInfo info)
        {
            for (int i = 0; i < SiginfoBytes; i++) to[i] = 0;
            *(int*)to = info.Signal;
            *(int*)(to + 8) = info.Code;
            *(ulong*)(to + 16) = info.Value;
            *(ulong*)(to + 24) = info.Sigval;
        }

        private static bool Readable(UserSpace space, long address, ulong bytes) => address == 0 || space.IsUserAccessible((ulong)address, bytes, false);

        private static bool Writable(UserSpace space, long address, ulong bytes) => address == 0 || space.IsUserAccessible((ulong)address, bytes, true);
    }
}
