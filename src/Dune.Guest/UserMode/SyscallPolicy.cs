namespace Dune.UserMode
{
    /// <summary>
    /// A per-number table of actions for the system calls of a ring-3 program. Lookup is one bounds check and
    /// one array read, no allocation, so the trap handler can consult it on every call. Numbers outside the
    /// table (negative, x32 calls with bit 30 set, numbers beyond <see cref="TableSize"/>) get
    /// <see cref="OutOfRangeAction"/>, which is ENOSYS: what Linux answers for numbers it does not know.
    /// </summary>
    public sealed class SyscallPolicy
    {
        /// <summary>Covers every x86-64 system call number Linux has assigned (the highest is below 500).</summary>
        public const int TableSize = 512;

        /// <summary>Linux errno values the policies use (a denied call returns -errno).</summary>
        public const int EPERM = 1, ENOSYS = 38;

        private readonly SyscallAction[] _actions = new SyscallAction[TableSize];

        /// <summary>The action of every number not set explicitly.</summary>
        public SyscallAction DefaultAction { get; }
        /// <summary>The action of numbers at or above <see cref="TableSize"/> (and negative ones).</summary>
        public SyscallAction OutOfRangeAction { get; }

        private SyscallPolicy(SyscallAction defaultAction)
        {
            DefaultAction = defaultAction;
            OutOfRangeAction = SyscallAction.Deny(ENOSYS);
            for (int i = 0; i < TableSize; i++) _actions[i] = defaultAction;
        }

        /// <summary>Every call fails with <paramref name="errno"/> unless a rule says otherwise: the sandbox default.</summary>
        public static SyscallPolicy DenyByDefault(int errno = ENOSYS) => new SyscallPolicy(SyscallAction.Deny(errno));

        /// <summary>Every call is forwarded unless a rule says otherwise.</summary>
        public static SyscallPolicy AllowByDefault() => new SyscallPolicy(SyscallAction.Allow);

        /// <summary>Sets the action for one number; returns this policy so rules can be chained.</summary>
        public SyscallPolicy Set(long number, SyscallAction action)
        {
            if ((ulong)number >= TableSize) throw new System.ArgumentOutOfRangeException();
            _actions[(int)number] = action;
            return this;
        }

        /// <summary>Passes <paramref name="number"/> through to the host (its pointers checked against the ring-3 space).</summary>
        public SyscallPolicy Allow(long number) => Set(number, SyscallAction.Allow);
        /// <summary>Makes <paramref name="number"/> return -<paramref name="errno"/> without running it.</summary>
        public SyscallPolicy Deny(long number, int errno) => Set(number, SyscallAction.Deny(errno));
        /// <summary>Has <c>SyscallMonitor.Emulate(handler, call)</c> compute the result of <paramref name="number"/>.</summary>
        public SyscallPolicy Emulate(long number, int handler) => Set(number, SyscallAction.Emulate(handler));
        /// <summary>Ends the run at <paramref name="number"/> (<see cref="RunEnd.Killed"/>).</summary>
        public SyscallPolicy Kill(long number) => Set(number, SyscallAction.Kill);

        /// <summary>The action for the number a ring-3 program put in rax.</summary>
        /// <remarks>Indexes with an int after the range check: a long index makes ilc want System.Math's checked conversions.</remarks>
        public SyscallAction Decide(long number) => (ulong)number < TableSize ? _actions[(int)number] : OutOfRangeAction;
    }
}
