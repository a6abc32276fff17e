/*
 * The first guest instruction of a thread's vCPU, on either backend (Kvm/KvmHost.Threads.cs,
 * Kmod/KmodHost.Threads.cs): rbx = its ThreadState, rsp = its stack top (16-byte aligned). A vCPU that ran an
 * earlier thread may still cache translations from while it was free, when no shootdown reached it: toggling
 * CR4.PGE drops them all. Then DuneThreadStart(state), which never returns.
 */
        .set    CR4_PGE, 0x80

        .text
        .type   dune_guest_thread_entry, @function
dune_guest_thread_entry:
        mov     %cr4, %rax
        xor     $CR4_PGE, %rax
        mov     %rax, %cr4
        xor     $CR4_PGE, %rax
        mov     %rax, %cr4
        mov     %rbx, %rdi
        xor     %ebp, %ebp
        call    DuneThreadStart
        ud2
        .size   dune_guest_thread_entry, . - dune_guest_thread_entry

/* ulong dune_guest_thread_entry_address(void): for the host half, which starts the vCPU there. */
        .globl  dune_guest_thread_entry_address
        .type   dune_guest_thread_entry_address, @function
dune_guest_thread_entry_address:
        lea     dune_guest_thread_entry(%rip), %rax
        ret
        .size   dune_guest_thread_entry_address, . - dune_guest_thread_entry_address

        .section .note.GNU-stack, "", @progbits
