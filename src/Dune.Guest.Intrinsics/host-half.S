/*
 * The host half of either backend (Backends/Host): its own system calls, which must not go through
 * dune_syscall6 while dune_hypercall_entry is set, forwarding a guest's call from the hypercall block, and
 * switching hypercalls off for good.
 */

#include "layouts.inc"

        .set    INTERRUPTIBLE_BIT, 62
        .if     (1 << INTERRUPTIBLE_BIT) != PERCPU_HYPERCALL_INTERRUPTIBLE_CALL_FLAG
        .error  "INTERRUPTIBLE_BIT does not match HypercallBlock.InterruptibleCallFlag"
        .endif

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
 * A signal for the guest that arrived since the loop last looked (its host handler set the vCPU's exit request)
 * makes it return -ERESTARTNOINTR instead of starting the call: a blocking call must not sleep on it (the
 * collector's stop would never be taken). The handler closes the last gap: a signal taken between the check and
 * the syscall instruction (or one the kernel rewinds to it for a restart) moves the thread to that exit
 * (dune_forward_window, Backends/Host/ForwardedCall.cs).
 */
        .globl  dune_forward_hypercall
        .type   dune_forward_hypercall, @function
dune_forward_hypercall:
        mov     %gs:PERCPU_SIGNALS_EXIT_REQUEST, %r11
        mov     %gs:PERCPU_HYPERCALL_NR, %rax
        btr     $INTERRUPTIBLE_BIT, %rax    /* HypercallBlock.InterruptibleCallFlag: the host half's, not the kernel's */
        mov     %gs:PERCPU_HYPERCALL_A0, %rdi
        mov     %gs:PERCPU_HYPERCALL_A1, %rsi
        mov     %gs:PERCPU_HYPERCALL_A2, %rdx
        mov     %gs:PERCPU_HYPERCALL_A3, %r10
        mov     %gs:PERCPU_HYPERCALL_A4, %r8
        mov     %gs:PERCPU_HYPERCALL_A5, %r9
.Lforward_check:
        cmpb    $0, (%r11)
        jne     .Lforward_interrupted
.Lforward_syscall:
        syscall
        ret
.Lforward_interrupted:
        mov     $-513, %rax             /* -ERESTARTNOINTR: not started (HypercallForwarding decides) */
        ret
        .size   dune_forward_hypercall, . - dune_forward_hypercall

/*
 * ulong dune_forward_window(ulong* syscallAt, ulong* interrupted): where the forwarded call's check starts
 * (returned), where its syscall instruction is, and its not-started exit.
 */
        .globl  dune_forward_window
        .type   dune_forward_window, @function
dune_forward_window:
        lea     .Lforward_syscall(%rip), %rax
        mov     %rax, (%rdi)
        lea     .Lforward_interrupted(%rip), %rax
        mov     %rax, (%rsi)
        lea     .Lforward_check(%rip), %rax
        ret
        .size   dune_forward_window, . - dune_forward_window

/* void dune_disable_hypercalls(void): the guest will not run again; dune_syscall6 makes real syscalls. */
        .globl  dune_disable_hypercalls
        .type   dune_disable_hypercalls, @function
dune_disable_hypercalls:
        movq    $0, dune_hypercall_entry(%rip)
        ret
        .size   dune_disable_hypercalls, . - dune_disable_hypercalls

        .section .note.GNU-stack, "", @progbits
