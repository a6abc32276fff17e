/*
 * Guest exception entry. The IDT points vector N at dune_trap_stubs[N]; every gate uses IST1, so even a
 * fault on a broken stack lands on a good one. Each stub makes the frame uniform (a zero error code when the
 * CPU pushes none, then the vector) and joins dune_trap_common, which saves the general registers and CR2
 * First a ring-0 handler installed by the program (dune_trap_handler, Traps/TrapHandler.cs) may claim the
 * exception: it runs with the SSE state saved around it and returns nonzero when it handled it. Otherwise
 * *dune_trap_report_entry(frame) goes to the backend, and returns only when the fault was resolved (e.g.
 * the KVM backend mirrored a page the host had but the guest did not). Either way the registers are
 * restored and iretq resumes at the frame's rip (the handler may change the frame). Frame layout, from
 * the final rsp upwards (Traps/TrapFrame.cs):
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
        mov     %rsp, %rbx              /* the frame; callee-saved across both calls */
        mov     dune_trap_handler(%rip), %rax
        test    %rax, %rax
        jz      2f
        sub     $512, %rsp              /* fxsave area; the IST top is 16-aligned and the frame is 184 bytes */
        and     $-16, %rsp
        fxsave64 (%rsp)
        mov     %rbx, %rdi
        call    *%rax
        fxrstor64 (%rsp)
        mov     %rbx, %rsp
        test    %eax, %eax
        jnz     3f
2:      mov     %rbx, %rdi
        and     $-16, %rsp              /* SysV alignment for the call */
        call    *dune_trap_report_entry(%rip)
        mov     %rbx, %rsp
3:      add     $8, %rsp                /* cr2 */
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

/* void dune_set_trap_handler(int (*handler)(TrapFrame*)): installs (or, with null, removes) the handler. */
        .text
        .globl  dune_set_trap_handler
        .type   dune_set_trap_handler, @function
dune_set_trap_handler:
        mov     %rdi, dune_trap_handler(%rip)
        ret

        .bss
        .align  8
dune_trap_handler:
        .quad   0
        .globl  dune_trap_report_entry
dune_trap_report_entry:                /* set by the backend before entering Dune mode */
        .quad   0

        .section .note.GNU-stack, "", @progbits
