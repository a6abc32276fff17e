/*
 * TLB and paging-control instructions cpu.S lacks, for Dune.Memory.Tlb (ring 0 only), SysV ABI.
 */
        .text
        .macro  FUNC name
        .globl  \name
        .type   \name, @function
\name:
        .endm

FUNC dune_write_cr4             /* void dune_write_cr4(ulong): e.g. PCIDE; toggling PGE flushes global entries too */
        mov     %rdi, %cr4
        ret
FUNC dune_invpcid               /* void dune_invpcid(ulong type, void* descriptor): 16 bytes {pcid, linear address} */
        invpcid (%rsi), %rdi
        ret

        .section .note.GNU-stack, "", @progbits
