/*
 * KVM backend: the switch into the guest, the guest's hypercall stubs and the host half's own syscall.
 *
 * Hypercalls leave the guest with `out` to a reserved port (KVM exits to user space for port I/O; VMCALL
 * would be handled in the kernel). Arguments and results travel in dune_kvm_hypercall_block, which guest
 * and host both see at the same virtual address (guest virtual == host virtual), so no register state has
 * to be copied. Block layout (Backends/Kvm/HypercallBlock.cs):
 *   0 nr, 8..48 a0..a5, 56 result, 64 flush-TLB request, 72 fault frame.
 */

#include "register-saves.inc"

        .set    HYPERCALL_PORT, 0xD0
        .set    FAULT_PORT, 0xD1

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
 * long dune_kvm_enter(ResumeState* state, void* hostStackTop)
 * Records where the caller continues (callee-saved registers, rsp after return, return address) in
 * *state, switches to the dedicated host stack and runs DuneKvmHostLoop(state), which never returns.
 * The guest vCPU starts with exactly that state and rax = 1, so in the guest this call "returns 1".
 * It also installs the guest's hypercall and fault-report stubs: from here on dune_syscall6 hypercalls.
 * ResumeState: rbx, rbp, r12, r13, r14, r15, rsp, rip (Backends/Kvm/ResumeState.cs).
 */
        .globl  dune_kvm_enter
        .type   dune_kvm_enter, @function
dune_kvm_enter:
        store_callee_saved %rdi
        lea     8(%rsp), %rax
        mov     %rax, 48(%rdi)
        mov     (%rsp), %rax
        mov     %rax, 56(%rdi)
        lea     dune_kvm_hypercall(%rip), %rax
        mov     %rax, dune_hypercall_entry(%rip)
        lea     dune_kvm_report_fault(%rip), %rax
        mov     %rax, dune_trap_report_entry(%rip)
        mov     %rsi, %rsp
        xor     %ebp, %ebp
        call    DuneKvmHostLoop
        ud2
        .size   dune_kvm_enter, . - dune_kvm_enter

/*
 * Guest side of a system call: dune_syscall6 jumps here in Dune mode with the kernel's registers
 * (rax = nr; rdi, rsi, rdx, r10, r8, r9). Like syscall, it may clobber rcx and r11. When the host
 * changed page-table entries it asks for a TLB flush, done here by reloading CR3.
 */
        .globl  dune_kvm_hypercall
        .type   dune_kvm_hypercall, @function
dune_kvm_hypercall:
        lea     dune_kvm_hypercall_block(%rip), %r11
        mov     %rax, 0(%r11)
        mov     %rdi, 8(%r11)
        mov     %rsi, 16(%r11)
        mov     %rdx, 24(%r11)
        mov     %r10, 32(%r11)
        mov     %r8, 40(%r11)
        mov     %r9, 48(%r11)
        out     %al, $HYPERCALL_PORT
        mov     56(%r11), %rax
        cmpq    $0, 64(%r11)
        jne     1f
        ret
1:      movq    $0, 64(%r11)
        mov     %cr3, %rcx
        mov     %rcx, %cr3
        ret
        .size   dune_kvm_hypercall, . - dune_kvm_hypercall

/*
 * void dune_kvm_report_fault(TrapFrame* frame): the trap entry's report hook. The host either ends the
 * process (it never re-enters the guest) or resolves the fault and re-enters: then flush the TLB as
 * asked and return, so the trap entry retries the faulting instruction.
 */
        .globl  dune_kvm_report_fault
        .type   dune_kvm_report_fault, @function
dune_kvm_report_fault:
        lea     dune_kvm_hypercall_block(%rip), %r11
        mov     %rdi, 72(%r11)
        out     %al, $FAULT_PORT
        cmpq    $0, 64(%r11)
        je      1f
        movq    $0, 64(%r11)
        mov     %cr3, %rax
        mov     %rax, %cr3
1:      ret
        .size   dune_kvm_report_fault, . - dune_kvm_report_fault

/* HypercallBlock* dune_kvm_block(void) */
        .globl  dune_kvm_block
        .type   dune_kvm_block, @function
dune_kvm_block:
        lea     dune_kvm_hypercall_block(%rip), %rax
        ret
        .size   dune_kvm_block, . - dune_kvm_block

/* void dune_kvm_disable_hypercalls(void): the guest will not run again; dune_syscall6 makes real syscalls. */
        .globl  dune_kvm_disable_hypercalls
        .type   dune_kvm_disable_hypercalls, @function
dune_kvm_disable_hypercalls:
        movq    $0, dune_hypercall_entry(%rip)
        ret
        .size   dune_kvm_disable_hypercalls, . - dune_kvm_disable_hypercalls

/* void dune_probe_stack(ulong bytes): touches the stack page by page below rsp so the kernel grows it now. */
        .globl  dune_probe_stack
        .type   dune_probe_stack, @function
dune_probe_stack:
        mov     %rsp, %rax
1:      sub     $4096, %rax
        orb     $0, (%rax)
        sub     $4096, %rdi
        ja      1b
        ret
        .size   dune_probe_stack, . - dune_probe_stack

        .bss
        .align  64
        .globl  dune_kvm_hypercall_block
dune_kvm_hypercall_block:
        .skip   128

        .section .note.GNU-stack, "", @progbits
