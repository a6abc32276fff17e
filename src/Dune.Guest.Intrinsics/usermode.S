/*
 * Ring 3 from a Dune process in ring 0 (Dune.UserMode.Ring3). One ring-3 run at a time, one CPU.
 *
 * The user frame (UserMode/UserFrame.cs), lowest address first, ends with exactly what iretq pops:
 *   r15 r14 r13 r12 r11 r10 r9 r8 rbp rdi rsi rdx rcx rbx rax fsbase | rip cs rflags rsp ss
 *
 * Entering: dune_user_enter saves the ring-0 callee-saved registers, stack, CR3 and FS base, then loads
 * the user CR3 and FS base and pops the frame with iretq. SYSCALL (LSTAR = dune_user_syscall_entry) comes
 * back with rcx = user rip, r11 = user rflags and the user rsp: the stub builds a frame on the ring-0 stack
 * below the enter call, restores the runtime's CR3 and FS base (so C# code, allocation and hypercalls work
 * as usual), saves the SSE state and calls the C# handler. Handler result 0 resumes ring 3 with SYSRETQ
 * (the handler guarantees a lower-half rip: SYSRET with a non-canonical rcx raises #GP in ring 0 on Intel);
 * nonzero leaves to the enter caller. A ring-3 exception is ended by the
 * C# trap handler, which points the trap frame's iretq at dune_user_fault_exit in ring 0.
 */

#include "register-saves.inc"

        .set    FRAME_FSBASE, 15*8
        .set    FRAME_RIP, 16*8
        .set    FRAME_RFLAGS, 18*8
        .set    FRAME_RSP, 19*8
        .set    FRAME_SIZE, 21*8
        .set    USER_CS, 0x23
        .set    USER_SS, 0x1b
        .set    MSR_FS_BASE, 0xc0000100

        .text
/* void dune_user_enter(UserFrame* frame, ulong userCr3, int (*handler)(UserFrame*)): returns when the run ends. */
        .globl  dune_user_enter
        .type   dune_user_enter, @function
dune_user_enter:
        push    %rbp
        push    %rbx
        push    %r12
        push    %r13
        push    %r14
        push    %r15
        sub     $8+512, %rsp            /* 16-byte aligned: the runtime's SSE state, restored when the run ends */
        fxsave64 (%rsp)
        mov     %rsp, user_kernel_rsp(%rip)
        mov     %rdx, user_handler(%rip)
        mov     %rsi, user_cr3(%rip)
        mov     %cr3, %rax
        mov     %rax, user_runtime_cr3(%rip)
        mov     $MSR_FS_BASE, %ecx
        rdmsr
        shl     $32, %rdx
        or      %rdx, %rax
        mov     %rax, user_runtime_fs(%rip)
        mov     %rdi, %rsi              /* a copy of the frame below: the caller's own stack stays untouched */
        sub     $FRAME_SIZE, %rsp
        mov     %rsp, %rdi
        mov     $FRAME_SIZE/8, %ecx
        rep movsq
        jmp     user_resume_iret
        .size   dune_user_enter, . - dune_user_enter

/* Loads the frame's FS base and the user CR3; the frame is at rsp. Clobbers rax, rcx, rdx. */
user_switch_to_user:
        mov     FRAME_FSBASE+8(%rsp), %rax
        mov     %rax, %rdx
        shr     $32, %rdx
        mov     $MSR_FS_BASE, %ecx
        wrmsr
        mov     user_cr3(%rip), %rax
        mov     %rax, %cr3
        ret

/* Leaves to ring 3 with every register of the frame at rsp. */
user_resume_iret:
        call    user_switch_to_user
        pop_gprs
        add     $8, %rsp                /* fsbase */
        iretq

        .globl  dune_user_syscall_entry
        .type   dune_user_syscall_entry, @function
