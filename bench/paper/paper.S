/* The few instructions bench/paper needs exactly: C# cannot emit them, or the row must know their length. */
        .text

/* Signal return for the host-mode handlers (sa_restorer, SA_RESTORER): rt_sigreturn. */
paper_restorer:
        mov     $15, %eax
        syscall
        ud2

/* ulong paper_restorer_address(): where paper_restorer is, for struct sigaction. */
        .globl  paper_restorer_address
paper_restorer_address:
        lea     paper_restorer(%rip), %rax
        ret

/* void paper_store(ulong* p): the store the trap row faults on. It is 3 bytes (48 89 3f), the length
   the Linux signal handler skips; in Dune mode the handler's SkipInstruction decodes it. */
        .globl  paper_store
paper_store:
        mov     %rdi, (%rdi)
        ret

/* void paper_exit_probes(long n): n bare exits to the host half (port 0xD2, answered at once). */
        .globl  paper_exit_probes
paper_exit_probes:
        test    %rdi, %rdi
        jz      2f
1:      out     %al, $0xd2
        dec     %rdi
        jnz     1b
2:      ret

/* void paper_cpuid_exits(long n): n CPUID exits, which KVM answers in the kernel without leaving KVM_RUN. */
        .globl  paper_cpuid_exits
paper_cpuid_exits:
        push    %rbx
        mov     %rdi, %r8
        test    %r8, %r8
        jz      2f
1:      xor     %eax, %eax
        xor     %ecx, %ecx
        cpuid
        dec     %r8
        jnz     1b
2:      pop     %rbx
        ret

        .section .note.GNU-stack, "", @progbits
