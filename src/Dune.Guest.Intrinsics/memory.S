/* memmove / memset for the runtime and for code ilc emits (block copies and zeroing). */
        .text
        .globl  memmove
        .globl  memcpy
        .type   memmove, @function
memmove:
memcpy:
        mov     %rdi, %rax
        mov     %rdx, %rcx
        cmp     %rsi, %rdi
        jbe     1f                      /* dst below src: forward copy is safe */
        lea     -1(%rsi,%rdx), %rsi     /* overlapping upward move: copy backwards */
        lea     -1(%rdi,%rdx), %rdi
        std
        rep movsb
        cld
        ret
1:      rep movsb
        ret
        .size   memmove, . - memmove

        .globl  memset
        .type   memset, @function
memset:
        mov     %rdi, %r9
        mov     %esi, %eax
        mov     %rdx, %rcx
        rep stosb
        mov     %r9, %rax
        ret
        .size   memset, . - memset

        .section .note.GNU-stack, "", @progbits
