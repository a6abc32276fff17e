/*
 * Interface dispatch stubs. ilc calls an interface method with r11 = the call site's dispatch cell
 * [stub, cache] and `call *(%r11)`; the arguments are already in place, so the stubs must leave every
 * argument register (rdi..r9, xmm0-7) untouched and finish with a jump to the target.
 */
        .text
        .globl  RhpInitialDynamicInterfaceDispatch
        .type   RhpInitialDynamicInterfaceDispatch, @function
RhpInitialDynamicInterfaceDispatch:     /* resolve in C#: DuneResolveInterfaceCall(this, cell) */
        push    %rbp
        mov     %rsp, %rbp
        push    %rdi
        push    %rsi
        push    %rdx
        push    %rcx
        push    %r8
        push    %r9
        sub     $128, %rsp              /* xmm0-7; rsp stays 16-byte aligned (8 + 8 + 48 + 128) */
        movdqu  %xmm0, 0(%rsp)
        movdqu  %xmm1, 16(%rsp)
        movdqu  %xmm2, 32(%rsp)
        movdqu  %xmm3, 48(%rsp)
        movdqu  %xmm4, 64(%rsp)
        movdqu  %xmm5, 80(%rsp)
        movdqu  %xmm6, 96(%rsp)
        movdqu  %xmm7, 112(%rsp)
        mov     %r11, %rsi
        call    DuneResolveInterfaceCall
        mov     %rax, %r11
        movdqu  0(%rsp), %xmm0
        movdqu  16(%rsp), %xmm1
        movdqu  32(%rsp), %xmm2
        movdqu  48(%rsp), %xmm3
        movdqu  64(%rsp), %xmm4
        movdqu  80(%rsp), %xmm5
        movdqu  96(%rsp), %xmm6
        movdqu  112(%rsp), %xmm7
        add     $128, %rsp
        pop     %r9
        pop     %r8
        pop     %rcx
        pop     %rdx
        pop     %rsi
        pop     %rdi
        pop     %rbp
        jmp     *%r11
        .size   RhpInitialDynamicInterfaceDispatch, . - RhpInitialDynamicInterfaceDispatch

/*
 * Cells after their first call: cache = the entries of a DispatchCache, {type, target} pairs ending in a null
 * type. The object's type is compared with each; a hit jumps to its target, a miss resolves in C# (which adds
 * the type to the cell's cache while there is room).
 */
        .globl  DuneCachedInterfaceDispatch
        .type   DuneCachedInterfaceDispatch, @function
DuneCachedInterfaceDispatch:
        test    %rdi, %rdi
        jz      RhpInitialDynamicInterfaceDispatch
        mov     8(%r11), %rax
        mov     (%rdi), %r10
1:      cmp     (%rax), %r10
        je      2f
        add     $16, %rax
        cmpq    $0, (%rax)
        jne     1b
        jmp     RhpInitialDynamicInterfaceDispatch
2:      jmp     *8(%rax)
        .size   DuneCachedInterfaceDispatch, . - DuneCachedInterfaceDispatch

        .section .note.GNU-stack, "", @progbits
