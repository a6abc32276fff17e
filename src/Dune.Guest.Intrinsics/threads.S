/*
 * Threads (Runtime/Threads/README.md): the raw clone that starts a thread on its own stack, the restart of a
 * thread at the top of its stack, the current thread's state, and the allocation fast path, which reads that state.
 *
 * Every thread's FS base points at its ThreadState (Runtime/Threads/ThreadState.cs), whose first word points
 * to itself, as the x86-64 TLS ABI asks of the thread control block: fs:0 is the current ThreadState.
 * The offsets below are checked against the C# layouts by tests/Dune.Guest.Tests/Threads/ThreadLayoutTests.cs.
 */
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
 * long DuneCloneThread(ulong flags, void* stackTop, int* parentTid, int* childTid, void* tls, void* arg,
 * void (*start)(void* arg)): clone(2) with those arguments; the new thread starts on stackTop (16-byte aligned)
 * in start(arg), which never returns, and the caller gets the new thread's tid or -errno. The real syscall
 * instruction: callers run in host mode (a thread, System/Threading/Thread.Start.cs) or in a backend's host half
 * (the Linux thread of a further vCPU, Backends/Host/VcpuThreads.cs). start is a pointer, not a symbol, so a
 * program without threads or Dune mode links neither entry.
 */
        .globl  DuneCloneThread
        .type   DuneCloneThread, @function
DuneCloneThread:
        mov     8(%rsp), %rax           /* start: the seventh argument, on the stack */
        sub     $16, %rsi               /* the child pops arg and start from its new stack */
        mov     %r9, (%rsi)
        mov     %rax, 8(%rsi)
        mov     %rcx, %r10
        mov     $56, %eax               /* SYS_clone */
        syscall
        test    %rax, %rax
        jnz     1f
        pop     %rdi                    /* child: arg */
        pop     %rax                    /* start; rsp is back at stackTop, aligned for the call */
        xor     %ebp, %ebp              /* outermost frame for stack walkers */
        call    *%rax
        ud2
1:      ret
        .size   DuneCloneThread, . - DuneCloneThread

/*
 * void DuneRestartThread(void* arg, void* stackTop, void (*start)(void* arg)): the calling thread starts over in
 * start(arg) at stackTop (16-byte aligned), dropping all its frames: a parked vCPU thread handed its next guest
 * thread (Backends/Host/VcpuThreads.cs).
 */
        .globl  DuneRestartThread
        .type   DuneRestartThread, @function
DuneRestartThread:
        mov     %rsi, %rsp
        xor     %ebp, %ebp
        call    *%rdx
        ud2
        .size   DuneRestartThread, . - DuneRestartThread

/* ThreadState* DuneCurrentThread(void) */
        .globl  DuneCurrentThread
        .type   DuneCurrentThread, @function
DuneCurrentThread:
        mov     %fs:0, %rax
        ret
        .size   DuneCurrentThread, . - DuneCurrentThread

/*
 * The allocation fast paths: object RhpNewFast(MethodTable* mt) and object DuneGcAlloc(nuint size,
 * MethodTable* mt, uint length) bump through the current thread's allocation run of the size's class, write
 * the MethodTable (and the length: zeroed memory already holds the zero an object without one needs) and only
 * then commit the new bump pointer. Anything else goes to the C# slow path (Runtime/Gc/GcHeap.cs) with
 * DuneGcAlloc's arguments.
 *
 * dune_gc_run_offsets maps a size in 8-byte words (rounded up) to the offset of its class's run in the
 * thread's runs; GcHeap fills it at start-up. Under DUNE_GC_STRESS every entry names the last run, which
 * never has room, so every allocation takes the slow path (which counts them).
 *
 * Restartable: a thread stopped for a collection anywhere from a path's restart label to its commit label
 * (inclusive) resumes at the restart label, because the collector may have retired the run it was bumping
 * through; rdi, rsi and rdx (RhpNewFast: rdi) are never written in those ranges. Once the commit is done the
 * cell is an allocated object with its MethodTable.
 */
        .globl  RhpNewFast
        .type   RhpNewFast, @function
