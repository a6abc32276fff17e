/*
 * KVM backend: the switch into the guest and the guest's hypercall stubs (the host half's own system calls
 * are in host-half.S).
 *
 * Hypercalls leave the guest with `out` to a reserved port (KVM exits to user space for port I/O; VMCALL
 * would be handled in the kernel). Arguments and results travel in the CPU's hypercall block
 * (%gs:PERCPU_HYPERCALL_..., Cpu/PerCpu), which guest and host both see at the same virtual address (guest
 * virtual == host virtual), so no register state has to be copied.
 */

#include "register-saves.inc"
#include "layouts.inc"
#include "guest-hypercall.inc"
#include "guest-report-fault.inc"

        .set    HYPERCALL_PORT, 0xD0
        .set    FAULT_PORT, 0xD1
        .set    START_THREAD_PORT, 0xD3
        .set    SHOOTDOWN_PORT, 0xD4

        .text
/*
 * long dune_kvm_enter(PerCpu* cpu, void* hostStackTop, void (*hostLoop)(PerCpu*)): records where the caller
 * continues in cpu->Resume, installs the KVM guest stubs and runs hostLoop(cpu) on the host stack; the guest
 * starts with that state and rax = 1, so in the guest this call "returns 1" (backend_enter, register-saves.inc).
 */
        .globl  dune_kvm_enter
        .type   dune_kvm_enter, @function
dune_kvm_enter:
        backend_enter dune_kvm_hypercall, dune_kvm_report_fault
        .size   dune_kvm_enter, . - dune_kvm_enter

/* Guest side of a system call (guest_hypercall, guest-hypercall.inc), leaving through the hypercall port. */
        .globl  dune_kvm_hypercall
        .type   dune_kvm_hypercall, @function
dune_kvm_hypercall:
        guest_hypercall out     %al, $HYPERCALL_PORT
        .size   dune_kvm_hypercall, . - dune_kvm_hypercall

/*
 * void dune_kvm_report_fault(TrapFrame* frame): the trap entry's report hook, leaving through the fault port
 * (guest_report_fault, guest-report-fault.inc).
 */
        .pushsection .text.dune_crossing, "ax", @progbits   /* runs on the trap frame, still on the trap stack */
        .globl  dune_kvm_report_fault
        .type   dune_kvm_report_fault, @function
dune_kvm_report_fault:
        guest_report_fault out     %al, $FAULT_PORT
        .size   dune_kvm_report_fault, . - dune_kvm_report_fault
        .popsection

/*
 * long dune_kvm_start_thread(void* stackTop, int* tid, int* exitTid, void* tls, void* state): the guest side of
 * IBackend.StartThread; the host half (KvmHost.Threads.cs) answers in the block's result.
 */
        .globl  dune_kvm_start_thread
        .type   dune_kvm_start_thread, @function
dune_kvm_start_thread:
        mov     %rdi, %gs:PERCPU_HYPERCALL_A0
        mov     %rsi, %gs:PERCPU_HYPERCALL_A1
        mov     %rdx, %gs:PERCPU_HYPERCALL_A2
        mov     %rcx, %gs:PERCPU_HYPERCALL_A3
        mov     %r8, %gs:PERCPU_HYPERCALL_A4
        out     %al, $START_THREAD_PORT
        mov     %gs:PERCPU_HYPERCALL_RESULT, %rax
        ret
        .size   dune_kvm_start_thread, . - dune_kvm_start_thread

/* void dune_kvm_shootdown(void): the guest side of IBackend.ShootdownTlb (KvmHost.Shootdown.cs). */
        .globl  dune_kvm_shootdown
        .type   dune_kvm_shootdown, @function
dune_kvm_shootdown:
        out     %al, $SHOOTDOWN_PORT
        ret
        .size   dune_kvm_shootdown, . - dune_kvm_shootdown

        .section .note.GNU-stack, "", @progbits
