using System.Collections.Generic;

namespace Dune.UserMode
{
    /// <summary>
    /// The program's signals as the monitor keeps them for the whole process, Linux's rules: dispositions
    /// (rt_sigaction, the kernel's 32-byte struct sigaction kept as given), the process's pending set with one
    /// siginfo per signal (standard signals do not queue), and its live threads, each with its own
    /// <see cref="ThreadSignals"/> (mask, alternate stack, its own pending set). A signal sent to the process
    /// (kill, a host signal relayed, a broken pipe) goes to <see cref="Raise(in SignalInfo, ThreadSignals)"/>, which also names the thread that
    /// should take it (one that does not block it, as Linux's complete_signal picks); one sent to a thread (tgkill,
    /// a fault) to <see cref="ThreadSignals.Raise"/>. <see cref="Ring3"/> delivers what is deliverable before a
    /// thread's ring 3 resumes. Pure bookkeeping; every change of the pending sets or the threads holds this object's lock.
    /// </summary>
    public sealed unsafe partial class ProgramSignals
    {
        /// <summary>The number of signals (1 to 64), and the sizes of the kernel's struct sigaction and of stack_t in bytes.</summary>
        public const int Count = 64, ActionBytes = 32, StackBytes = 24;
        /// <summary>Signal numbers the rules below name.</summary>
        public const int SigKill = 9, SigSegv = 11, SigCont = 18, SigStop = 19;
        /// <summary>sa_handler values.</summary>
        public const ulong SigDfl = 0, SigIgn = 1;
        /// <summary>sa_flags bits.</summary>
        public const ulong SaSigInfo = 4, SaOnStack = 0x0800_0000, SaRestart = 0x1000_0000, SaNoDefer = 0x4000_0000,
            SaResetHand = 0x8000_0000, SaRestorer = 0x0400_0000;
        /// <summary>ss_flags values.</summary>
        public const int SsOnStack = 1, SsDisable = 2;
        /// <summary>ss_flags bit: the stack is disabled while a handler runs on it.</summary>
        public const uint SsAutoDisarm = 1U << 31;
        internal const int EINVAL = 22;
        internal const ulong Unblockable = (1UL << (SigKill - 1)) | (1UL << (SigStop - 1));

        /// <summary>RLIMIT_SIGPENDING when the host's cannot be read: Linux's for a machine with 8 GiB.</summary>
        public const int DefaultQueueLimit = 31_000;

        private readonly byte[] _actions = new byte[Count * ActionBytes];
        private SignalQueue _pending;
        private readonly List<ThreadSignals> _threads = new List<ThreadSignals>();
        /// <summary>The instances queued in the process's and its threads' queues (<see cref="SignalQueue"/>).</summary>
        internal int Queued;

        /// <summary>Bit n-1: signal n was sent to the process and not yet delivered to any of its threads.</summary>
        public ulong Pending => _pending.Set;

        /// <summary>How many signal instances may be queued at once, the process's and its threads' (RLIMIT_SIGPENDING).</summary>
        public int QueueLimit { get; set; } = DefaultQueueLimit;

        /// <summary>The live threads (the exit of the last one ends the program).</summary>
        public int ThreadCount => _threads.Count;

        /// <summary>A new thread of the program with <paramref name="blocked"/> as its mask (a new thread inherits its creator's), nothing pending; waiters are woken (an execve in progress ends it too).</summary>
        public ThreadSignals AddThread(ulong blocked)
        {
            var thread = new ThreadSignals(this) { Blocked = blocked & ~Unblockable };
            lock (this)
            {
                _threads.Add(thread);
                System.Threading.Monitor.PulseAll(this);
            }
            return thread;
        }

        /// <summary>A thread ended: it takes no more signals (<see cref="ThreadSignals.Ending"/>); waiters on this object (the first thread, exec) are woken.</summary>
        public void RemoveThread(ThreadSignals thread)
        {
            lock (this)
            {
                _threads.Remove(thread);
                thread.Ending = true;
                System.Threading.Monitor.PulseAll(this);
            }
        }

