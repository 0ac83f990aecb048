/*
 * nty_stack_overflow_test — a native coroutine recurses without bound on a 64 KiB stack. The
 * guard page below the stack must stop it with SIGSEGV. A SIGSEGV handler (on an alternate
 * stack: the coroutine's is exhausted) reports whether the fault address lies in the guard page,
 * then lets the signal kill the process, so the exit status is "killed by SIGSEGV" (139 in a
 * shell or from Java's Process). Exit status 0 or 1 means the guard page failed.
 */
#define _GNU_SOURCE
#include "nty_switch_internal.h"

#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static uintptr_t guard_lo, guard_hi;

static void put_hex(char *out, uintptr_t v) {
    static const char digits[] = "0123456789abcdef";
    for (int i = 15; i >= 0; i--) {
        out[i] = digits[v & 15];
        v >>= 4;
    }
}

/* Async-signal-safe: formats by hand and writes once. */
static void on_segv(int sig, siginfo_t *info, void *ucontext) {
    (void) sig;
    (void) ucontext;
    uintptr_t addr = (uintptr_t) info->si_addr;
    char line[] = "SIGSEGV fault_addr=0x0000000000000000 in_guard_page=0\n";
    put_hex(line + strlen("SIGSEGV fault_addr=0x"), addr);
    line[sizeof line - 3] = (addr >= guard_lo && addr < guard_hi) ? '1' : '0';
    ssize_t ignored = write(STDOUT_FILENO, line, sizeof line - 1);
    (void) ignored;
    /* SA_RESETHAND restored the default action: returning re-runs the faulting access, and the
     * second fault kills the process with SIGSEGV. */
}

/* Far deeper than 64 KiB of 1 KiB frames allow; volatile so the compiler cannot bound it. */
static volatile uint64_t depth_limit = UINT64_MAX;

static __attribute__((noinline)) uint64_t recurse(uint64_t depth) {
    volatile char frame[1024];
    if (depth == depth_limit) {
        return 0;
    }
    frame[0] = (char) depth;
    return recurse(depth + 1) + (uint64_t) frame[0];
}

static void overflow(void *arg) {
    (void) arg;
    recurse(0);
}

int main(void) {
    static char alt[64 * 1024];
    stack_t ss = {.ss_sp = alt, .ss_size = sizeof alt, .ss_flags = 0};
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_sigaction = on_segv;
    sa.sa_flags = SA_SIGINFO | SA_ONSTACK | SA_RESETHAND;
    if (sigaltstack(&ss, NULL) != 0 || sigaction(SIGSEGV, &sa, NULL) != 0) {
        perror("signal setup");
        return 1;
    }
    nty_coroutine *co = nty_coroutine_create(overflow, NULL, 64 * 1024);
    if (co == NULL) {
        perror("nty_coroutine_create");
        return 1;
    }
    guard_lo = (uintptr_t) co->map_base;
    guard_hi = guard_lo + co->guard_size;
    printf("guard_page=[0x%lx,0x%lx) stack_top=0x%lx\n", (unsigned long) guard_lo,
           (unsigned long) guard_hi, (unsigned long) ((uintptr_t) co->map_base + co->map_size));
    fflush(stdout);
    nty_coroutine_resume(co);
    printf("overflow returned: the guard page did not stop it\n");
    return 0;
}
