/*
 * long dune_syscall6(long nr, long a0, long a1, long a2, long a3, long a4, long a5)
 * The single gateway for system calls. In host mode it is the syscall instruction. Once the process is in
 * Dune mode (dune_hypercall_entry is set by the backend) it jumps to the backend's hypercall stub instead,
 * with the registers already in kernel syscall order.
 */
        .text
        .globl  dune_syscall6
        .type   dune_syscall6, @function
dune_syscall6:
        mov     %rdi, %rax              /* nr */
        mov     %rsi, %rdi              /* SysV args shift left by one into the kernel order */
        mov     %rdx, %rsi
        mov     %rcx, %rdx
        mov     %r8, %r10
        mov     %r9, %r8
        mov     8(%rsp), %r9            /* 7th argument from the stack */
        mov     dune_hypercall_entry(%rip), %r11
        test    %r11, %r11
        jnz     1f
        syscall
        ret
1:      jmp     *%r11
        .size   dune_syscall6, . - dune_syscall6

        .bss
        .align  8
        .globl  dune_hypercall_entry
dune_hypercall_entry:
        .quad   0

        .section .note.GNU-stack, "", @progbits
