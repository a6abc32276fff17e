/*
 * Ring 3 from a Dune process in ring 0 (Dune.UserMode.Ring3). One ring-3 run at a time per CPU; the run's
 * state is the CPU's (%gs:PERCPU_USER_MODE_..., Cpu/PerCpu/UserModeState.cs).
 *
 * The user frame (UserMode/UserFrame.cs), lowest address first, ends with exactly what iretq pops:
 *   r15 r14 r13 r12 r11 r10 r9 r8 rbp rdi rsi rdx rcx rbx rax fsbase | rip cs rflags rsp ss
 *
 * Entering: dune_user_enter saves the ring-0 callee-saved registers, stack, CR3 and FS base, then loads
 * the user CR3 and FS base and pops the frame with iretq. SYSCALL (LSTAR = dune_user_syscall_entry) comes
 * back with rcx = user rip, r11 = user rflags and the user rsp: the stub builds a frame on the ring-0 stack
 * below the enter call, restores the runtime's CR3 and FS base (so C# code, allocation and hypercalls work
 * as usual), saves the SSE state and calls the C# handler with the frame and ring 3's FXSAVE area. Handler
 * result 0 resumes ring 3 with SYSRETQ (the handler guarantees a lower-half rip: SYSRET with a non-canonical
 * rcx raises #GP in ring 0 on Intel), 2 with IRETQ restoring every register (rcx and r11 too: after a
 * signal frame's return or a trap), 1 leaves to the enter caller. A ring-3 exception or an injected
 * interrupt the monitor must see is turned by the C# trap handler into an entry like a SYSCALL: it writes
 * the user frame where the SYSCALL entry builds it (its fsbase slot already holds ring 3's FS base: only
 * arch_prctl, through the handler, changes it) and points the trap frame's iretq at dune_user_trap_entry in
 * ring 0. The handler's last look at the program's signals holds back host signal deliveries
 * (PerCpu.Signals.Delivering): one relayed between the look and the return would stay pending while ring 3
 * runs. The host never injects in this section, so here the hold ends, and a signal held back meanwhile
 * makes the handler run again as an interrupt entry (it relays it, then resumes ring 3 with IRETQ).
 *
 * GS: ring 0 runs with GS base = its PerCpu, ring 3 with its own (0 at the start of every run). SWAPGS
 * exchanges them with MSR_KERNEL_GS_BASE on every crossing (here and in the trap entry). Between the switches ring 0
 * runs with part of ring 3's context (GS base, FS base, CR3, stack): this code is in the crossing section (dune.ld),
 * where the host half never injects a signal delivery (Backends/Host/CrossingCode.cs).
 */

#include "register-saves.inc"
#include "layouts.inc"

        .set    USER_CS, 0x23
        .set    USER_SS, 0x1b
        .set    MSR_FS_BASE, 0xc0000100
        .set    MSR_KERNEL_GS_BASE, 0xc0000102

        /* Every crossing in both directions runs in the crossing section: the host never injects into it. */
        .section .text.dune_crossing, "ax", @progbits
/* void dune_user_enter(UserFrame* frame, ulong userCr3, int (*handler)(UserFrame*, void* fxsave)): returns when the run ends. */
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
        mov     %rsp, %gs:PERCPU_USER_MODE_KERNEL_RSP
        mov     %rdx, %gs:PERCPU_USER_MODE_SYSCALL_HANDLER
        mov     %rsi, %gs:PERCPU_USER_MODE_USER_CR3
        mov     %cr3, %rax
        mov     %rax, %gs:PERCPU_USER_MODE_RUNTIME_CR3
        mov     $MSR_FS_BASE, %ecx
        rdmsr
        shl     $32, %rdx
        or      %rdx, %rax
        mov     %rax, %gs:PERCPU_USER_MODE_RUNTIME_FS_BASE
        mov     $MSR_KERNEL_GS_BASE, %ecx   /* ring 3's GS base after the SWAPGS below */
        xor     %eax, %eax
        xor     %edx, %edx
        wrmsr
        mov     %rdi, %rsi              /* a copy of the frame below: the caller's own stack stays untouched */
        sub     $USERFRAME_SIZE, %rsp
        mov     %rsp, %rdi
        mov     $USERFRAME_SIZE/8, %ecx
        rep movsq
        call    user_switch_to_user
        pop_gprs
        add     $8, %rsp                /* fsbase */
        swapgs
        iretq
        .size   dune_user_enter, . - dune_user_enter

/* Loads the frame's FS base and the user CR3; the frame is at rsp (above the return address). Clobbers rax, rcx, rdx. */
user_switch_to_user:
        mov     USERFRAME_FS_BASE+8(%rsp), %rax
        mov     %rax, %rdx
        shr     $32, %rdx
        mov     $MSR_FS_BASE, %ecx
        wrmsr
        mov     %gs:PERCPU_USER_MODE_USER_CR3, %rax
        mov     %rax, %cr3
        ret

        .globl  dune_user_syscall_entry
        .type   dune_user_syscall_entry, @function
