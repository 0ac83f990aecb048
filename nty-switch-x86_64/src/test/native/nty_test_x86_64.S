/* Test routines that need exact control of registers (libntyswitch_test.so). */
        .text

/* void nty_test_entry_alignment(uint64_t out[2]): a coroutine entry that reports, from its very
 * first instruction, (rsp + 8) % 16 (must be 0, §2.4) and rsp itself. */
        .globl  nty_test_entry_alignment
        .type   nty_test_entry_alignment, @function
        .p2align 4
nty_test_entry_alignment:
        .cfi_startproc
        leaq    8(%rsp), %rax
        andq    $15, %rax
        movq    %rax, 0(%rdi)
        movq    %rsp, 8(%rdi)
        ret
        .cfi_endproc
        .size   nty_test_entry_alignment, .-nty_test_entry_alignment

/* void nty_test_hold_registers(const uint64_t vals[6] rdi, nty_ctx *to rsi, nty_ctx *from rdx,
 *                              uint64_t seen[6] rcx)
 * Loads vals into rbx, rbp, r12, r13, r14, r15, calls nty_switch(to, from) directly, and once
 * switched back stores what those registers hold into seen[]. Anything else that ran meanwhile
 * (the JVM, other coroutines doing the same with other values) clobbered them: only nty_switch
 * can have put them back. The caller's own callee-saved values are kept on the stack. */
        .globl  nty_test_hold_registers
        .type   nty_test_hold_registers, @function
        .p2align 4
nty_test_hold_registers:
        .cfi_startproc
        pushq   %rbx
        pushq   %rbp
        pushq   %r12
        pushq   %r13
        pushq   %r14
        pushq   %r15
        pushq   %rcx            /* seen[]; seven pushes realign rsp to 16 for the call */
        movq    %rdi, %r8
        movq    %rsi, %rdi
        movq    %rdx, %rsi
        movq     0(%r8), %rbx
        movq     8(%r8), %rbp
        movq    16(%r8), %r12
        movq    24(%r8), %r13
        movq    32(%r8), %r14
        movq    40(%r8), %r15
        call    nty_switch@PLT
        popq    %rcx
        movq    %rbx,  0(%rcx)
        movq    %rbp,  8(%rcx)
        movq    %r12, 16(%rcx)
        movq    %r13, 24(%rcx)
        movq    %r14, 32(%rcx)
        movq    %r15, 40(%rcx)
        popq    %r15
        popq    %r14
        popq    %r13
        popq    %r12
        popq    %rbp
        popq    %rbx
        ret
        .cfi_endproc
        .size   nty_test_hold_registers, .-nty_test_hold_registers

/* nty_test_exec_spy: a test puts this in a NEW context's resume address instead of nty_exec.
 * It records rdi and (rsp + 8) % 16 at the trampoline's entry into nty_test_exec_seen[0..1],
 * then continues into the real nty_exec with registers and stack untouched (a tail jump). */
        .globl  nty_test_exec_spy
        .type   nty_test_exec_spy, @function
        .p2align 4
nty_test_exec_spy:
        .cfi_startproc
        movq    nty_test_exec_seen@GOTPCREL(%rip), %rax
        movq    %rdi, 0(%rax)
        leaq    8(%rsp), %rcx
        andq    $15, %rcx
        movq    %rcx, 8(%rax)
        jmp     nty_exec@PLT
        .cfi_endproc
        .size   nty_test_exec_spy, .-nty_test_exec_spy

        .bss
        .globl  nty_test_exec_seen
        .type   nty_test_exec_seen, @object
        .p2align 3
nty_test_exec_seen:
        .zero   16
        .size   nty_test_exec_seen, 16

        .section .note.GNU-stack,"",@progbits
