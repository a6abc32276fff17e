/*
 * ELF entry point. The kernel leaves argc at [rsp], argv after it and envp after argv's NULL.
 * We hand these to the C# runtime, which initializes itself, runs Main and exits.
 */
        .text
        .globl  _start
        .type   _start, @function
_start:
        xor     %ebp, %ebp              /* mark the outermost frame for stack walkers */
        mov     (%rsp), %rdi            /* argc */
        lea     8(%rsp), %rsi           /* argv */
        lea     8(%rsi,%rdi,8), %rdx    /* envp = argv + argc + 1 */
        and     $-16, %rsp              /* SysV: 16-byte aligned before the call */
        call    DuneRuntimeMain
        ud2                             /* DuneRuntimeMain never returns */
        .size   _start, . - _start

/* byte** DuneModuleHeaders(int* count): the ReadyToRun headers ld collected into the __modules section. */
        .globl  DuneModuleHeaders
        .type   DuneModuleHeaders, @function
DuneModuleHeaders:
        lea     __start___modules(%rip), %rax
        lea     __stop___modules(%rip), %rcx
        sub     %rax, %rcx
        shr     $3, %rcx
        mov     %ecx, (%rdi)
        ret
        .size   DuneModuleHeaders, . - DuneModuleHeaders

/* Called by the runtime to run the program's Main (emitted by ilc). */
        .globl  DuneCallManagedMain
        .type   DuneCallManagedMain, @function
DuneCallManagedMain:
        jmp     __managed__Main
        .size   DuneCallManagedMain, . - DuneCallManagedMain


/*
 * Stack-protector cookie read by methods with stackalloc buffers. Startup seeds it from the kernel's
 * AT_RANDOM bytes; the constant only guards the instructions that run before that.
 */
        .data
        .align  8
        .globl  __security_cookie
__security_cookie:
        .quad   0x2b992ddfa232

        .section .note.GNU-stack, "", @progbits