        /// <summary>The live thread whose tid, as the program sees it (<see cref="ThreadSignals.Tid"/>), is <paramref name="tid"/> (tgkill's target), or null.</summary>
        public ThreadSignals ThreadWithTid(long tid)
        {
            lock (this)
            {
                for (int i = 0; i < _threads.Count; i++)
                    if (_threads[i].Tid == tid) return _threads[i];
                return null;
            }
        }

        /// <summary>
        /// Linux's retarget_shared_pending: the process's pending signals of <paramref name="newlyBlocked"/>, which
        /// <paramref name="from"/> has just blocked, need another thread; the threads to wake for them, each the first
        /// other one that takes some of them now (none if no such signal is pending or no thread takes it).
        /// </summary>
        public ThreadSignals[] Retarget(ulong newlyBlocked, ThreadSignals from)
        {
            lock (this)
            {
                ulong left = newlyBlocked & Pending;
                if (left == 0) return System.Array.Empty<ThreadSignals>();
                var takers = new List<ThreadSignals>();
                for (int i = 0; i < _threads.Count && left != 0; i++)
                {
                    ThreadSignals t = _threads[i];
                    ulong takes = left & ~t.Blocked;
                    if (t == from || t.Ending || takes == 0) continue;
                    takers.Add(t);
                    left &= ~takes;
                }
                return takers.ToArray();
            }
        }

        /// <summary>The live threads but <paramref name="except"/> (exec ends them).</summary>
        public ThreadSignals[] OtherThreads(ThreadSignals except)
        {
            lock (this)
            {
                var others = new List<ThreadSignals>();
                for (int i = 0; i < _threads.Count; i++)
                    if (_threads[i] != except) others.Add(_threads[i]);
                return others.ToArray();
            }
        }

        internal static ulong Bit(int signal) => 1UL << (signal - 1);

        /// <summary>A program's first signal state: <paramref name="ignored"/> (bit n-1: signal n) SIG_IGN, as execve keeps an ignored disposition; the others SIG_DFL.</summary>
        public static ProgramSignals IgnoringAtStart(ulong ignored)
        {
            var signals = new ProgramSignals();
            for (int signal = 1; signal <= Count; signal++)
                if ((ignored & Bit(signal)) != 0 && (Bit(signal) & Unblockable) == 0)
                    fixed (byte* slot = &signals._actions[(signal - 1) * ActionBytes]) *(ulong*)slot = SigIgn;
            return signals;
        }

        /// <summary>rt_sigaction(sig, act, oact, sigsetsize): pointers already checked (act readable, oact writable, 32 bytes).</summary>
        public long Action(long signal, byte* act, byte* oldAct, long setSize)
        {
            if (signal < 1 || signal > Count || setSize != 8) return -EINVAL;
            if (act != null && (signal == SigKill || signal == SigStop)) return -EINVAL;
            int at = (int)(signal - 1) * ActionBytes;
            byte* given = stackalloc byte[ActionBytes];
            if (act != null) Copy(act, given, ActionBytes);
            fixed (byte* slot = &_actions[at])
            {
                if (oldAct != null) Copy(slot, oldAct, ActionBytes);
                if (act != null)
                {
                    Copy(given, slot, ActionBytes);
                    ((ulong*)slot)[3] &= ~Unblockable;
                    // Setting "ignore" (or a default that ignores) discards a pending instance, as Linux does.
                    if (IsIgnored((int)signal)) DiscardPending((int)signal);
                }
            }
            return 0;
        }

        /// <summary>sa_handler, sa_flags, sa_restorer and sa_mask of <paramref name="signal"/>.</summary>
        public ulong Handler(int signal) => Field(signal, 0);
        /// <summary>sa_flags of <paramref name="signal"/>.</summary>
        public ulong Flags(int signal) => Field(signal, 1);
        /// <summary>sa_restorer of <paramref name="signal"/>.</summary>
        public ulong Restorer(int signal) => Field(signal, 2);
        /// <summary>sa_mask of <paramref name="signal"/>.</summary>
        public ulong HandlerMask(int signal) => Field(signal, 3);

