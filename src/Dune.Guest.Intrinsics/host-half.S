/*
 * The host half of either backend (Backends/Host): its own system calls, which must not go through
 * dune_syscall6 while dune_hypercall_entry is set, forwarding a guest's call from the hypercall block, ending
 * the Linux thread of a vCPU slot, and switching hypercalls off for good.
 */

#include "layouts.inc"

        .text
/*
 * long dune_host_syscall6(long nr, long a0, ..., long a5): the real syscall instruction, for the host half
 * only (it runs while dune_hypercall_entry is set, so it must not go through dune_syscall6).
 */
        .globl  dune_host_syscall6
        .type   dune_host_syscall6, @function
dune_host_syscall6:
        mov     %rdi, %rax
        mov     %rsi, %rdi
        mov     %rdx, %rsi
        mov     %rcx, %rdx
        mov     %r8, %r10
        mov     %r9, %r8
        mov     8(%rsp), %r9
        syscall
        ret
        .size   dune_host_syscall6, . - dune_host_syscall6

/*
 * long dune_forward_hypercall(void): the host half makes the call in its vCPU's hypercall block (the host
 * thread's GS base is that vCPU's PerCpu too) with the real syscall instruction and returns the result.
 */
        .globl  dune_forward_hypercall
        .type   dune_forward_hypercall, @function
dune_forward_hypercall:
        mov     %gs:PERCPU_HYPERCALL_NR, %rax
        mov     %gs:PERCPU_HYPERCALL_A0, %rdi
        mov     %gs:PERCPU_HYPERCALL_A1, %rsi
        mov     %gs:PERCPU_HYPERCALL_A2, %rdx
        mov     %gs:PERCPU_HYPERCALL_A3, %r10
        mov     %gs:PERCPU_HYPERCALL_A4, %r8
        mov     %gs:PERCPU_HYPERCALL_A5, %r9
        syscall
        ret
        .size   dune_forward_hypercall, . - dune_forward_hypercall

/*
 * Host half: void dune_exit_vcpu_thread(int* slotTid): frees the vCPU slot and ends the calling thread
 * without touching memory in between (the next thread may take the slot, and so this host stack, at once).
 */
        .globl  dune_exit_vcpu_thread
        .type   dune_exit_vcpu_thread, @function
dune_exit_vcpu_thread:
        movl    $0, (%rdi)
        mov     $60, %eax               /* SYS_exit */
        xor     %edi, %edi
        syscall
        ud2
        .size   dune_exit_vcpu_thread, . - dune_exit_vcpu_thread

/* void dune_disable_hypercalls(void): the guest will not run again; dune_syscall6 makes real syscalls. */
        .globl  dune_disable_hypercalls
        .type   dune_disable_hypercalls, @function
dune_disable_hypercalls:
        movq    $0, dune_hypercall_entry(%rip)
        ret
        .size   dune_disable_hypercalls, . - dune_disable_hypercalls

        .section .note.GNU-stack, "", @progbits
