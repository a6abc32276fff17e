namespace Dune.UserMode
{
    /// <summary>What a policy decides for one system call.</summary>
    public enum SyscallVerdict
    {
        /// <summary>Forward the call to the host kernel unchanged.</summary>
        Allow,

        /// <summary>Do not run it; the caller sees -<see cref="SyscallAction.Errno"/>.</summary>
        Deny,

        /// <summary>Run the supervisor's handler number <see cref="SyscallAction.Handler"/> instead.</summary>
        Emulate,

        /// <summary>Terminate the sandboxed program.</summary>
        Kill,
    }

    /// <summary>What to do with one system call: a verdict and its errno or handler id.</summary>
    public readonly struct SyscallAction
    {
        /// <summary>The largest errno a denial may return (Linux reserves -4095..-1 for errors).</summary>
        public const int MaxErrno = 4095;

        /// <summary>What happens to the call.</summary>
        public readonly SyscallVerdict Verdict;
        private readonly int _value;

        private SyscallAction(SyscallVerdict verdict, int value) { Verdict = verdict; _value = value; }

        /// <summary>Pass the call through to the host.</summary>
        public static SyscallAction Allow => new SyscallAction(SyscallVerdict.Allow, 0);
        /// <summary>End the ring-3 run.</summary>
        public static SyscallAction Kill => new SyscallAction(SyscallVerdict.Kill, 0);

        /// <summary>Fail the call with errno (1..4095: the range the kernel ABI reserves for errors).</summary>
        public static SyscallAction Deny(int errno)
        {
            if (errno < 1 || errno > MaxErrno) throw new System.ArgumentOutOfRangeException();
            return new SyscallAction(SyscallVerdict.Deny, errno);
        }

        /// <summary>Let the monitor's emulation handler <paramref name="handler"/> compute the result.</summary>
        public static SyscallAction Emulate(int handler)
        {
            if (handler < 0) throw new System.ArgumentOutOfRangeException();
            return new SyscallAction(SyscallVerdict.Emulate, handler);
        }

        /// <summary>The errno of a Deny action, 0 otherwise.</summary>
        public int Errno => Verdict == SyscallVerdict.Deny ? _value : 0;

        /// <summary>The handler id of an Emulate action, -1 otherwise.</summary>
        public int Handler => Verdict == SyscallVerdict.Emulate ? _value : -1;

        /// <summary>The value a denied call returns in rax (-errno), as the kernel would.</summary>
        public long DeniedResult => -(long)Errno;

        /// <summary>Same verdict and same errno or handler.</summary>
        public bool Equals(SyscallAction other) => Verdict == other.Verdict && _value == other._value;
    }
}
