namespace Dune.UserMode
{
    /// <summary>
    /// The program's signal state as far as the monitor keeps it: dispositions (rt_sigaction), the blocked mask
    /// (rt_sigprocmask) and the alternate stack (sigaltstack) are recorded and read back, so programs that set
    /// them up run, but nothing is delivered yet (the host's signals stay the monitor's). A signal a program
    /// sends itself (kill/tgkill/raise, abort) whose disposition is the default, fatal one ends the run as
    /// "killed by signal N" (<see cref="FatalSignal"/>); an ignored or handled one is dropped.
    /// </summary>
    public sealed unsafe class ProgramSignals
    {
        /// <summary>The number of signals (1 to 64), and the sizes of the kernel's struct sigaction and of stack_t in bytes.</summary>
        public const int Count = 64, ActionBytes = 32, StackBytes = 24;
        private const ulong SigKill = 9, SigStop = 19;

        private readonly byte[] _actions = new byte[Count * ActionBytes];
        private readonly byte[] _altStack = new byte[StackBytes];
        private ulong _blocked;

        /// <summary>Set when the program sent itself a default-fatal signal: the run ends with it.</summary>
        public int FatalSignal { get; private set; }

        /// <summary>rt_sigaction(sig, act, oact, sigsetsize): pointers already checked (act readable, oact writable, 32 bytes).</summary>
        public long Action(long signal, byte* act, byte* oldAct, long setSize)
        {
            if (signal < 1 || signal > Count || setSize != 8) return -UserKernel.EINVAL;
            if (act != null && (signal == (long)SigKill || signal == (long)SigStop)) return -UserKernel.EINVAL;
            int at = (int)(signal - 1) * ActionBytes;
            fixed (byte* slot = &_actions[at])
            {
                if (oldAct != null) Copy(slot, oldAct, ActionBytes);
                if (act != null) Copy(act, slot, ActionBytes);
            }
            return 0;
        }

        /// <summary>rt_sigprocmask(how, set, oset, sigsetsize): SIG_BLOCK 0, SIG_UNBLOCK 1, SIG_SETMASK 2.</summary>
        public long Mask(long how, ulong* set, ulong* oldSet, long setSize)
        {
            if (setSize != 8) return -UserKernel.EINVAL;
            ulong old = _blocked;
            if (set != null)
            {
                ulong unblockable = (1UL << (int)(SigKill - 1)) | (1UL << (int)(SigStop - 1));
                switch (how)
                {
                    case 0: _blocked |= *set; break;
                    case 1: _blocked &= ~*set; break;
                    case 2: _blocked = *set; break;
                    default: return -UserKernel.EINVAL;
                }
                _blocked &= ~unblockable;
            }
            if (oldSet != null) *oldSet = old;
            return 0;
        }

        /// <summary>sigaltstack(ss, old_ss): 24-byte stack_t, recorded as given.</summary>
        public long AltStack(byte* stack, byte* oldStack)
        {
            fixed (byte* slot = _altStack)
            {
                if (oldStack != null) Copy(slot, oldStack, StackBytes);
                if (stack != null) Copy(stack, slot, StackBytes);
            }
            return 0;
        }

        /// <summary>The program sends itself <paramref name="signal"/>: 0 probes, a default disposition ends it, others are dropped.</summary>
        public long SendToSelf(long signal)
        {
            if (signal < 0 || signal > Count) return -UserKernel.EINVAL;
            if (signal == 0) return 0;
            ulong handler;
            fixed (byte* slot = &_actions[(int)(signal - 1) * ActionBytes]) handler = *(ulong*)slot;
            if (signal == (long)SigKill || (handler == 0 && IsFatalByDefault(signal))) FatalSignal = (int)signal;
            return 0;
        }

        /// <summary>Signals whose default action is not "ignore" (SIGCHLD 17, SIGCONT 18, SIGURG 23, SIGWINCH 28 are ignored; stops count as fatal here).</summary>
        private static bool IsFatalByDefault(long signal) => signal != 17 && signal != 18 && signal != 23 && signal != 28;

        private static void Copy(byte* from, byte* to, int bytes)
        {
            for (int i = 0; i < bytes; i++) to[i] = from[i];
        }
    }
}
