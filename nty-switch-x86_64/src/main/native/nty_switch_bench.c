/*
 * nty_switch_bench — how long one nty_switch takes, beside the floor it is held to (nty's
 * budget, docs/performance.md: ≤ 1.5× a switch of the same shape that saves only rsp, rip and the callee-saved general
 * registers), measured in the same process, rounds interleaved so drift hits both alike.
 *
 * Each measurement is a round of ITERATIONS round trips (two switches each) between the thread's
 * own context and one coroutine, ROUNDS rounds interleaved, median reported:
 *   ns_per_switch           nty_switch under the MXCSR policy the library chose for this CPU
 *                           (mxcsr_policy=, see nty_switch_internal.h)
 *   ns_per_switch_floor     nty_switch_floor (nty_switch_floor_x86_64.S): same shape, no FP control
 *   ns_per_switch_mxcsr_compare / _load   nty_switch under each MXCSR policy
 *   ns_per_resume_yield_pair  nty_coroutine_resume + nty_coroutine_yield through the public API
 * Both contexts keep the same control words (the common case: nothing to load but what the
 * policy always loads); FloatingPointControlTest covers contexts whose words differ.
 * nty_switch and the floor are both linked into this program from their objects (the same object
 * the library is made of), so both are reached by the same direct call.
 * The last line is always `ns_per_switch=X ns_per_switch_floor=Y switch_vs_floor=R`.
 */
#define _GNU_SOURCE
#include "nty_switch_internal.h"

#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define ROUNDS 101
#define ITERATIONS 50000L

void nty_switch_floor(nty_ctx *next, nty_ctx *cur);

static nty_ctx main_ctx;
static nty_coroutine *pong, *pong_floor;

static void pong_raw(void *arg) {
    (void) arg;
    for (;;) {
        nty_switch(&main_ctx, &pong->ctx);
    }
}

static void pong_raw_floor(void *arg) {
    (void) arg;
    for (;;) {
        nty_switch_floor(&main_ctx, &pong_floor->ctx);
    }
}

/* Runs with round-toward-zero in both MXCSR and the x87 control word, so every switch between
 * it and the (round-to-nearest) main context has control words to load. */
static void pong_api(void *arg) {
    (void) arg;
    for (;;) {
        nty_coroutine_yield();
    }
}

static double now_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static int by_value(const void *a, const void *b) {
    double x = *(const double *) a, y = *(const double *) b;
    return (x > y) - (x < y);
}

static double median(double *v, int n) {
    qsort(v, n, sizeof *v, by_value);
    return v[n / 2];
}

/* ns per single switch, raw nty_switch between the main context and co */
static double round_raw(nty_coroutine *co) {
    double start = now_ns();
    for (long i = 0; i < ITERATIONS; i++) {
        nty_switch(&co->ctx, &main_ctx);
    }
    return (now_ns() - start) / (2.0 * ITERATIONS);
}

/* ns per single switch, the floor */
static double round_floor(void) {
    double start = now_ns();
    for (long i = 0; i < ITERATIONS; i++) {
        nty_switch_floor(&pong_floor->ctx, &main_ctx);
    }
    return (now_ns() - start) / (2.0 * ITERATIONS);
}

/* ns per resume + yield pair through the public API */
static double round_api(nty_coroutine *co) {
    double start = now_ns();
    for (long i = 0; i < ITERATIONS; i++) {
        nty_coroutine_resume(co);
    }
    return (now_ns() - start) / ITERATIONS;
}

/* Stay on one CPU: a migration mid-round would measure cold caches, not the switch. */
static void pin_to_current_cpu(void) {
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(sched_getcpu(), &set);
    sched_setaffinity(0, sizeof set, &set);
}

/* The raw pong coroutines never yield through the API, so their state still says RUNNING. */
static void free_raw(nty_coroutine *co) {
    co->state = NTY_CO_SUSPENDED;
    nty_coroutine_free(co);
}

int main(void) {
    static double chosen[ROUNDS], floor_[ROUNDS], compare[ROUNDS], load[ROUNDS], api[ROUNDS];

    pin_to_current_cpu();
    int policy = nty_switch_mxcsr_policy(NTY_MXCSR_QUERY);

    pong = nty_coroutine_create(pong_raw, NULL, 0);
    pong_floor = nty_coroutine_create(pong_raw_floor, NULL, 0);
    nty_coroutine *api_co = nty_coroutine_create(pong_api, NULL, 0);
    if (pong == NULL || pong_floor == NULL || api_co == NULL) {
        perror("nty_coroutine_create");
        return 1;
    }
    /* warm-up: first entry through nty_exec, caches, branch predictors */
    round_raw(pong);
    round_floor();
    round_api(api_co);
    for (int r = 0; r < ROUNDS; r++) {
        nty_switch_mxcsr_policy(policy);
        chosen[r] = round_raw(pong);
        floor_[r] = round_floor();
        api[r] = round_api(api_co);
        nty_switch_mxcsr_policy(NTY_MXCSR_COMPARE);
        compare[r] = round_raw(pong);
        nty_switch_mxcsr_policy(NTY_MXCSR_LOAD);
        load[r] = round_raw(pong);
    }
    nty_switch_mxcsr_policy(policy);
    free_raw(pong);
    free_raw(pong_floor);
    nty_coroutine_free(api_co);

    double sw = median(chosen, ROUNDS), fl = median(floor_, ROUNDS);
    printf("rounds=%d iterations_per_round=%ld\n", ROUNDS, ITERATIONS);
    printf("ns_per_resume_yield_pair=%.2f\n", median(api, ROUNDS));
    printf("ns_per_switch_mxcsr_compare=%.2f ns_per_switch_mxcsr_load=%.2f\n",
           median(compare, ROUNDS), median(load, ROUNDS));
    printf("mxcsr_policy=%s\n", policy == NTY_MXCSR_COMPARE ? "compare" : "load");
    printf("ns_per_switch=%.2f ns_per_switch_floor=%.2f switch_vs_floor=%.2f\n", sw, fl, sw / fl);
    return 0;
}
