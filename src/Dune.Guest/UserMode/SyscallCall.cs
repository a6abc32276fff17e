namespace Dune.UserMode
{
    /// <summary>One system call from ring 3: its number and arguments in kernel order, over the saved registers.</summary>
    public unsafe readonly struct SyscallCall
    {
        private readonly UserFrame* _frame;

        public SyscallCall(UserFrame* frame)
        {
            _frame = frame;
            Number = (long)frame->Rax;
        }

        /// <summary>rax at the SYSCALL instruction.</summary>
        public long Number { get; }

        public long Arg0 => (long)_frame->Rdi;
        public long Arg1 => (long)_frame->Rsi;
        public long Arg2 => (long)_frame->Rdx;
        public long Arg3 => (long)_frame->R10;
        public long Arg4 => (long)_frame->R8;
        public long Arg5 => (long)_frame->R9;

        /// <summary>Every register of the caller; changes (other than rax, which gets the result) take effect on return.</summary>
        public UserFrame* Frame => _frame;
    }
}
