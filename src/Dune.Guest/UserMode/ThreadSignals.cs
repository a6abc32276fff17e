namespace Dune.UserMode
{
    /// <summary>
    /// One thread's signal state, Linux's per-thread part: the blocked mask (rt_sigprocmask, pthread_sigmask), the
    /// mask rt_sigsuspend replaced, the alternate stack, the signals sent to this thread alone (tgkill, its faults)
    /// with one siginfo each, and what rt_sigtimedwait waits for. The dispositions and the process's pending set are
    /// <see cref="Process"/>'s. Also what the monitor needs to reach the thread: its host tid (to wake it from a
    /// host call) and whether it must end (another thread's execve). Pure bookkeeping; pending changes hold
    /// <see cref="Process"/>'s lock.
    /// </summary>
    public sealed unsafe class ThreadSignals
    {
        private const int MinStackSize = 2048, EPERM = 1, ENOMEM = 12, EINVAL = ProgramSignals.EINVAL;

        private SignalQueue _pending;
        private ulong _altSp, _altSize;
        private bool _altAutoDisarm;
        private ulong _savedMask;
        private bool _hasSavedMask;

        internal ThreadSignals(ProgramSignals process) => Process = process;

        /// <summary>The process's dispositions and pending set.</summary>
        public ProgramSignals Process { get; }
        /// <summary>Bit n-1: signal n is blocked for this thread.</summary>
        public ulong Blocked { get; set; }
        /// <summary>Bit n-1: signal n was sent to this thread and not yet delivered.</summary>
        public ulong Pending => _pending.Set;
        /// <summary>Bit n-1: rt_sigtimedwait waits for signal n (blocked or not, the thread takes it).</summary>
        public ulong Waiting { get; set; }
        /// <summary>The host thread driving this thread's vCPU (0 until it runs).</summary>
        public long HostTid;
        /// <summary>The tid the program sees (gettid, tgkill): the host's, except after an execve from a thread that
        /// was not the first, which takes the pid as Linux's de_thread gives it.</summary>
        public long Tid;
        /// <summary>Set when the thread must end at its next return to ring 3 (another thread's execve).</summary>
        public volatile bool Ending;

        private static ulong Bit(int signal) => ProgramSignals.Bit(signal);

        /// <summary>Whether this thread would take <paramref name="signal"/> now: it does not block it (SIGKILL never is) or waits for it.</summary>
        public bool Wants(int signal) => !Ending && ((~Blocked | Waiting | Bit(ProgramSignals.SigKill)) & Bit(signal)) != 0;

        /// <summary>
        /// Makes <paramref name="info"/>'s signal pending for this thread alone (an ignored one is dropped unless blocked;
        /// a real-time one is queued, <see cref="SignalQueue"/>). False if a real-time instance was not queued, the
        /// queues being full.
        /// </summary>
        public bool Raise(in SignalInfo info)
        {
            int signal = info.Signal;
            if (signal < 1 || signal > ProgramSignals.Count) return true;
            lock (Process)
            {
                Process.SettleStopsAndContinues(signal);
                if (signal != ProgramSignals.SigKill && Process.IsIgnored(signal) && (Blocked & Bit(signal)) == 0) return true;
                return _pending.Add(info, ref Process.Queued, Process.QueueLimit) != SignalQueue.Added.Full;
            }
        }

        /// <summary>The lowest signal pending for this thread or its process that it does not block (SIGKILL never is), or 0.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public int NextDeliverable() => Lowest((Pending | Process.Pending) & (~Blocked | Bit(ProgramSignals.SigKill)));

        /// <summary>Whether <see cref="NextDeliverable"/> is not 0, without finding which.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public bool HasDeliverable() => ((Pending | Process.Pending) & (~Blocked | Bit(ProgramSignals.SigKill))) != 0;

        /// <summary>The lowest signal of <paramref name="set"/> pending for this thread or its process, blocked or not, or 0 (rt_sigtimedwait).</summary>
        public int NextOf(ulong set) => Lowest((Pending | Process.Pending) & set);

        /// <summary>What rt_sigpending reports: the thread's and the process's pending signals that the thread blocks.</summary>
        public ulong PendingBlocked => (Pending | Process.Pending) & Blocked;

        private static int Lowest(ulong set)
        {
            if (set == 0) return 0;
            int n = 1;
            while ((set & 1) == 0) { set >>= 1; n++; }
            return n;
        }

        /// <summary>Takes the oldest pending instance of <paramref name="signal"/>: this thread's first, else the process's.</summary>
        public SignalInfo Take(int signal)
        {
            lock (Process)
            {
                if ((Pending & Bit(signal)) == 0) return Process.TakeShared(signal);
                return _pending.Take(signal, ref Process.Queued);
            }
        }

        /// <summary>Drops the pending instances of <paramref name="signal"/> (the caller holds the process's lock).</summary>
        internal void Discard(int signal) => _pending.Discard(signal, ref Process.Queued);

        /// <summary>A forked child's thread: nothing pending (its process's set is cleared too).</summary>
        internal void ForgetPending() => _pending.Clear(ref Process.Queued);

        /// <summary>execve: the alternate stack is gone and no rt_sigsuspend mask waits; the mask and the pending set are kept.</summary>
        public void ResetForExec()
        {
            _altSp = 0;
            _altSize = 0;
            _altAutoDisarm = false;
            _hasSavedMask = false;
        }

        /// <summary>rt_sigprocmask(how, set, oset, sigsetsize): SIG_BLOCK 0, SIG_UNBLOCK 1, SIG_SETMASK 2.</summary>
        public long Mask(long how, ulong* set, ulong* oldSet, long setSize)
        {
            if (setSize != 8) return -EINVAL;
            ulong old = Blocked;
            if (set != null)
            {
                switch (how)
                {
                    case 0: Blocked |= *set; break;
                    case 1: Blocked &= ~*set; break;
                    case 2: Blocked = *set; break;
                    default: return -EINVAL;
                }
                Blocked &= ~ProgramSignals.Unblockable;
            }
            if (oldSet != null) *oldSet = old;
            return 0;
        }

        /// <summary>rt_sigsuspend's mask for the wait: the current one comes back after the handler (or at once if none runs).</summary>
        public void SuspendWith(ulong mask)
        {
            _savedMask = Blocked;
            _hasSavedMask = true;
            Blocked = mask & ~ProgramSignals.Unblockable;
        }

        /// <summary>The mask a handler's frame must restore: the one rt_sigsuspend replaced, else the current one.</summary>
        public ulong TakeMaskToRestore()
        {
            ulong mask = _hasSavedMask ? _savedMask : Blocked;
            _hasSavedMask = false;
            return mask;
        }

        /// <summary>After the signals of a call were delivered: a mask rt_sigsuspend replaced and no handler took comes back.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public void RestoreSavedMask()
        {
            if (!_hasSavedMask) return;
            Blocked = _savedMask;
            _hasSavedMask = false;
        }

        /// <summary>sigaltstack(ss, old_ss) with ring 3's <paramref name="sp"/>: 24-byte stack_t.</summary>
        public long AltStack(byte* stack, byte* oldStack, ulong sp)
        {
            bool on = IsOnAltStack(sp);
            if (oldStack != null)
            {
                *(ulong*)oldStack = _altSp;
                *(int*)(oldStack + 8) = (on ? ProgramSignals.SsOnStack : _altSize == 0 ? ProgramSignals.SsDisable : 0) | (_altAutoDisarm ? unchecked((int)ProgramSignals.SsAutoDisarm) : 0);
                *(int*)(oldStack + 12) = 0;
                *(ulong*)(oldStack + 16) = _altSize;
            }
            if (stack == null) return 0;
            if (on) return -EPERM;
            uint flags = *(uint*)(stack + 8);
            int mode = (int)(flags & ~ProgramSignals.SsAutoDisarm);
            if (mode != 0 && mode != ProgramSignals.SsDisable && mode != ProgramSignals.SsOnStack) return -EINVAL;
            if (mode == ProgramSignals.SsDisable)
            {
                _altSp = 0;
                _altSize = 0;
                _altAutoDisarm = false;
                return 0;
            }
            ulong size = *(ulong*)(stack + 16);
            if (size < MinStackSize) return -ENOMEM;
            _altSp = *(ulong*)stack;
            _altSize = size;
            _altAutoDisarm = (flags & ProgramSignals.SsAutoDisarm) != 0;
            return 0;
        }

        /// <summary>Whether <paramref name="sp"/> is on the alternate stack (the kernel's on_sig_stack).</summary>
        public bool IsOnAltStack(ulong sp) => _altSize != 0 && sp > _altSp && sp - _altSp <= _altSize;

        /// <summary>The alternate stack as a frame's uc_stack saves it for <paramref name="sp"/>: base, flags, size.</summary>
        public void SavedAltStack(ulong sp, out ulong stackSp, out int flags, out ulong size)
        {
            stackSp = _altSp;
            size = _altSize;
            flags = (IsOnAltStack(sp) ? ProgramSignals.SsOnStack : _altSize == 0 ? ProgramSignals.SsDisable : 0) | (_altAutoDisarm ? unchecked((int)ProgramSignals.SsAutoDisarm) : 0);
        }

        /// <summary>The stack top a handler with SA_ONSTACK switches to from <paramref name="sp"/>, or 0 to stay (none, or already on it); SS_AUTODISARM disarms it.</summary>
        public ulong EnterAltStack(ulong sp)
        {
            if (_altSize == 0 || IsOnAltStack(sp)) return 0;
            ulong top = _altSp + _altSize;
            if (_altAutoDisarm)
            {
                _altSp = 0;
                _altSize = 0;
                _altAutoDisarm = false;
            }
            return top;
        }

        /// <summary>rt_sigreturn puts back the alternate stack the frame saved (what SS_AUTODISARM removed), unless ring 3 is on it.</summary>
        public void RestoreAltStack(ulong stackSp, int flags, ulong size, ulong sp)
        {
            if (IsOnAltStack(sp) || (flags & ProgramSignals.SsDisable) != 0 || size < MinStackSize) return;
            _altSp = stackSp;
            _altSize = size;
            _altAutoDisarm = ((uint)flags & ProgramSignals.SsAutoDisarm) != 0;
        }

    }
}