RhpNewFast:
dune_gc_new_restart:
        mov     MT_BASE_SIZE(%rdi), %ecx
        cmp     $MAX_SMALL_SIZE, %ecx
        ja      9f
        shr     $2, %ecx                /* base sizes are multiples of 8: words * 2 bytes per entry */
        lea     dune_gc_run_offsets(%rip), %rax
        movzwl  (%rax,%rcx), %ecx
        add     %fs:THREAD_RUNS, %rcx   /* the thread's run of the class (FS base: the ThreadState) */
        mov     RUN_NEXT(%rcx), %rax    /* cell */
        mov     RUN_CELL_SIZE(%rcx), %edx
        add     %rax, %rdx
        cmp     RUN_END(%rcx), %rdx
        ja      9f
        mov     %rdi, 8(%rax)           /* MethodTable after the 8-byte header */
dune_gc_new_commit:
        mov     %rdx, RUN_NEXT(%rcx)
        add     $8, %rax
        ret
9:      mov     %rdi, %rsi
        mov     MT_BASE_SIZE(%rsi), %edi
        xor     %edx, %edx
        jmp     DuneGcAllocSlow
        .size   RhpNewFast, . - RhpNewFast

        .globl  DuneGcAlloc
        .type   DuneGcAlloc, @function
DuneGcAlloc:
dune_gc_alloc_restart:
        cmp     $MAX_SMALL_SIZE, %rdi
        ja      9f
        lea     7(%rdi), %rcx
        shr     $3, %rcx
        lea     dune_gc_run_offsets(%rip), %rax
        movzwl  (%rax,%rcx,2), %ecx
        add     %fs:THREAD_RUNS, %rcx
        mov     RUN_NEXT(%rcx), %rax
        mov     RUN_CELL_SIZE(%rcx), %r8d
        add     %rax, %r8
        cmp     RUN_END(%rcx), %r8
        ja      9f
        mov     %rsi, 8(%rax)
        mov     %edx, 16(%rax)          /* length */
dune_gc_alloc_commit:
        mov     %r8, RUN_NEXT(%rcx)
        lea     8(%rax), %rax
        ret
9:      jmp     DuneGcAllocSlow
        .size   DuneGcAlloc, . - DuneGcAlloc

/* void DuneGcAllocRanges(void** ranges): restart and commit of RhpNewFast, then of DuneGcAlloc, for the stop handler. */
        .globl  DuneGcAllocRanges
        .type   DuneGcAllocRanges, @function
DuneGcAllocRanges:
        lea     dune_gc_new_restart(%rip), %rax
        mov     %rax, (%rdi)
        lea     dune_gc_new_commit(%rip), %rax
        mov     %rax, 8(%rdi)
        lea     dune_gc_alloc_restart(%rip), %rax
        mov     %rax, 16(%rdi)
        lea     dune_gc_alloc_commit(%rip), %rax
        mov     %rax, 24(%rdi)
        ret
        .size   DuneGcAllocRanges, . - DuneGcAllocRanges

/* void* DuneSuspendEntryPoints(void** restorer): the stop signal's handler (C#) and the sa_restorer (signals.S). */
        .globl  DuneSuspendEntryPoints
        .type   DuneSuspendEntryPoints, @function
DuneSuspendEntryPoints:
        lea     DuneSignalReturn(%rip), %rax
        mov     %rax, (%rdi)
        lea     DuneSuspendHandler(%rip), %rax
        ret
        .size   DuneSuspendEntryPoints, . - DuneSuspendEntryPoints

/* ushort* DuneGcRunOffsets(void): the fast paths' table of run offsets by size, for the collector to fill. */
        .globl  DuneGcRunOffsets
        .type   DuneGcRunOffsets, @function
DuneGcRunOffsets:
        lea     dune_gc_run_offsets(%rip), %rax
        ret
        .size   DuneGcRunOffsets, . - DuneGcRunOffsets

        .bss
        .balign 64
dune_gc_run_offsets:
        .zero   2 * (MAX_SMALL_SIZE / 8 + 1)

        .section .note.GNU-stack, "", @progbits
