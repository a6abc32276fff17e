/*
 * void DuneGcSpillCalleeSaved(uint64_t buffer[6]): stores the callee-saved registers (rbx, rbp, r12-r15) so that
 * the collector's conservative stack scan sees references that callers keep only in registers.
 */
        .text
        .globl  DuneGcSpillCalleeSaved
        .type   DuneGcSpillCalleeSaved, @function
DuneGcSpillCalleeSaved:
        mov     %rbx, 0(%rdi)
        mov     %rbp, 8(%rdi)
        mov     %r12, 16(%rdi)
        mov     %r13, 24(%rdi)
        mov     %r14, 32(%rdi)
        mov     %r15, 40(%rdi)
        ret
        .size   DuneGcSpillCalleeSaved, . - DuneGcSpillCalleeSaved

        .section .note.GNU-stack, "", @progbits
