namespace Dune.UserMode
{
    /// <summary>One system call from ring 3: its number and arguments in kernel order, over the saved registers.</summary>
    public unsafe readonly struct SyscallCall
    {
        private readonly UserFrame* _frame;

        /// <summary>The call ring 3 made, as saved in <paramref name="frame"/> (number in RAX).</summary>
        public SyscallCall(UserFrame* frame)
        {
            _frame = frame;
            Number = (long)frame->Rax;
        }

        /// <summary>rax at the SYSCALL instruction.</summary>
        public long Number { get; }

        /// <summary>The first argument (RDI).</summary>
        public long Arg0 => (long)_frame->Rdi;
        /// <summary>The second argument (RSI).</summary>
        public long Arg1 => (long)_frame->Rsi;
        /// <summary>The third argument (RDX).</summary>
        public long Arg2 => (long)_frame->Rdx;
        /// <summary>The fourth argument (R10).</summary>
        public long Arg3 => (long)_frame->R10;
        /// <summary>The fifth argument (R8).</summary>
        public long Arg4 => (long)_frame->R8;
        /// <summary>The sixth argument (R9).</summary>
        public long Arg5 => (long)_frame->R9;

        /// <summary>Every register of the caller; changes (other than rax, which gets the result) take effect on return.</summary>
        public UserFrame* Frame => _frame;
    }
}
