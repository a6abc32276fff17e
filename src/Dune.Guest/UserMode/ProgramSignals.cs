namespace Dune.UserMode
{
    /// <summary>
    /// The program's signals as the monitor keeps them, Linux's rules for one thread: dispositions
    /// (rt_sigaction, the kernel's 32-byte struct sigaction kept as given), the blocked mask, the alternate
    /// stack, and the pending set with one siginfo per signal (standard signals do not queue). Who raises a
    /// signal (kill to itself, a host signal relayed, a fault, a broken pipe) calls <see cref="Raise"/>;
    /// <see cref="Ring3"/> delivers what is deliverable before ring 3 resumes. Pure bookkeeping.
    /// </summary>
    public sealed unsafe partial class ProgramSignals
    {
        /// <summary>The number of signals (1 to 64), and the sizes of the kernel's struct sigaction and of stack_t in bytes.</summary>
        public const int Count = 64, ActionBytes = 32, StackBytes = 24;
        /// <summary>Signal numbers the rules below name.</summary>
        public const int SigKill = 9, SigSegv = 11, SigStop = 19;
        /// <summary>sa_handler values.</summary>
        public const ulong SigDfl = 0, SigIgn = 1;
        /// <summary>sa_flags bits.</summary>
        public const ulong SaSigInfo = 4, SaOnStack = 0x0800_0000, SaRestart = 0x1000_0000, SaNoDefer = 0x4000_0000,
            SaResetHand = 0x8000_0000, SaRestorer = 0x0400_0000;
        /// <summary>ss_flags values.</summary>
        public const int SsOnStack = 1, SsDisable = 2;
        /// <summary>ss_flags bit: the stack is disabled while a handler runs on it.</summary>
        public const uint SsAutoDisarm = 1U << 31;
        private const int MinStackSize = 2048, EPERM = 1, ENOMEM = 12, EINVAL = 22;
        private const ulong Unblockable = (1UL << (SigKill - 1)) | (1UL << (SigStop - 1));

        private readonly byte[] _actions = new byte[Count * ActionBytes];
        private readonly SignalInfo[] _info = new SignalInfo[Count];
        private ulong _altSp, _altSize;
        private bool _altAutoDisarm;
        private ulong _savedMask;
        private bool _hasSavedMask;

        /// <summary>Bit n-1: signal n is blocked.</summary>
        public ulong Blocked { get; set; }
        /// <summary>Bit n-1: signal n was raised and not yet delivered.</summary>
        public ulong Pending { get; private set; }

        private static ulong Bit(int signal) => 1UL << (signal - 1);

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
                    if (IsIgnored((int)signal)) Pending &= ~Bit((int)signal);
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

        /// <summary>
        /// Signals whose default action does not end the program: SIGCHLD, SIGCONT, SIGURG, SIGWINCH are ignored;
        /// the stop signals (SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU) too, as if a SIGCONT followed at once (no job control).
        /// </summary>
        public static bool IgnoredByDefault(int signal) =>
            signal == 17 || signal == 18 || signal == 23 || signal == 28 || signal == 19 || signal == 20 || signal == 21 || signal == 22;

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
                Blocked &= ~Unblockable;
            }
            if (oldSet != null) *oldSet = old;
            return 0;
        }

        /// <summary>rt_sigsuspend's mask for the wait: the current one comes back after the handler (or at once if none runs).</summary>
        public void SuspendWith(ulong mask)
        {
            _savedMask = Blocked;
            _hasSavedMask = true;
            Blocked = mask & ~Unblockable;
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
                *(int*)(oldStack + 8) = (on ? SsOnStack : _altSize == 0 ? SsDisable : 0) | (_altAutoDisarm ? unchecked((int)SsAutoDisarm) : 0);
                *(int*)(oldStack + 12) = 0;
                *(ulong*)(oldStack + 16) = _altSize;
            }
            if (stack == null) return 0;
            if (on) return -EPERM;
            uint flags = *(uint*)(stack + 8);
            int mode = (int)(flags & ~SsAutoDisarm);
            if (mode != 0 && mode != SsDisable && mode != SsOnStack) return -EINVAL;
            if (mode == SsDisable)
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
            _altAutoDisarm = (flags & SsAutoDisarm) != 0;
            return 0;
        }

        /// <summary>Whether <paramref name="sp"/> is on the alternate stack (the kernel's on_sig_stack).</summary>
        public bool IsOnAltStack(ulong sp) => _altSize != 0 && sp > _altSp && sp - _altSp <= _altSize;

        /// <summary>The alternate stack as a frame's uc_stack saves it for <paramref name="sp"/>: base, flags, size.</summary>
        public void SavedAltStack(ulong sp, out ulong stackSp, out int flags, out ulong size)
        {
            stackSp = _altSp;
            size = _altSize;
            flags = (IsOnAltStack(sp) ? SsOnStack : _altSize == 0 ? SsDisable : 0) | (_altAutoDisarm ? unchecked((int)SsAutoDisarm) : 0);
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
            if (IsOnAltStack(sp) || (flags & SsDisable) != 0 || size < MinStackSize) return;
            _altSp = stackSp;
            _altSize = size;
            _altAutoDisarm = ((uint)flags & SsAutoDisarm) != 0;
        }

        /// <summary>Makes <paramref name="info"/>'s signal pending (an ignored one is dropped, as Linux does at send time).</summary>
        public void Raise(in SignalInfo info)
        {
            int signal = info.Signal;
            if (signal < 1 || signal > Count) return;
            if (signal != SigKill && IsIgnored(signal) && (Blocked & Bit(signal)) == 0) return;
            if ((Pending & Bit(signal)) != 0) return;
            Pending |= Bit(signal);
            _info[signal - 1] = info;
        }

        /// <summary>The lowest pending signal not blocked (SIGKILL never is), or 0.</summary>
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public int NextDeliverable()
        {
            ulong ready = Pending & (~Blocked | Bit(SigKill));
            if (ready == 0) return 0;
            int n = 1;
            while ((ready & 1) == 0) { ready >>= 1; n++; }
            return n;
        }

        /// <summary>Removes <paramref name="signal"/> from the pending set and returns what it carried.</summary>
        public SignalInfo Take(int signal)
        {
            Pending &= ~Bit(signal);
            return _info[signal - 1];
        }

        /// <summary>kill/tkill/tgkill to itself: 0 probes, else the signal becomes pending.</summary>
        public long SendToSelf(long signal, in SignalInfo info)
        {
            if (signal < 0 || signal > Count) return -EINVAL;
            if (signal != 0) Raise(info);
            return 0;
        }

        private static void Copy(byte* from, byte* to, int bytes)
        {
            for (int i = 0; i < bytes; i++) to[i] = from[i];
        }
    }
}
