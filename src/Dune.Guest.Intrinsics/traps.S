/*
 * Guest exception entry. The IDT points vector N at dune_trap_stubs[N]; every gate uses IST1, so even a
 * fault on a broken stack lands on a good one. Each stub makes the frame uniform (a zero error code when the
 * CPU pushes none, then the vector) and joins dune_trap_common, which saves the general registers and CR2
 * and calls *dune_trap_report_entry(frame). That call returns only when the fault was resolved (e.g. the
 * KVM backend mirrored a page the host had but the guest did not): the registers are restored and iretq
 * retries the faulting instruction. Frame layout, from the final rsp upwards (Traps/TrapFrame.cs):
 * cr2, r15..r8, rbp, rdi, rsi, rdx, rcx, rbx, rax, vector, error, rip, cs, rflags, rsp, ss.
 */
        .text
        .macro  TRAP vector
        .align  16
trap_stub_\vector:
        .if (\vector == 8) || (\vector >= 10 && \vector <= 14) || (\vector == 17) || (\vector == 21) || (\vector == 29) || (\vector == 30)
        .else
        pushq   $0
        .endif
        pushq   $\vector
        jmp     dune_trap_common
        .endm

        .irp    v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        TRAP    \v
        .endr

dune_trap_common:
        push    %rax
        push    %rbx
        push    %rcx
        push    %rdx
        push    %rsi
        push    %rdi
        push    %rbp
        push    %r8
        push    %r9
        push    %r10
        push    %r11
        push    %r12
        push    %r13
        push    %r14
        push    %r15
        mov     %cr2, %rax
        push    %rax
        mov     %rsp, %rdi
        call    *dune_trap_report_entry(%rip)
        add     $8, %rsp                /* cr2 */
        pop     %r15
        pop     %r14
        pop     %r13
        pop     %r12
        pop     %r11
        pop     %r10
        pop     %r9
        pop     %r8
        pop     %rbp
        pop     %rdi
        pop     %rsi
        pop     %rdx
        pop     %rcx
        pop     %rbx
        pop     %rax
        add     $16, %rsp               /* vector, error code */
        iretq

/* void* dune_trap_stub_address(int vector): the entry point the IDT gate of vector 0..31 must use. */
        .globl  dune_trap_stub_address
        .type   dune_trap_stub_address, @function
dune_trap_stub_address:
        lea     dune_trap_stubs(%rip), %rax
        movslq  %edi, %rdi
        mov     (%rax,%rdi,8), %rax
        ret

        .section .rodata
        .align  8
        .globl  dune_trap_stubs
dune_trap_stubs:
        .irp    v, 0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31
        .quad   trap_stub_\v
        .endr

        .bss
        .align  8
        .globl  dune_trap_report_entry
dune_trap_report_entry:                /* set by the backend before entering Dune mode */
        .quad   0

        .section .note.GNU-stack, "", @progbits
