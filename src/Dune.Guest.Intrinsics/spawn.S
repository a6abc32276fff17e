/*
 * long dune_spawn(const char* path, char* const* argv, char* const* envp): vfork, and execve in the child (which
 * exits with 127 if that fails). As vfork, it returns in the parent only once the child has replaced itself or
 * exited: the child's pid, or -errno. In host mode the child runs in the parent's memory on the parent's stack
 * until then, so it keeps everything in registers and its calls below the return address the parent's vfork call
 * left on the stack (the parent returns through it). In Dune mode the host half gives vfork fork's copy of the
 * memory with vfork's wait (Backends/Kvm/README.md, "fork").
 */
        .set    SYS_VFORK, 58
        .set    SYS_EXECVE, 59
        .set    SYS_EXIT_GROUP, 231
        .set    CHILD_STACK_GAP, 256

        .text
        .globl  dune_spawn
        .type   dune_spawn, @function
dune_spawn:
        push    %rbx
        push    %r12
        push    %r13
        mov     %rdi, %rbx
        mov     %rsi, %r12
        mov     %rdx, %r13
        mov     $SYS_VFORK, %edi
        call    dune_syscall6
        test    %rax, %rax
        jnz     1f
        sub     $CHILD_STACK_GAP, %rsp
        mov     $SYS_EXECVE, %edi
        mov     %rbx, %rsi
        mov     %r12, %rdx
        mov     %r13, %rcx
        call    dune_syscall6
        mov     $SYS_EXIT_GROUP, %edi
        mov     $127, %esi
        call    dune_syscall6
1:      pop     %r13
        pop     %r12
        pop     %rbx
        ret
        .size   dune_spawn, . - dune_spawn

        .section .note.GNU-stack, "", @progbits
