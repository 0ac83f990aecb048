/*
 * nty_switch_x86_64.S — the context switch and its safety stub (System V AMD64 ABI, ELF).
 *
 * void nty_switch(nty_ctx *next  [rdi], nty_ctx *cur [rsi])
 *
 * Layout of nty_ctx (see nty_switch_internal.h and docs/switch.md):
 *   0 rsp  8 rbp  16 rip  24 rbx  32 r12  40 r13  48 r14  56 r15  64 rdi  72 mxcsr(32)  76 x87 cw(16)
 *
 * Only what the ABI makes callee-saved is saved: the C caller of nty_switch already assumes that
 * every other register (rax, rcx, rdx, rsi, rdi, r8-r11, xmm*, flags) may be clobbered by a call.
 * MXCSR's control bits and the x87 control word are callee-saved too (ABI §3.2.1), and they are
 * per-thread state a coroutine may change (rounding mode, flush-to-zero): without saving them a
 * coroutine's rounding mode would leak into its resumer, and into the JVM.
 */
        .text

        .globl  nty_switch
        .type   nty_switch, @function
        .p2align 4
nty_switch:
        .cfi_startproc
        /* The current context continues where our caller continues: at our return address,
         * with the stack as it will be once that return address is popped. Saving that state
         * (instead of pushing registers on the stack) lets a NEW context be described by
         * the same fields: entry address and initial stack. */
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
        stmxcsr 72(%rsi)
        fnstcw  76(%rsi)

        movq     0(%rdi), %rsp
        movq     8(%rdi), %rbp
        movq    24(%rdi), %rbx
        movq    32(%rdi), %r12
        movq    40(%rdi), %r13
        movq    48(%rdi), %r14
        movq    56(%rdi), %r15
        ldmxcsr 72(%rdi)
        fldcw   76(%rdi)
        movq    16(%rdi), %rax
        /* Last, because rdi addresses the context: the entry argument of a NEW coroutine. */
        movq    64(%rdi), %rdi
        jmpq    *%rax
        .cfi_endproc
        .size   nty_switch, .-nty_switch

/*
 * nty_exec_returned: the return address planted under nty_exec's initial frame. nty_exec never
 * returns (it switches back for good), so reaching this is a bug in the library; it must not
 * run off into whatever memory lies above the stack. It is entered by `ret`, so the stack is
 * misaligned for a C call: realign before reporting.
 */
        .globl  nty_exec_returned
        .hidden nty_exec_returned
        .type   nty_exec_returned, @function
        .p2align 4
nty_exec_returned:
        .cfi_startproc
        .cfi_undefined rip
        andq    $-16, %rsp
        call    nty_exec_returned_abort
        ud2
        .cfi_endproc
        .size   nty_exec_returned, .-nty_exec_returned

        .section .note.GNU-stack,"",@progbits
