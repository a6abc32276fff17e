/*
 * Write barriers: every store of an object reference into the heap that ilc emits comes through here.
 * The collector is generational without moving objects: a minor collection marks only young objects (those
 * that have not survived two collections), so it must know which old objects were given references. Each
 * barrier stores the reference and, if the destination lies in a small-object chunk, dirties the 512-byte
 * card of the destination's block (Runtime/Gc/Block.cs: the card bytes open the block header). The chunk
 * test reads the two-level chunk map below (Runtime/Gc/ChunkMap.cs fills it): destinations elsewhere (stacks,
 * frozen objects, large objects, which minor collections scan whole) need no card.
 *
 * The JIT treats these helpers as killing every caller-saved register except, for the by-ref form, rdi and
 * rsi; they use only r10 and r11 besides their arguments.
 */
        .set    REGION_SHIFT, 34                /* 16 GiB regions of the 47-bit user address space */
        .set    REGIONS, 1 << (47 - REGION_SHIFT)
        .set    CHUNK_SHIFT, 22                 /* 4 MiB small-object chunks */
        .set    CHUNKS_PER_REGION, 1 << (REGION_SHIFT - CHUNK_SHIFT)
        .set    BLOCK_MASK, 0xffff              /* 64 KiB blocks */
        .set    CARD_SHIFT, 9                   /* 512-byte cards */

        .bss
        .balign 4096
DuneGcChunkRegions:                     /* per region: null, or a byte per chunk (1 = small-object chunk) */
        .zero   REGIONS * 8

        .text
/* Dirties the card of the address in \addr (destroyed) if it lies in a small-object chunk. */
        .macro  mark_card addr
        mov     \addr, %r10
        shr     $REGION_SHIFT, %r10
        cmp     $REGIONS, %r10
        jae     9f
        lea     DuneGcChunkRegions(%rip), %r11
        mov     (%r11,%r10,8), %r10
        test    %r10, %r10
        jz      9f
        mov     \addr, %r11
        shr     $CHUNK_SHIFT, %r11
        and     $(CHUNKS_PER_REGION - 1), %r11d
        cmpb    $0, (%r10,%r11)
        je      9f
        mov     \addr, %r10
        and     $BLOCK_MASK, %r10d
        shr     $CARD_SHIFT, %r10d
        and     $~BLOCK_MASK, \addr
        cmpb    $1, (\addr,%r10)        /* 2 (scanned once) must become 1 again: RememberedSet.cs */
        je      9f
        movb    $1, (\addr,%r10)
9:
        .endm

        .globl  RhpAssignRef
        .globl  RhpCheckedAssignRef
        .type   RhpAssignRef, @function
RhpAssignRef:                           /* [rdi] = rsi */
RhpCheckedAssignRef:
        mov     %rsi, (%rdi)
        test    %rsi, %rsi              /* storing null creates no reference to remember */
        jz      1f
        mark_card %rdi
1:      ret
        .size   RhpAssignRef, . - RhpAssignRef

        .globl  RhpByRefAssignRef
        .type   RhpByRefAssignRef, @function
RhpByRefAssignRef:                      /* [rdi] = [rsi]; rdi += 8; rsi += 8 (JIT contract) */
        mov     (%rsi), %rcx
        mov     %rcx, (%rdi)
        test    %rcx, %rcx
        jz      1f
        mov     %rdi, %rcx
        mark_card %rcx
1:      add     $8, %rdi
        add     $8, %rsi
        ret
        .size   RhpByRefAssignRef, . - RhpByRefAssignRef

/*
 * Atomic reference stores for System.Threading.Interlocked: object DuneAtomicCompareExchangeRef(object* location,
 * object value, object comparand) and object DuneAtomicExchangeRef(object* location, object value) return the
 * previous reference; a store that happened dirties the card like the barriers above.
 */
        .globl  DuneAtomicCompareExchangeRef
        .type   DuneAtomicCompareExchangeRef, @function
DuneAtomicCompareExchangeRef:
        mov     %rdx, %rax
        lock cmpxchg %rsi, (%rdi)
        jne     1f
        test    %rsi, %rsi
        jz      1f
        mov     %rax, %rdx
        mark_card %rdi
        mov     %rdx, %rax
1:      ret
        .size   DuneAtomicCompareExchangeRef, . - DuneAtomicCompareExchangeRef

        .globl  DuneAtomicExchangeRef
        .type   DuneAtomicExchangeRef, @function
DuneAtomicExchangeRef:
        mov     %rsi, %rax
        xchg    %rax, (%rdi)
        test    %rsi, %rsi
        jz      1f
        mark_card %rdi
1:      ret
        .size   DuneAtomicExchangeRef, . - DuneAtomicExchangeRef

/* byte** DuneGcChunkRegionTable(void): the chunk map the barriers read, for the collector to fill. */
        .globl  DuneGcChunkRegionTable
        .type   DuneGcChunkRegionTable, @function
DuneGcChunkRegionTable:
        lea     DuneGcChunkRegions(%rip), %rax
        ret
        .size   DuneGcChunkRegionTable, . - DuneGcChunkRegionTable

        .section .note.GNU-stack, "", @progbits
