/*
 * RhpThrowEx(rdi = exception): entry for every C# `throw`. Hands the exception to the managed dispatcher.
 */
        .text
        .globl  RhpThrowEx
        .type   RhpThrowEx, @function
RhpThrowEx:
        and     $-16, %rsp
        call    DuneDispatchException
        ud2
        .size   RhpThrowEx, . - RhpThrowEx

        .section .note.GNU-stack, "", @progbits
