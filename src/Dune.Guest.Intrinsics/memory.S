/*
 * memmove / memset for the runtime and for code ilc emits (block copies and zeroing).
 * memmove: up to 64 bytes with overlapping loads that all happen before the stores (any overlap is safe);
 * longer copies move 32 bytes per step, towards lower addresses when the destination overlaps the source
 * from above, with the last (or first) 32 bytes loaded before anything is stored; long forward copies use
 * rep movsb, which the CPU runs fastest from about 2 KiB. memset: word stores below 32 bytes, rep stosb above.
 */
        .text
        .globl  memmove
        .globl  memcpy
        .type   memmove, @function
memmove:
memcpy:
        mov     %rdi, %rax
        cmp     $16, %rdx
        ja      .Lmove_over16
        cmp     $8, %rdx
        jb      .Lmove_under8
        mov     (%rsi), %rcx
        mov     -8(%rsi,%rdx), %r8
        mov     %rcx, (%rdi)
        mov     %r8, -8(%rdi,%rdx)
        ret
.Lmove_under8:
        cmp     $4, %rdx
        jb      .Lmove_under4
        mov     (%rsi), %ecx
        mov     -4(%rsi,%rdx), %r8d
        mov     %ecx, (%rdi)
        mov     %r8d, -4(%rdi,%rdx)
        ret
.Lmove_under4:
        cmp     $2, %rdx
        jb      .Lmove_under2
        movzwl  (%rsi), %ecx
        movzwl  -2(%rsi,%rdx), %r8d
        mov     %cx, (%rdi)
        mov     %r8w, -2(%rdi,%rdx)
        ret
.Lmove_under2:
        test    %rdx, %rdx
        jz      .Lmove_done
        movzbl  (%rsi), %ecx
        mov     %cl, (%rdi)
.Lmove_done:
        ret
.Lmove_over16:
        cmp     $32, %rdx
        ja      .Lmove_over32
        movups  (%rsi), %xmm0
        movups  -16(%rsi,%rdx), %xmm1
        movups  %xmm0, (%rdi)
        movups  %xmm1, -16(%rdi,%rdx)
        ret
.Lmove_over32:
        cmp     $64, %rdx
        ja      .Lmove_over64
        movups  (%rsi), %xmm0
        movups  16(%rsi), %xmm1
        movups  -32(%rsi,%rdx), %xmm2
        movups  -16(%rsi,%rdx), %xmm3
        movups  %xmm0, (%rdi)
        movups  %xmm1, 16(%rdi)
        movups  %xmm2, -32(%rdi,%rdx)
        movups  %xmm3, -16(%rdi,%rdx)
        ret
.Lmove_over64:
        mov     %rdi, %rcx
        sub     %rsi, %rcx
        cmp     %rdx, %rcx
        jb      .Lmove_backward         /* src < dst < src + n: copy from the end */
        cmp     $2048, %rdx
        jae     .Lmove_rep
        movups  -32(%rsi,%rdx), %xmm2
        movups  -16(%rsi,%rdx), %xmm3
        lea     -32(%rdi,%rdx), %r8
        mov     %rdx, %rcx
1:      movups  (%rsi), %xmm0
        movups  16(%rsi), %xmm1
        movups  %xmm0, (%rdi)
        movups  %xmm1, 16(%rdi)
        add     $32, %rsi
        add     $32, %rdi
        sub     $32, %rcx
        cmp     $32, %rcx
        ja      1b
        movups  %xmm2, (%r8)
        movups  %xmm3, 16(%r8)
        ret
.Lmove_rep:
        mov     %rdx, %rcx
        rep movsb
        ret
.Lmove_backward:
        movups  (%rsi), %xmm2
        movups  16(%rsi), %xmm3
        mov     %rdi, %r8
        add     %rdx, %rsi
        add     %rdx, %rdi
        mov     %rdx, %rcx
1:      movups  -32(%rsi), %xmm0
        movups  -16(%rsi), %xmm1
        movups  %xmm0, -32(%rdi)
        movups  %xmm1, -16(%rdi)
        sub     $32, %rsi
        sub     $32, %rdi
        sub     $32, %rcx
        cmp     $32, %rcx
        ja      1b
        movups  %xmm2, (%r8)
        movups  %xmm3, 16(%r8)
        ret
        .size   memmove, . - memmove

        .globl  memset
        .type   memset, @function
memset:
        mov     %rdi, %r9
        movzbl  %sil, %eax
        cmp     $32, %rdx
        jae     .Lset_rep
        mov     $0x0101010101010101, %rcx
        imul    %rcx, %rax
        cmp     $8, %rdx
        jb      .Lset_bytes
        lea     -8(%rdi,%rdx), %rcx
1:      mov     %rax, (%rdi)
        add     $8, %rdi
        cmp     %rcx, %rdi
        jb      1b
        mov     %rax, (%rcx)
        mov     %r9, %rax
        ret
.Lset_bytes:
        test    %rdx, %rdx
        jz      .Lset_done
2:      mov     %al, (%rdi)
        inc     %rdi
        dec     %rdx
        jnz     2b
.Lset_done:
        mov     %r9, %rax
        ret
.Lset_rep:
        mov     %rdx, %rcx
        rep stosb
        mov     %r9, %rax
        ret
        .size   memset, . - memset

        .section .note.GNU-stack, "", @progbits
