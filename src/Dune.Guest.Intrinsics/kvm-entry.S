/*
 * KVM backend: the switch into the guest, the guest's hypercall stubs and the host half's own syscall.
 *
 * Hypercalls leave the guest with `out` to a reserved port (KVM exits to user space for port I/O; VMCALL
 * would be handled in the kernel). Arguments and results travel in the CPU's hypercall block
 * (%gs:PERCPU_HYPERCALL_..., Cpu/PerCpu), which guest and host both see at the same virtual address (guest
 * virtual == host virtual), so no register state has to be copied.
 */

#include "register-saves.inc"
#include "layouts.inc"
#include "guest-hypercall.inc"

        .set    HYPERCALL_PORT, 0xD0
        .set    FAULT_PORT, 0xD1
        .set    START_THREAD_PORT, 0xD3
        .set    SHOOTDOWN_PORT, 0xD4
        .set    SYS_CLONE, 56
        .set    SYS_EXIT, 60
        .set    CR4_PGE, 0x80
        .set    EINTR, 4

        .text
/*
 * long dune_host_syscall6(long nr, long a0, ..., long a5): the real syscall instruction, for the host half
 * only (it runs while dune_hypercall_entry is set, so it must not go through dune_syscall6).
 */
        .globl  dune_host_syscall6
        .type   dune_host_syscall6, @function
dune_host_syscall6:
        mov     %rdi, %rax
        mov     %rsi, %rdi
        mov     %rdx, %rsi
        mov     %rcx, %rdx
        mov     %r8, %r10
        mov     %r9, %r8
        mov     8(%rsp), %r9
        syscall
        ret
        .size   dune_host_syscall6, . - dune_host_syscall6

/*
 * long dune_kvm_forward_hypercall(void): the host half makes the call in its vCPU's hypercall block (the host
 * thread's GS base is that vCPU's PerCpu too) with the real syscall instruction and returns the result.
 * A signal for the guest that arrived since the loop last looked (its host handler set the vCPU's exit request)
 * makes the call return -EINTR instead of starting: a blocking call must not sleep on it (the collector's stop
 * would never be taken). The handler closes the last gap: a signal taken between the check and the syscall
 * instruction (or one the kernel rewinds to it for a restart) moves the thread to the -EINTR exit
 * (dune_kvm_forward_window, Backends/Kvm/ForwardedCall.cs).
 */
        .globl  dune_kvm_forward_hypercall
        .type   dune_kvm_forward_hypercall, @function
dune_kvm_forward_hypercall:
        mov     %gs:PERCPU_SIGNALS_EXIT_REQUEST, %r11
        mov     %gs:PERCPU_HYPERCALL_NR, %rax
        mov     %gs:PERCPU_HYPERCALL_A0, %rdi
        mov     %gs:PERCPU_HYPERCALL_A1, %rsi
        mov     %gs:PERCPU_HYPERCALL_A2, %rdx
        mov     %gs:PERCPU_HYPERCALL_A3, %r10
        mov     %gs:PERCPU_HYPERCALL_A4, %r8
        mov     %gs:PERCPU_HYPERCALL_A5, %r9
.Lforward_check:
        cmpb    $0, (%r11)
        jne     .Lforward_interrupted
.Lforward_syscall:
        syscall
        ret
.Lforward_interrupted:
        mov     $-EINTR, %rax
        ret
        .size   dune_kvm_forward_hypercall, . - dune_kvm_forward_hypercall

/*
 * ulong dune_kvm_forward_window(ulong* syscallAt, ulong* interrupted): where the forwarded call's check starts
 * (returned), where its syscall instruction is, and its -EINTR exit.
 */
        .globl  dune_kvm_forward_window
        .type   dune_kvm_forward_window, @function
dune_kvm_forward_window:
        lea     .Lforward_syscall(%rip), %rax
        mov     %rax, (%rdi)
        lea     .Lforward_interrupted(%rip), %rax
        mov     %rax, (%rsi)
        lea     .Lforward_check(%rip), %rax
        ret
        .size   dune_kvm_forward_window, . - dune_kvm_forward_window

/*
 * long dune_kvm_enter(PerCpu* cpu, void* hostStackTop): records where the caller continues in cpu->Resume,
 * installs the KVM guest stubs and runs DuneKvmHostLoop(cpu) on the host stack; the guest starts with that
 * state and rax = 1, so in the guest this call "returns 1" (backend_enter, register-saves.inc).
 */
        .globl  dune_kvm_enter
        .type   dune_kvm_enter, @function
dune_kvm_enter:
        backend_enter dune_kvm_hypercall, dune_kvm_report_fault, DuneKvmHostLoop
        .size   dune_kvm_enter, . - dune_kvm_enter