dune_user_syscall_entry:
        swapgs
        mov     %rsp, %gs:PERCPU_USER_MODE_SCRATCH_RSP
        mov     %gs:PERCPU_USER_MODE_KERNEL_RSP, %rsp
        pushq   $USER_SS
        pushq   %gs:PERCPU_USER_MODE_SCRATCH_RSP
        push    %r11                    /* rflags */
        pushq   $USER_CS
        push    %rcx                    /* rip */
        pushq   $0                      /* fsbase, read below */
        push_gprs
        mov     %gs:PERCPU_USER_MODE_RUNTIME_CR3, %rax
        mov     %rax, %cr3
        mov     $MSR_FS_BASE, %ecx
        rdmsr
        shl     $32, %rdx
        or      %rdx, %rax
        mov     %rax, USERFRAME_FS_BASE(%rsp)
        mov     %gs:PERCPU_USER_MODE_RUNTIME_FS_BASE, %rax
        mov     %rax, %rdx
        shr     $32, %rdx
        wrmsr
user_call_handler:
        mov     %rsp, %rbx              /* the frame; callee-saved */
        sub     $512, %rsp
        and     $-16, %rsp
        fxsave64 (%rsp)                 /* ring 3's SSE state; the C# handler runs with the runtime's */
        mov     %gs:PERCPU_USER_MODE_KERNEL_RSP, %rax
        fxrstor64 (%rax)
user_call_again:
        mov     %rbx, %rdi
        mov     %rsp, %rsi
        call    *%gs:PERCPU_USER_MODE_SYSCALL_HANDLER
        movq    $0, %gs:PERCPU_SIGNALS_DELIVERING   /* set by the handler's last look at the program's signals */
        cmp     $1, %eax
        je      user_leave
        cmpq    $0, %gs:PERCPU_SIGNALS_PENDING      /* held back since that look: relay it as an interrupt entry */
        jne     user_enter_again
        mov     %eax, %r12d
        fxrstor64 (%rsp)
        mov     %rbx, %rsp
        call    user_switch_to_user
        cmp     $2, %r12d
        je      user_return_iret
        mov     USERFRAME_R15(%rsp), %r15
        mov     USERFRAME_R14(%rsp), %r14
        mov     USERFRAME_R13(%rsp), %r13
        mov     USERFRAME_R12(%rsp), %r12
        mov     USERFRAME_R10(%rsp), %r10
        mov     USERFRAME_R9(%rsp), %r9
        mov     USERFRAME_R8(%rsp), %r8
        mov     USERFRAME_RBP(%rsp), %rbp
        mov     USERFRAME_RDI(%rsp), %rdi
        mov     USERFRAME_RSI(%rsp), %rsi
        mov     USERFRAME_RDX(%rsp), %rdx
        mov     USERFRAME_RBX(%rsp), %rbx
        mov     USERFRAME_RAX(%rsp), %rax
        mov     USERFRAME_RIP(%rsp), %rcx       /* SYSCALL's contract: rcx = rip, r11 = rflags on return */
        mov     USERFRAME_RFLAGS(%rsp), %r11
        mov     USERFRAME_RSP(%rsp), %rsp
        swapgs
        sysretq
user_return_iret:
        pop_gprs
        add     $8, %rsp                /* fsbase */
        swapgs
        iretq
        .size   dune_user_syscall_entry, . - dune_user_syscall_entry

user_enter_again:
        movq    $PERCPU_USER_MODE_INTERRUPT_ENTRY, %gs:PERCPU_USER_MODE_ENTRY
        jmp     user_call_again

/* Reached by iretq from the trap entry in ring 0, with rsp = the user frame Ring3's trap handler wrote and the runtime's FS base. */
        .globl  dune_user_trap_entry
        .type   dune_user_trap_entry, @function
dune_user_trap_entry:
        mov     %gs:PERCPU_USER_MODE_RUNTIME_CR3, %rax
        mov     %rax, %cr3
        jmp     user_call_handler
        .size   dune_user_trap_entry, . - dune_user_trap_entry

/* The run ends: back to the enter caller with the runtime's SSE state. */
user_leave:
        mov     %gs:PERCPU_USER_MODE_KERNEL_RSP, %rsp
        fxrstor64 (%rsp)
        add     $8+512, %rsp
        pop     %r15
        pop     %r14
        pop     %r13
        pop     %r12
        pop     %rbx
        pop     %rbp
        ret

        .text
/* Addresses the C# side needs: LSTAR's target and the trap entry. */
        .globl  dune_user_syscall_entry_address
dune_user_syscall_entry_address:
        lea     dune_user_syscall_entry(%rip), %rax
        ret

        .globl  dune_user_trap_entry_address
dune_user_trap_entry_address:
        lea     dune_user_trap_entry(%rip), %rax
        ret

        .section .note.GNU-stack, "", @progbits
