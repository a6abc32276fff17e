/*
 * sa_restorer of Platform/PosixSignals: rt_sigreturn with the syscall instruction itself. In Dune mode the
 * handler it returns from ran in the host half, where dune_syscall6 would hypercall.
 */
        .text
        .globl  dune_signal_restorer
        .type   dune_signal_restorer, @function
dune_signal_restorer:
        mov     $15, %eax               /* rt_sigreturn, with rsp just above the kernel's signal frame */
        syscall
        ud2
        .size   dune_signal_restorer, . - dune_signal_restorer

/* void* dune_signal_restorer_address(void) */
        .globl  dune_signal_restorer_address
        .type   dune_signal_restorer_address, @function
dune_signal_restorer_address:
        lea     dune_signal_restorer(%rip), %rax
        ret
        .size   dune_signal_restorer_address, . - dune_signal_restorer_address

        .section .note.GNU-stack, "", @progbits
