/*
 * Exception dispatch stubs. The dispatcher itself is C# (Runtime/ExceptionHandling); assembly only captures
 * the register state where an exception starts, calls handler funclets with the parent frame's registers,
 * and resumes execution in a frame the dispatcher chose.
 *
 * RegisterContext layout (RegisterContext.cs): rip, rsp, rbp, rbx, r12, r13, r14, r15 at 8-byte steps.
 */

#include "register-saves.inc"

        .text

/* Pushes a RegisterContext for the caller of this stub: rip = return address, rsp = caller's rsp after it. */
.macro CAPTURE_CALLER_CONTEXT
        push    %r15
        push    %r14
        push    %r13
        push    %r12
        push    %rbx
        push    %rbp
        lea     56(%rsp), %rax          /* caller's rsp once the return address is popped */
        push    %rax
        push    56(%rsp)                /* return address = where the throw happened */
.endm

/* RhpThrowEx(rdi = exception): every C# `throw`. */
        .globl  RhpThrowEx
        .type   RhpThrowEx, @function
RhpThrowEx:
        CAPTURE_CALLER_CONTEXT
        mov     %rsp, %rsi              /* rsi = RegisterContext* */
        sub     $8, %rsp                /* 8 pushes + return address: realign to 16 */
        call    DuneDispatchException
        ud2
        .size   RhpThrowEx, . - RhpThrowEx

/* RhpRethrow(): `throw;` inside a catch funclet. The dispatcher knows which exception that catch handles. */
        .globl  RhpRethrow
        .type   RhpRethrow, @function
RhpRethrow:
        CAPTURE_CALLER_CONTEXT
        mov     %rsp, %rdi              /* rdi = RegisterContext* */
        sub     $8, %rsp
        call    DuneRethrowException
        ud2
        .size   RhpRethrow, . - RhpRethrow

/*
 * DuneFaultThrow: a signal handler (or a trap handler) redirects a faulting thread here with
 * rdi = fault kind, rsi = faulting rip, rdx = faulting rsp, rcx = fault address, rsp = a safe spot below
 * the faulting frame. The callee-saved registers still hold the faulting frame's values.
 */
        .globl  DuneFaultThrow
        .type   DuneFaultThrow, @function
DuneFaultThrow:
        and     $-16, %rsp
        push    %r15
        push    %r14
        push    %r13
        push    %r12
        push    %rbx
        push    %rbp
        push    %rdx
        push    %rsi
        mov     %rdi, %rsi              /* kind */
        mov     %rsp, %rdi              /* RegisterContext* */
        mov     %rcx, %rdx              /* fault address */
        call    DuneRaiseFromFault
        ud2
        .size   DuneFaultThrow, . - DuneFaultThrow

/*
 * long DuneCallFunclet(void* funclet, object exception, RegisterContext* parent, void* exInfo)
 * Runs a catch/finally/filter funclet of the parent frame: funclets address the parent's locals through
 * rbp and take the exception in rdi; catch funclets return the resume address, filters a boolean.
 * exInfo is left at [rsp] across the call so an unwinder crossing this frame finds which dispatch (and
 * which parent frame) the funclet belongs to: it sits exactly at the funclet's CFA.
 */
        .globl  DuneCallFunclet
        .type   DuneCallFunclet, @function
DuneCallFunclet:
        push    %rbp
        push    %rbx
        push    %r12
        push    %r13
        push    %r14
        push    %r15
        push    %rcx                    /* exInfo, at the funclet's CFA */
        mov     %rdi, %rax
        mov     %rsi, %rdi
        load_context_callee_saved %rdx
        call    *%rax
        .globl  DuneFuncletReturn
DuneFuncletReturn:
        pop     %rcx
        pop     %r15
        pop     %r14
        pop     %r13
        pop     %r12
        pop     %rbx
        pop     %rbp
        ret
        .size   DuneCallFunclet, . - DuneCallFunclet

/* void DuneResume(RegisterContext* context, void* address, long rax): continue at address in that frame. */
        .globl  DuneResume
        .type   DuneResume, @function
DuneResume:
        mov     %rdx, %rax
        load_context_callee_saved %rdi
        mov     8(%rdi), %rsp
        jmp     *%rsi
        .size   DuneResume, . - DuneResume

/* byte* DuneEhFrame(byte** end): the .eh_frame section's bounds (symbols from linker/dune.ld). */
        .globl  DuneEhFrame
        .type   DuneEhFrame, @function
DuneEhFrame:
        lea     __eh_frame_end(%rip), %rax
        mov     %rax, (%rdi)
        lea     __eh_frame_start(%rip), %rax
        ret
        .size   DuneEhFrame, . - DuneEhFrame

/* void* DuneFuncletReturnAddress(): lets the unwinder recognize frames of DuneCallFunclet. */
        .globl  DuneFuncletReturnAddress
        .type   DuneFuncletReturnAddress, @function
DuneFuncletReturnAddress:
        lea     DuneFuncletReturn(%rip), %rax
        ret
        .size   DuneFuncletReturnAddress, . - DuneFuncletReturnAddress

        .section .note.GNU-stack, "", @progbits
