/*
 * nty_builtins.c — ready-made coroutine entries, so benchmarks and demos can run a native
 * coroutine without compiling C of their own.
 */
#include "nty_switch.h"

void nty_yield_loop(void *arg) {
    int64_t *remaining = arg;
    while (remaining == NULL || (*remaining)-- > 0) {
        nty_coroutine_yield();
    }
}
