using Dune.Cpu;

namespace Dune.Backends
{
    /// <summary>
    /// The general registers a vCPU starts with where the backend's entry stub captured the caller
    /// (<see cref="PerCpu.Resume"/>): rax = 1, so the enter call "returns 1" in the guest; the callee-saved
    /// registers, RSP and RIP; RFLAGS with only its reserved bit; the rest 0. KVM's struct kvm_regs and dune.ko's
    /// struct dune_regs both hold 18 registers in the same order (rax, rbx, rcx, rdx, rsi, rdi, two stack
    /// registers, r8-r15, rip, rflags) but for the stack pair: RSP then RBP in KVM's, RBP then RSP in dune.ko's
    /// (their layouts are checked by KvmApiTests and DuneAbiLayoutTests).
    /// </summary>
    internal static unsafe class EntryRegisters
    {
        private const int Count = 18, RaxAt = 0, RbxAt = 1, StackPairAt = 6, R12At = 12, RipAt = 16, RflagsAt = 17;

        public static void Write(ResumeState* s, ulong* regs, bool rspFirst)
        {
            for (int i = 0; i < Count; i++) regs[i] = 0;
            regs[RaxAt] = 1;
            regs[RbxAt] = s->Rbx;
            regs[rspFirst ? StackPairAt : StackPairAt + 1] = s->Rsp;
            regs[rspFirst ? StackPairAt + 1 : StackPairAt] = s->Rbp;
            regs[R12At] = s->R12;
            regs[R12At + 1] = s->R13;
            regs[R12At + 2] = s->R14;
            regs[R12At + 3] = s->R15;
            regs[RipAt] = s->Rip;
            regs[RflagsAt] = Rflags.Reserved1;
        }
    }
}
