/*
 * nty_switch_bench — how long one nty_switch takes: two contexts (the thread's own and one
 * coroutine) ping-pong through nty_switch; each round times ITERATIONS round trips (two
 * switches each) and the median over ROUNDS rounds is reported. Also reports the full
 * resume + yield pair through the public API, which adds the state and request bookkeeping.
 * The last line is always `ns_per_switch=X`.
 */
#define _GNU_SOURCE
#include "nty_switch_internal.h"

#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define ROUNDS 101
#define ITERATIONS 50000L

static nty_ctx main_ctx;
static nty_coroutine *pong;

static void pong_raw(void *arg) {
    (void) arg;
    for (;;) {
        nty_switch(&main_ctx, &pong->ctx);
    }
}

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

/* ns per single switch, raw nty_switch between two contexts */
static double round_raw(void) {
    double start = now_ns();
    for (long i = 0; i < ITERATIONS; i++) {
        nty_switch(&pong->ctx, &main_ctx);
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

int main(void) {
    double raw[ROUNDS], api[ROUNDS];

    pin_to_current_cpu();

    pong = nty_coroutine_create(pong_raw, NULL, 0);
    nty_coroutine *api_co = nty_coroutine_create(pong_api, NULL, 0);
    if (pong == NULL || api_co == NULL) {
        perror("nty_coroutine_create");
        return 1;
    }
    round_raw(); /* warm-up: first entry through nty_exec, caches, branch predictors */
    round_api(api_co);
    for (int r = 0; r < ROUNDS; r++) {
        raw[r] = round_raw();
        api[r] = round_api(api_co);
    }
    /* pong_raw never yields through the API, so its state still says RUNNING: free via state. */
    pong->state = NTY_CO_SUSPENDED;
    nty_coroutine_free(pong);
    nty_coroutine_free(api_co);

    printf("rounds=%d iterations_per_round=%ld\n", ROUNDS, ITERATIONS);
    printf("ns_per_resume_yield_pair=%.2f\n", median(api, ROUNDS));
    printf("ns_per_switch=%.2f\n", median(raw, ROUNDS));
    return 0;
}
