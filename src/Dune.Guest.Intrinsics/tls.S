/*
 * The thread-local storage image as the linker laid it out (linker/dune.ld): where .tdata starts, how many
 * bytes to copy (.tdata), how many the block spans (.tdata + .tbss) and its alignment. The runtime builds
 * each thread's TLS block from it (x86-64 variant II: the block sits just below the thread pointer).
 */
        .section .rodata
        .align  8
dune_tls_image:
        .quad   __dune_tls_start
        .quad   __dune_tls_filesz
        .quad   __dune_tls_memsz
        .quad   __dune_tls_align

        .text
        .globl  DuneTlsImage
        .type   DuneTlsImage, @function
DuneTlsImage:                           /* TlsImage* DuneTlsImage(void) */
        lea     dune_tls_image(%rip), %rax
        ret
        .size   DuneTlsImage, . - DuneTlsImage

        .section .note.GNU-stack, "", @progbits
