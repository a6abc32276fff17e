/*
 * Host-mode threads (Runtime/Threads/README.md): the raw clone that starts a thread on its own stack, the
 * current thread's state, and the allocation fast path, which reads that state.
 *
 * Every thread's FS base points at its ThreadState (Runtime/Threads/ThreadState.cs), whose first word points
 * to itself, as the x86-64 TLS ABI asks of the thread control block: fs:0 is the current ThreadState.
 * The offsets below are checked against the C# layouts by tests/Dune.Guest.Tests/Threads/ThreadLayoutTests.cs.
 */
#include "clone-thread.inc"

        .set    THREAD_RUNS, 8                  /* ThreadState.Runs: AllocationRun[size classes] */
        .set    RUN_SIZE, 32                    /* sizeof(AllocationRun) */
        .set    RUN_SHIFT, 5                    /* log2(RUN_SIZE): a class's run is found with a shift */
        .set    RUN_NEXT, 0                     /* AllocationRun.Next */
        .set    RUN_END, 8                      /* AllocationRun.End */
        .set    RUN_CELL_SIZE, 24               /* AllocationRun.CellSize (32 bits) */
        .if     (1 << RUN_SHIFT) != RUN_SIZE
        .error  "RUN_SHIFT does not match RUN_SIZE"
        .endif
        .set    MT_BASE_SIZE, 4                 /* MethodTable.BaseSize */
        .set    MAX_SMALL_SIZE, 8192            /* SizeClasses.MaxSmallSize */

        .text
/*
 * long DuneCloneThread(ulong flags, void* stackTop, int* parentTid, int* childTid, void* tls, ThreadState* state)
 * The child starts in DuneThreadStart(state) (System/Threading/Thread.Start.cs) (clone_thread, clone-thread.inc).
 * Host mode only: in Dune mode a thread starts on a vCPU of its own through IBackend.StartThread.
 */
        .globl  DuneCloneThread
        .type   DuneCloneThread, @function
DuneCloneThread:
        clone_thread DuneThreadStart
        .size   DuneCloneThread, . - DuneCloneThread

/* ThreadState* DuneCurrentThread(void) */
        .globl  DuneCurrentThread
        .type   DuneCurrentThread, @function
DuneCurrentThread:
        mov     %fs:0, %rax
        ret
        .size   DuneCurrentThread, . - DuneCurrentThread

/*
 * object RhpNewFast(MethodTable* mt) and object DuneGcAlloc(nuint size, MethodTable* mt, uint length):
 * bump through the current thread's allocation run of the size class, write the MethodTable (and the length,
 * which is harmless zero for objects that have none) and only then commit the new bump pointer. Anything
 * else goes to the C# slow path (Runtime/Gc/GcHeap.cs) with the same arguments.
 *
 * Restartable: a thread stopped for a collection anywhere from dune_gc_alloc_restart to dune_gc_alloc_commit
 * (inclusive) resumes at dune_gc_alloc_restart, because the collector may have retired the run it was
 * bumping through; rdi, rsi and rdx are never written in that range. Once the commit is done the cell is an
 * allocated object with its MethodTable.
 */
        .globl  RhpNewFast
        .type   RhpNewFast, @function
RhpNewFast:
        mov     %rdi, %rsi
        mov     MT_BASE_SIZE(%rdi), %edi
        xor     %edx, %edx
        .size   RhpNewFast, . - RhpNewFast
        .globl  DuneGcAlloc
        .type   DuneGcAlloc, @function
DuneGcAlloc:
        .globl  dune_gc_alloc_restart
dune_gc_alloc_restart:
        cmp     $MAX_SMALL_SIZE, %rdi
        ja      9f
        mov     dune_gc_class_of_size(%rip), %rax
        test    %rax, %rax              /* null while every allocation must take the slow path */
        jz      9f
        lea     7(%rdi), %rcx
        shr     $3, %rcx
        movzbl  (%rax,%rcx), %ecx
        shl     $RUN_SHIFT, %ecx
        add     %fs:THREAD_RUNS, %rcx   /* the thread's run of the class (FS base: the ThreadState) */
        mov     RUN_NEXT(%rcx), %rax    /* cell */
        mov     RUN_CELL_SIZE(%rcx), %r8d
        add     %rax, %r8
        cmp     RUN_END(%rcx), %r8
        ja      9f
        mov     %rsi, 8(%rax)           /* MethodTable after the 8-byte header */
        mov     %edx, 16(%rax)          /* length */
        .globl  dune_gc_alloc_commit
dune_gc_alloc_commit:
        mov     %r8, RUN_NEXT(%rcx)
        lea     8(%rax), %rax
        ret
9:      jmp     DuneGcAllocSlow
        .size   DuneGcAlloc, . - DuneGcAlloc

/* void DuneGcAllocRange(void** restart, void** commit): the restartable range, for the suspension handler. */
        .globl  DuneGcAllocRange
        .type   DuneGcAllocRange, @function
DuneGcAllocRange:
        lea     dune_gc_alloc_restart(%rip), %rax
        mov     %rax, (%rdi)
        lea     dune_gc_alloc_commit(%rip), %rax
        mov     %rax, (%rsi)
        ret
        .size   DuneGcAllocRange, . - DuneGcAllocRange

/* void* DuneSuspendEntryPoints(void** restorer): the stop signal's handler (C#) and the sa_restorer (signals.S). */
        .globl  DuneSuspendEntryPoints
        .type   DuneSuspendEntryPoints, @function
DuneSuspendEntryPoints:
        lea     DuneSignalReturn(%rip), %rax
        mov     %rax, (%rdi)
        lea     DuneSuspendHandler(%rip), %rax
        ret
        .size   DuneSuspendEntryPoints, . - DuneSuspendEntryPoints

/* byte** DuneGcClassOfSizeCell(void): where the collector publishes the size-class table (null: slow path only). */
        .globl  DuneGcClassOfSizeCell
        .type   DuneGcClassOfSizeCell, @function
DuneGcClassOfSizeCell:
        lea     dune_gc_class_of_size(%rip), %rax
        ret
        .size   DuneGcClassOfSizeCell, . - DuneGcClassOfSizeCell

        .bss
        .align  8
dune_gc_class_of_size:
        .quad   0

        .section .note.GNU-stack, "", @progbits
