/*
 * Privileged (and a few unprivileged) instructions C# cannot express, one tiny function each, SysV ABI.
 * The privileged ones only work in Dune mode (guest ring 0); in host mode they raise SIGSEGV.
 */
        .text
        .macro  FUNC name
        .globl  \name
        .type   \name, @function
\name:
        .endm

FUNC dune_read_cs               /* ushort dune_read_cs(void) */
        mov     %cs, %eax
        movzwl  %ax, %eax
        ret
FUNC dune_read_cr0
        mov     %cr0, %rax
        ret
FUNC dune_read_cr2
        mov     %cr2, %rax
        ret
FUNC dune_read_cr3
        mov     %cr3, %rax
        ret
FUNC dune_read_cr4
        mov     %cr4, %rax
        ret
FUNC dune_write_cr3             /* void dune_write_cr3(ulong): also flushes non-global TLB entries */
        mov     %rdi, %cr3
        ret
FUNC dune_invlpg                /* void dune_invlpg(void* va) */
        invlpg  (%rdi)
        ret
FUNC dune_rdmsr                 /* ulong dune_rdmsr(uint msr) */
        mov     %edi, %ecx
        rdmsr
        shl     $32, %rdx
        or      %rdx, %rax
        ret
FUNC dune_wrmsr                 /* void dune_wrmsr(uint msr, ulong value) */
        mov     %edi, %ecx
        mov     %esi, %eax
        mov     %rsi, %rdx
        shr     $32, %rdx
        wrmsr
        ret
FUNC dune_lgdt                  /* void dune_lgdt(void* pseudoDescriptor): 2-byte limit, 8-byte base */
        lgdt    (%rdi)
        ret
FUNC dune_lidt
        lidt    (%rdi)
        ret
FUNC dune_ltr                   /* void dune_ltr(ushort selector) */
        ltr     %di
        ret
FUNC dune_xgetbv                /* ulong dune_xgetbv(uint xcr): unprivileged once the OS set CR4.OSXSAVE */
        mov     %edi, %ecx
        xgetbv
        shl     $32, %rdx
        or      %rdx, %rax
        ret
FUNC dune_xsetbv                /* void dune_xsetbv(uint xcr, ulong value) */
        mov     %edi, %ecx
        mov     %esi, %eax
        mov     %rsi, %rdx
        shr     $32, %rdx
        xsetbv
        ret
FUNC dune_xsave                 /* void dune_xsave(void* area, ulong components): XSAVE, standard form, 64-aligned area */
        mov     %rsi, %rax
        mov     %rsi, %rdx
        shr     $32, %rdx
        xsave64 (%rdi)
        ret
/*
 * void dune_xrstor_keeping_mxcsr(void* area, ulong components): XRSTOR of components without x87 and SSE. XRSTOR
 * of AVX loads MXCSR as well, so the current MXCSR goes into the area first: the caller's stays as it was.
 */
FUNC dune_xrstor_keeping_mxcsr
        stmxcsr 24(%rdi)
        mov     %rsi, %rax
        mov     %rsi, %rdx
        shr     $32, %rdx
        xrstor64 (%rdi)
        ret
FUNC dune_rdtsc                 /* ulong dune_rdtsc(void) */
        rdtsc
        shl     $32, %rdx
        or      %rdx, %rax
        ret
FUNC dune_cpuid                 /* void dune_cpuid(uint leaf, uint subleaf, uint* eax_ebx_ecx_edx) */
        push    %rbx
        mov     %edi, %eax
        mov     %esi, %ecx
        mov     %rdx, %r8
        cpuid
        mov     %eax, 0(%r8)
        mov     %ebx, 4(%r8)
        mov     %ecx, 8(%r8)
        mov     %edx, 12(%r8)
        pop     %rbx
        ret

        .section .note.GNU-stack, "", @progbits
