/*
 * Host-mode signal plumbing for Platform/Signals.cs. The handler itself is C# (DuneSignalHandler);
 * assembly only provides the sa_restorer the kernel returns through, and the addresses C# cannot name.
 */
        .text

/*
 * sa_restorer: the handler's `ret` lands here with rsp just above the kernel's signal frame. rt_sigreturn
 * (15) must see that exact rsp, so jump (not call) into the one system-call gateway.
 */
        .globl  DuneSignalReturn
        .type   DuneSignalReturn, @function
DuneSignalReturn:
        mov     $15, %edi
        jmp     dune_syscall6
        .size   DuneSignalReturn, . - DuneSignalReturn

/* void* DuneSignalEntryPoints(void** restorer, void** faultThrow): handler address; the restorer and DuneFaultThrow. */
        .globl  DuneSignalEntryPoints
        .type   DuneSignalEntryPoints, @function
DuneSignalEntryPoints:
        lea     DuneSignalReturn(%rip), %rax
        mov     %rax, (%rdi)
        lea     DuneFaultThrow(%rip), %rax
        mov     %rax, (%rsi)
        lea     DuneSignalHandler(%rip), %rax
        ret
        .size   DuneSignalEntryPoints, . - DuneSignalEntryPoints

        .section .note.GNU-stack, "", @progbits
