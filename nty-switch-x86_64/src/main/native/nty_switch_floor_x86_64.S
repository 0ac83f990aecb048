/*
 * nty_switch_floor_x86_64.S — the floor nty_switch is measured against, linked into
 * nty_switch_bench only, never into the library.
 *
 * void nty_switch_floor(nty_ctx *next [rdi], nty_ctx *cur [rsi])
 *
 * nty_switch with the same shape (landing pad, save the return address and rsp + 8, the six
 * callee-saved general registers, load them, rdi last, jmp *rip) and the same nty_ctx layout,
 * minus the floating-point control words: the least any switch that keeps the ABI's general
 * registers can do. The difference between the two is what §2.4's MXCSR and x87 control word
 * cost. Not usable as a switch for coroutines that change their rounding mode.
 */
        .text

        .globl  nty_switch_floor
        .type   nty_switch_floor, @function
        .p2align 4
nty_switch_floor:
        .cfi_startproc
        endbr64
        movq    (%rsp), %rax
        leaq    8(%rsp), %rdx
        movq    %rdx,  0(%rsi)
        movq    %rbp,  8(%rsi)
        movq    %rax, 16(%rsi)
        movq    %rbx, 24(%rsi)
        movq    %r12, 32(%rsi)
        movq    %r13, 40(%rsi)
        movq    %r14, 48(%rsi)
        movq    %r15, 56(%rsi)

        movq     0(%rdi), %rsp
        movq     8(%rdi), %rbp
        movq    24(%rdi), %rbx
        movq    32(%rdi), %r12
        movq    40(%rdi), %r13
        movq    48(%rdi), %r14
        movq    56(%rdi), %r15
        movq    16(%rdi), %rax
        movq    64(%rdi), %rdi
        jmpq    *%rax
        .cfi_endproc
        .size   nty_switch_floor, .-nty_switch_floor

        .section .note.GNU-stack,"",@progbits
