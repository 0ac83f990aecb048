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
 *
 * What §2.4 costs, and how little of it is paid (docs/switch.md, "The floating-point control
 * words"): reading the two control words (stmxcsr, fnstcw) is needed on every switch, since a
 * coroutine may have changed them; loading them is needed only when next's differ. Almost every
 * switch goes between contexts with equal control words.
 *   x87 control word: compared, fldcw only on a difference (every CPU).
 *   MXCSR, policy "compare" (the default but on AMD): compared, ldmxcsr only on a difference.
 *         For CPUs where ldmxcsr is the expensive part (tens of ns on the Intel Xeons measured).
 *   MXCSR, policy "load" (the default on AMD and Hygon): ldmxcsr always. On Zen an unchanged
 *         ldmxcsr costs almost nothing, while the comparison would read back the value stmxcsr
 *         just stored, which the CPU does not store-forward (≈ 2 ns, more than the load).
 *   The policy is the hidden byte nty_switch_mxcsr_compare (nty_coroutine.c), chosen by CPU
 *   vendor when the library loads and settable with nty_switch_mxcsr_policy(); either is correct.
 * MXCSR bits 0-5 are the sticky exception status flags, which the ABI does not make callee-saved:
 * they are left out of the comparison, and they stay with the thread (as across any call) unless
 * MXCSR is loaded, which brings next's saved ones.
 *
 * CET: every place an indirect branch lands in this library starts with endbr64 (a NOP on CPUs
 * without CET): nty_switch itself (reached through the PLT and from Java's function pointers) and
 * nty_exec, a NEW context's resume address (C, compiled with -fcf-protection=branch). The resume
 * address of a SUSPENDED context is a return address, which has no landing pad, and the switch
 * does not switch shadow stacks: docs/switch.md ("CET and shadow stacks") says why the library is
 * not marked IBT- or SHSTK-compatible.
 */
        .text

        .globl  nty_switch
        .type   nty_switch, @function
        .p2align 4
nty_switch:
        .cfi_startproc
        endbr64
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

        /* x87 control word: read back from *cur (store-forwarded), load next's only if it differs. */
        movzwl  76(%rsi), %ecx
        cmpw    76(%rdi), %cx
        jne     .Lload_x87_cw
.Lx87_cw_done:
        /* MXCSR: under the "load" policy always loaded (out of line); under "compare" only if
         * its control bits (6-15; 16-31 are reserved zeros) differ from next's. */
        cmpb    $0, nty_switch_mxcsr_compare(%rip)
        je      .Lload_mxcsr
        movl    72(%rsi), %ecx
        xorl    72(%rdi), %ecx
        testl   $0xffffffc0, %ecx
        jnz     .Lload_mxcsr
.Lmxcsr_done:
        movq     0(%rdi), %rsp
        movq     8(%rdi), %rbp
        movq    24(%rdi), %rbx
        movq    32(%rdi), %r12
        movq    40(%rdi), %r13
        movq    48(%rdi), %r14
        movq    56(%rdi), %r15
        movq    16(%rdi), %rax
        /* Last, because rdi addresses the context: the entry argument of a NEW coroutine. */
        movq    64(%rdi), %rdi
        jmpq    *%rax

        /* Out of line: control words that differ (rare), and the "load" policy's ldmxcsr. */
.Lload_x87_cw:
        fldcw   76(%rdi)
        jmp     .Lx87_cw_done
.Lload_mxcsr:
        ldmxcsr 72(%rdi)
        jmp     .Lmxcsr_done
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
