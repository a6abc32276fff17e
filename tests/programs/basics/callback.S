/* long call_twice(long x): calls the C# export basics_square(x) twice and adds the results. */
        .text
        .globl  call_twice
call_twice:
        push    %rbx
        push    %r12
        sub     $8, %rsp                /* keep rsp 16-byte aligned at the calls */
        mov     %rdi, %r12
        call    basics_square
        mov     %rax, %rbx
        mov     %r12, %rdi
        call    basics_square
        add     %rbx, %rax
        add     $8, %rsp
        pop     %r12
        pop     %rbx
        ret

        .section .note.GNU-stack, "", @progbits