/* Guest side of a system call (guest_hypercall, guest-hypercall.inc), leaving through the hypercall port. */
        .globl  dune_kvm_hypercall
        .type   dune_kvm_hypercall, @function
dune_kvm_hypercall:
        guest_hypercall out     %al, $HYPERCALL_PORT
        .size   dune_kvm_hypercall, . - dune_kvm_hypercall

/*
 * void dune_kvm_report_fault(TrapFrame* frame): the trap entry's report hook. The host either ends the
 * process (it never re-enters the guest) or resolves the fault and re-enters: then flush the TLB as
 * asked and return, so the trap entry retries the faulting instruction.
 */
        .globl  dune_kvm_report_fault
        .type   dune_kvm_report_fault, @function
dune_kvm_report_fault:
        mov     %rdi, %gs:PERCPU_HYPERCALL_FAULT_FRAME
        out     %al, $FAULT_PORT
        cmpq    $0, %gs:PERCPU_HYPERCALL_FLAGS
        je      1f
        movq    $0, %gs:PERCPU_HYPERCALL_FLAGS
        mov     %cr3, %rax
        mov     %rax, %cr3
1:      ret
        .size   dune_kvm_report_fault, . - dune_kvm_report_fault

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

/*
 * The first guest instruction of a thread's new vCPU (KvmHost.Threads.cs): rbx = its ThreadState, rsp = its
 * stack top (16-byte aligned). A reused vCPU may still cache translations from before it was free, when no
 * shootdown reached it: toggling CR4.PGE drops them all. Then DuneThreadStart(state), which never returns.
 */
        .type   dune_kvm_thread_entry, @function
dune_kvm_thread_entry:
        mov     %cr4, %rax
        xor     $CR4_PGE, %rax
        mov     %rax, %cr4
        xor     $CR4_PGE, %rax
        mov     %rax, %cr4
        mov     %rbx, %rdi
        xor     %ebp, %ebp
        call    DuneThreadStart
        ud2
        .size   dune_kvm_thread_entry, . - dune_kvm_thread_entry

/* ulong dune_kvm_thread_entry_address(void) */
        .globl  dune_kvm_thread_entry_address
        .type   dune_kvm_thread_entry_address, @function
dune_kvm_thread_entry_address:
        lea     dune_kvm_thread_entry(%rip), %rax
        ret
        .size   dune_kvm_thread_entry_address, . - dune_kvm_thread_entry_address

/*
 * Host half: long dune_kvm_clone_vcpu_thread(ulong flags, void* hostStackTop, int* tid, int* exitTid, void* tls,
 * PerCpu* cpu). The new Linux thread starts on hostStackTop (16-byte aligned) in DuneKvmVcpuThread(cpu), which
 * never returns; the caller gets its tid or -errno. The real syscall: this runs in the host half.
 */
        .globl  dune_kvm_clone_vcpu_thread
        .type   dune_kvm_clone_vcpu_thread, @function
dune_kvm_clone_vcpu_thread:
        sub     $16, %rsi               /* the child pops its argument from its new stack */
        mov     %r9, (%rsi)
        mov     %rcx, %r10
        mov     $SYS_CLONE, %eax
        syscall
        test    %rax, %rax
        jnz     1f
        pop     %rdi                    /* child: cpu */
        add     $8, %rsp                /* back to the stack top: aligned for the call */
        xor     %ebp, %ebp
        call    DuneKvmVcpuThread
        ud2
1:      ret
        .size   dune_kvm_clone_vcpu_thread, . - dune_kvm_clone_vcpu_thread

/*
 * Host half: void dune_kvm_exit_vcpu_thread(int* slotTid): frees the vCPU slot and ends the calling thread
 * without touching memory in between (the next thread may take the slot, and so this host stack, at once).
 */
        .globl  dune_kvm_exit_vcpu_thread
        .type   dune_kvm_exit_vcpu_thread, @function
dune_kvm_exit_vcpu_thread:
        movl    $0, (%rdi)
        mov     $SYS_EXIT, %eax
        xor     %edi, %edi
        syscall
        ud2
        .size   dune_kvm_exit_vcpu_thread, . - dune_kvm_exit_vcpu_thread

/* void dune_kvm_disable_hypercalls(void): the guest will not run again; dune_syscall6 makes real syscalls. */
        .globl  dune_kvm_disable_hypercalls
        .type   dune_kvm_disable_hypercalls, @function
dune_kvm_disable_hypercalls:
        movq    $0, dune_hypercall_entry(%rip)
        ret
        .size   dune_kvm_disable_hypercalls, . - dune_kvm_disable_hypercalls


        .section .note.GNU-stack, "", @progbits
