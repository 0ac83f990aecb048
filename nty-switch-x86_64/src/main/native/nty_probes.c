/*
 * nty_probes.c — the C half of the §2.4 probe entries (see nty_probes.h); the register-exact
 * half is in nty_probes_x86_64.S.
 */
#include "nty_probes.h"

uint64_t nty_probe_exec_seen[2];

/* Loads vals into rbx, rbp, r12-r15, calls nty_switch(to, from), and stores the six registers
 * into seen[0..5] and rsp before/after the switch into seen[6..7] once switched back. */
void nty_probe_hold_registers(const uint64_t vals[6], nty_ctx *to, nty_ctx *from, uint64_t seen[8])
        __attribute__((visibility("hidden")));

void nty_probe_callee_saved(void *arg) {
    struct nty_probe_registers *t = arg;
    nty_coroutine *co = nty_coroutine_current();
    uint64_t seen[8];
    for (uint64_t r = 0; r < t->rounds; r++) {
        /* What nty_coroutine_yield does, minus the C function around the switch: its prologue
         * could save and restore registers itself and hide a switch that loses them. */
        co->request.kind = NTY_REQ_YIELD;
        co->state = NTY_CO_SUSPENDED;
        nty_probe_hold_registers(t->vals, &co->caller, &co->ctx, seen);
        for (int i = 0; i < 6; i++) {
            t->seen[i] = seen[i];
            if (seen[i] != t->vals[i]) {
                t->mismatches++;
                t->mismatch_mask |= 1u << i;
            }
        }
        t->rsp_mismatches += seen[6] != seen[7];
        t->completed++;
    }
}

static uint32_t read_mxcsr(void) {
    uint32_t v;
    __asm__ volatile("stmxcsr %0" : "=m"(v));
    return v;
}

static uint16_t read_fpucw(void) {
    uint16_t v;
    __asm__ volatile("fnstcw %0" : "=m"(v));
    return v;
}

static int64_t sse_round(double d) {
    int64_t r;
    __asm__ volatile("cvtsd2si %1, %0" : "=r"(r) : "x"(d));
    return r;
}

static int64_t x87_round(double d) {
    int64_t r;
    __asm__ volatile("fldl %1\n\tfistpll %0" : "=m"(r) : "m"(d));
    return r;
}

void nty_probe_fp_control(void *arg) {
    struct nty_probe_fp_control *f = arg;
    uint32_t mxcsr = (read_mxcsr() & ~(3u << 13)) | (uint32_t) (f->sse_rc << 13);
    uint16_t cw = (uint16_t) ((read_fpucw() & ~(3u << 10)) | (f->x87_rc << 10));
    __asm__ volatile("ldmxcsr %0" : : "m"(mxcsr));
    __asm__ volatile("fldcw %0" : : "m"(cw));
    for (uint64_t r = 0; r < f->rounds; r++) {
        nty_coroutine_yield();
        f->mxcsr_seen = read_mxcsr();
        f->fpucw_seen = read_fpucw();
        f->sse_rounded = sse_round(2.5);
        f->x87_rounded = x87_round(2.5);
        int sse_wrong = ((f->mxcsr_seen >> 13) & 3) != f->sse_rc;
        int x87_wrong = ((f->fpucw_seen >> 10) & 3) != f->x87_rc;
        f->mxcsr_mismatches += sse_wrong;
        f->fpucw_mismatches += x87_wrong;
        f->mismatches += sse_wrong + x87_wrong;
        f->completed++;
    }
}

uint64_t nty_probe_thread_fp_control(void) {
    return (uint64_t) read_mxcsr() | ((uint64_t) read_fpucw() << 32);
}
