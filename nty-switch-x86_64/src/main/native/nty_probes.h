/*
 * nty_probes.h — probe entries: shipped coroutine bodies that observe rule §2.4 from inside a
 * native coroutine, so a conformance suite (and the module's own tests) can check the real
 * library instead of test-only copies of it. Java runs them through io.nty.nswitch.NativeProbes.
 *
 * Each probe records what it saw into a record the caller allocates and reads back; every field
 * is an 8-byte slot, in the order declared here (the Java side mirrors the offsets).
 * None of them decides pass or fail on its own: they report what the registers held, and the
 * caller compares that with what §2.4 requires.
 */
#ifndef NTY_PROBES_H
#define NTY_PROBES_H

#include "nty_switch_internal.h"

/* Entry rule: put nty_probe_exec_spy into a NEW context's resume address instead of nty_exec.
 * At its first instruction it stores rdi into nty_probe_exec_seen[0] and (rsp + 8) % 16 into
 * nty_probe_exec_seen[1], then jumps into the real nty_exec with every register untouched.
 * One global record: callers serialise (NativeProbes does). */
void nty_probe_exec_spy(void);
extern uint64_t nty_probe_exec_seen[2];

/* Entry rule, func side: a coroutine entry whose arg points at uint64_t out[2]; from its first
 * instruction it stores (rsp + 8) % 16 (0 when ABI-aligned) into out[0] and rsp into out[1]. */
void nty_probe_func_entry(void *out);

/* Callee-saved rule: a coroutine entry, arg = struct nty_probe_registers. Each round loads
 * vals[] into rbx, rbp, r12-r15, switches out through nty_switch directly (no C frame that could
 * save them itself), and once resumed stores what the six registers hold into seen[]; a differing
 * register counts a mismatch. rsp_mismatches counts rounds whose rsp after the switch back
 * differs from before it. */
struct nty_probe_registers {
    uint64_t vals[6]; /* rbx, rbp, r12, r13, r14, r15 */
    uint64_t rounds;
    uint64_t completed;
    uint64_t mismatches;
    uint64_t seen[6];
    uint64_t mismatch_mask;  /* bit i set: register i was wrong in some round */
    uint64_t rsp_mismatches;
};
void nty_probe_callee_saved(void *arg);

/* Floating-point control rule: a coroutine entry, arg = struct nty_probe_fp_control. Sets its own
 * MXCSR rounding mode and x87 rounding control, then after every resume reads both control
 * words back and rounds 2.5 with SSE (cvtsd2si) and x87 (fistp): 2 or 3 depending on the mode. */
struct nty_probe_fp_control {
    uint64_t sse_rc;   /* MXCSR bits 13-14: 0 nearest, 1 down, 2 up, 3 toward zero */
    uint64_t x87_rc;   /* x87 CW bits 10-11, same encoding */
    uint64_t rounds;
    uint64_t completed;
    uint64_t mismatches;     /* rounds whose MXCSR or x87 rounding bits were not this context's */
    int64_t sse_rounded;     /* last rint(2.5) by SSE */
    int64_t x87_rounded;     /* last rint(2.5) by x87 */
    uint64_t mxcsr_seen;
    uint64_t fpucw_seen;
    uint64_t mxcsr_mismatches;
    uint64_t fpucw_mismatches;
};
void nty_probe_fp_control(void *arg);

/* The calling thread's MXCSR (bits 0-31) and x87 control word (bits 32-47). */
uint64_t nty_probe_thread_fp_control(void);

#endif /* NTY_PROBES_H */