dune_user_syscall_entry:
        mov     %rsp, user_scratch_rsp(%rip)
        mov     user_kernel_rsp(%rip), %rsp
        pushq   $USER_SS
        pushq   user_scratch_rsp(%rip)
        push    %r11                    /* rflags */
        pushq   $USER_CS
        push    %rcx                    /* rip */
        pushq   $0                      /* fsbase, read below */
        push_gprs
        mov     user_runtime_cr3(%rip), %rax
        mov     %rax, %cr3
        mov     $MSR_FS_BASE, %ecx
        rdmsr
        shl     $32, %rdx
        or      %rdx, %rax
        mov     %rax, FRAME_FSBASE(%rsp)
        mov     user_runtime_fs(%rip), %rax
        mov     %rax, %rdx
        shr     $32, %rdx
        wrmsr
        mov     %rsp, %rbx              /* the frame; callee-saved */
        sub     $512, %rsp
        and     $-16, %rsp
        fxsave64 (%rsp)                 /* ring 3's SSE state; the C# handler runs with the runtime's */
        mov     user_kernel_rsp(%rip), %rax
        fxrstor64 (%rax)
        mov     %rbx, %rdi
        call    *user_handler(%rip)
        test    %eax, %eax
        jnz     user_leave
        fxrstor64 (%rsp)
        mov     %rbx, %rsp
        call    user_switch_to_user
        mov     0*8(%rsp), %r15
        mov     1*8(%rsp), %r14
        mov     2*8(%rsp), %r13
        mov     3*8(%rsp), %r12
        mov     5*8(%rsp), %r10
        mov     6*8(%rsp), %r9
        mov     7*8(%rsp), %r8
        mov     8*8(%rsp), %rbp
        mov     9*8(%rsp), %rdi
        mov     10*8(%rsp), %rsi
        mov     11*8(%rsp), %rdx
        mov     13*8(%rsp), %rbx
        mov     14*8(%rsp), %rax
        mov     FRAME_RIP(%rsp), %rcx   /* SYSCALL's contract: rcx = rip, r11 = rflags on return */
        mov     FRAME_RFLAGS(%rsp), %r11
        mov     FRAME_RSP(%rsp), %rsp
        sysretq
        .size   dune_user_syscall_entry, . - dune_user_syscall_entry

/* Reached by iretq from the trap entry in ring 0 (the C# trap handler rewrote the frame): back to runtime state. */
        .globl  dune_user_fault_exit
        .type   dune_user_fault_exit, @function
dune_user_fault_exit:
        mov     user_runtime_cr3(%rip), %rax
        mov     %rax, %cr3
        mov     user_runtime_fs(%rip), %rax
        mov     %rax, %rdx
        shr     $32, %rdx
        mov     $MSR_FS_BASE, %ecx
        wrmsr
user_leave:
        mov     user_kernel_rsp(%rip), %rsp
        fxrstor64 (%rsp)
        add     $8+512, %rsp
        pop     %r15
        pop     %r14
        pop     %r13
        pop     %r12
        pop     %rbx
        pop     %rbp
        ret
        .size   dune_user_fault_exit, . - dune_user_fault_exit

/* Addresses the C# side needs: LSTAR's target, the fault exit and the ring-0 stack to resume it on. */
        .globl  dune_user_syscall_entry_address
dune_user_syscall_entry_address:
        lea     dune_user_syscall_entry(%rip), %rax
        ret

        .globl  dune_user_fault_exit_address
dune_user_fault_exit_address:
        lea     dune_user_fault_exit(%rip), %rax
        ret

        .globl  dune_user_kernel_stack
dune_user_kernel_stack:
        mov     user_kernel_rsp(%rip), %rax
        ret

        .bss
        .align  8
user_kernel_rsp:        .quad 0
user_scratch_rsp:       .quad 0
user_cr3:               .quad 0
user_runtime_cr3:       .quad 0
user_runtime_fs:        .quad 0
user_handler:           .quad 0

        .section .note.GNU-stack, "", @progbits