        private ulong Field(int signal, int index)
        {
            fixed (byte* slot = &_actions[(signal - 1) * ActionBytes]) return ((ulong*)slot)[index];
        }

        /// <summary>Back to SIG_DFL (SA_RESETHAND after one delivery, or a fault the program cannot handle).</summary>
        public void ResetToDefault(int signal)
        {
            fixed (byte* slot = &_actions[(signal - 1) * ActionBytes])
                for (int i = 0; i < ActionBytes; i++) slot[i] = 0;
        }

        /// <summary>Whether raising <paramref name="signal"/> now would do nothing: SIG_IGN, or SIG_DFL whose default is to ignore.</summary>
        public bool IsIgnored(int signal)
        {
            ulong handler = Handler(signal);
            return handler == SigIgn || (handler == SigDfl && IgnoredByDefault(signal));
        }

        /// <summary>Signals whose default action is to do nothing: SIGCHLD, SIGCONT, SIGURG, SIGWINCH.</summary>
        public static bool IgnoredByDefault(int signal) => signal == 17 || signal == SigCont || signal == 23 || signal == 28;

        /// <summary>Signals whose default action stops the process until a SIGCONT: SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU.</summary>
        public static bool StopsByDefault(int signal) => signal >= SigStop && signal <= 22;

        /// <summary>
        /// What sending <paramref name="signal"/> does to the pending ones first, as Linux's prepare_signal: a stop
        /// signal drops a pending SIGCONT, SIGCONT drops the pending stop signals (the caller holds the lock).
        /// </summary>
        internal void SettleStopsAndContinues(int signal)
        {
            if (signal == SigCont)
                for (int stop = SigStop; stop <= 22; stop++) DiscardPending(stop);
            else if (StopsByDefault(signal)) DiscardPending(SigCont);
        }

        /// <summary>
        /// Makes <paramref name="info"/>'s signal pending for the process (an ignored one is dropped, as Linux does
        /// at send time, unless <paramref name="preferred"/> blocks it; a real-time one is queued, <see cref="SignalQueue"/>)
        /// and returns the thread that should take it: <paramref name="preferred"/> (the sender, or the thread a host
        /// signal interrupted) if it wants it, else the first thread that does (<see cref="ThreadSignals.Wants"/>); null
        /// if none does now or it was dropped.
        /// </summary>
        public ThreadSignals Raise(in SignalInfo info, ThreadSignals preferred) => Raise(info, preferred, out _);

        /// <summary><see cref="Raise(in SignalInfo, ThreadSignals)"/>; <paramref name="queueFull"/>: a real-time instance was not queued, the queues being full.</summary>
        public ThreadSignals Raise(in SignalInfo info, ThreadSignals preferred, out bool queueFull)
        {
            queueFull = false;
            int signal = info.Signal;
            if (signal < 1 || signal > Count) return null;
            lock (this)
            {
                SettleStopsAndContinues(signal);
                if (signal != SigKill && IsIgnored(signal) && (preferred == null || (preferred.Blocked & Bit(signal)) == 0)) return null;
                queueFull = _pending.Add(info, ref Queued, QueueLimit) == SignalQueue.Added.Full;
                if (preferred != null && preferred.Wants(signal)) return preferred;
                for (int i = 0; i < _threads.Count; i++)
                    if (_threads[i].Wants(signal)) return _threads[i];
                return null;
            }
        }

        /// <summary>Takes the oldest pending instance of <paramref name="signal"/> sent to the process (the caller holds the lock).</summary>
        internal SignalInfo TakeShared(int signal) => _pending.Take(signal, ref Queued);

        /// <summary>Setting "ignore" discards the pending instances of <paramref name="signal"/>, the process's and every thread's.</summary>
        private void DiscardPending(int signal)
        {
            lock (this)
            {
                _pending.Discard(signal, ref Queued);
                for (int i = 0; i < _threads.Count; i++) _threads[i].Discard(signal);
            }
        }

        private static void Copy(byte* from, byte* to, int bytes)
        {
            for (int i = 0; i < bytes; i++) to[i] = from[i];
        }
    }
}
