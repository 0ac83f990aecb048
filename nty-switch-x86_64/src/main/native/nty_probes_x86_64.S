/*
 * nty_probes_x86_64.S — the register-exact half of the §2.4 probe entries (see nty_probes.h).
 * Written in assembly because a C prologue would save and restore the very registers they watch.
 * The two entries reached by an indirect branch (func, called through a pointer by nty_exec; the
 * spy, jumped to as a NEW context's resume address) start with the CET landing pad endbr64,
 * which changes no register.
 */
        .text

/* void nty_probe_func_entry(uint64_t out[2]): reports (rsp + 8) % 16 and rsp at func entry. */
        .globl  nty_probe_func_entry
        .type   nty_probe_func_entry, @function
        .p2align 4
nty_probe_func_entry:
        .cfi_startproc
        endbr64
        leaq    8(%rsp), %rax
        andq    $15, %rax
        movq    %rax, 0(%rdi)
        movq    %rsp, 8(%rdi)
        ret
        .cfi_endproc
        .size   nty_probe_func_entry, .-nty_probe_func_entry

/* void nty_probe_hold_registers(const uint64_t vals[6] rdi, nty_ctx *to rsi, nty_ctx *from rdx,
 *                               uint64_t seen[8] rcx)
 * Loads vals into rbx, rbp, r12-r15, calls nty_switch(to, from) directly, and once switched back
 * stores those registers into seen[0..5], rsp before the call into seen[6] and after it into
 * seen[7]. Anything that ran meanwhile (the JVM, other coroutines loading other values) clobbered
 * them: only nty_switch can have put them back. The caller's own values are kept on the stack. */
        .globl  nty_probe_hold_registers
        .hidden nty_probe_hold_registers
        .type   nty_probe_hold_registers, @function
        .p2align 4
nty_probe_hold_registers:
        .cfi_startproc
        pushq   %rbx
        pushq   %rbp
        pushq   %r12
        pushq   %r13
        pushq   %r14
        pushq   %r15
        pushq   %rcx            /* seen[]; seven pushes realign rsp to 16 for the call */
        movq    %rsp, 48(%rcx)
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
        movq    %rsp, %rax
        popq    %rcx
        movq    %rbx,  0(%rcx)
        movq    %rbp,  8(%rcx)
        movq    %r12, 16(%rcx)
        movq    %r13, 24(%rcx)
        movq    %r14, 32(%rcx)
        movq    %r15, 40(%rcx)
        movq    %rax, 56(%rcx)
        popq    %r15
        popq    %r14
        popq    %r13
        popq    %r12
        popq    %rbp
        popq    %rbx
        ret
        .cfi_endproc
        .size   nty_probe_hold_registers, .-nty_probe_hold_registers

/* nty_probe_exec_spy: a NEW context's resume address in place of nty_exec. Records rdi and
 * (rsp + 8) % 16 at the trampoline's entry into nty_probe_exec_seen[0..1], then continues into
 * the real nty_exec with registers and stack untouched (a tail jump). */
        .globl  nty_probe_exec_spy
        .type   nty_probe_exec_spy, @function
        .p2align 4
nty_probe_exec_spy:
        .cfi_startproc
        endbr64
        movq    nty_probe_exec_seen@GOTPCREL(%rip), %rax
        movq    %rdi, 0(%rax)
        leaq    8(%rsp), %rcx
        andq    $15, %rcx
        movq    %rcx, 8(%rax)
        jmp     nty_exec@PLT
        .cfi_endproc
        .size   nty_probe_exec_spy, .-nty_probe_exec_spy

        .section .note.GNU-stack,"",@progbits
