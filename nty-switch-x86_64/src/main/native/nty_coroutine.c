/*
 * nty_coroutine.c — native coroutines on nty_switch: creation (stack, guard page, initial
 * frame), the nty_exec trampoline, resume/yield with requests, and freeing.
 */
#define _GNU_SOURCE
#include "nty_switch_internal.h"

#include <cpuid.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

/* The coroutine whose stack this thread runs on (NULL on the thread's own stack). */
static __thread nty_coroutine *current_co;

/* Internal to the library: not part of its dynamic symbol table. */
__attribute__((visibility("hidden"))) void nty_exec_returned(void);
__attribute__((visibility("hidden"), noreturn)) void nty_exec_returned_abort(void);

/* The MXCSR policy of nty_switch (see nty_switch_x86_64.S): 1 = compare and load only on a
 * difference, 0 = always load. Read by every switch, so a plain byte; set once when the library
 * loads (by CPU vendor) and changed only through nty_switch_mxcsr_policy. Either value keeps
 * §2.4, so a switch that races with a change is correct under whichever value it read. */
__attribute__((visibility("hidden"))) unsigned char nty_switch_mxcsr_compare = 1;

/* AMD's Zen cores (and Hygon's, which are Zen) load an unchanged MXCSR almost for free, and do
 * not forward stmxcsr's store to the load that would compare it: there "load" is cheaper. */
static int prefers_mxcsr_load(void) {
    unsigned int max, ebx, ecx, edx;
    if (__get_cpuid(0, &max, &ebx, &ecx, &edx) == 0) {
        return 0;
    }
    char vendor[13];
    memcpy(vendor, &ebx, 4);
    memcpy(vendor + 4, &edx, 4);
    memcpy(vendor + 8, &ecx, 4);
    vendor[12] = '\0';
    return strcmp(vendor, "AuthenticAMD") == 0 || strcmp(vendor, "HygonGenuine") == 0;
}

__attribute__((constructor)) static void choose_mxcsr_policy(void) {
    nty_switch_mxcsr_compare = prefers_mxcsr_load() ? 0 : 1;
}

int nty_switch_mxcsr_policy(int policy) {
    switch (policy) {
    case NTY_MXCSR_COMPARE:
    case NTY_MXCSR_LOAD:
        __atomic_store_n(&nty_switch_mxcsr_compare, policy == NTY_MXCSR_COMPARE, __ATOMIC_RELAXED);
        return policy;
    case NTY_MXCSR_QUERY:
        return __atomic_load_n(&nty_switch_mxcsr_compare, __ATOMIC_RELAXED) ? NTY_MXCSR_COMPARE : NTY_MXCSR_LOAD;
    default:
        return NTY_ERR_ARG;
    }
}

static int is_coroutine(const nty_coroutine *co) {
    return co != NULL && co->magic == NTY_COROUTINE_MAGIC;
}

static size_t page_size(void) {
    static size_t cached;
    if (cached == 0) {
        cached = (size_t) sysconf(_SC_PAGESIZE);
    }
    return cached;
}

static size_t round_up(size_t n, size_t unit) {
    return (n + unit - 1) / unit * unit;
}

/* One mapping: [guard page PROT_NONE][stack ... top). A stack overflow runs into the guard page
 * and faults with SIGSEGV instead of silently overwriting whatever was mapped below. */
static int map_stack(nty_coroutine *co, size_t stack_size) {
    size_t guard = page_size();
    size_t usable = round_up(stack_size == 0 ? NTY_DEFAULT_STACK_SIZE : stack_size, guard);
    if (usable < stack_size) {
        errno = ENOMEM; /* rounding overflowed */
        return -1;
    }
    size_t total = usable + guard;
    void *base = mmap(NULL, total, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_STACK, -1, 0);
    if (base == MAP_FAILED) {
        return -1;
    }
    if (mprotect(base, guard, PROT_NONE) != 0) {
        int saved = errno;
        munmap(base, total);
        errno = saved;
        return -1;
    }
    co->map_base = base;
    co->map_size = total;
    co->guard_size = guard;
    return 0;
}

static void unmap_stack(nty_coroutine *co) {
    if (co->map_base != NULL) {
        munmap(co->map_base, co->map_size);
        co->map_base = NULL;
    }
}

/*
 * The initial frame, at the (page-aligned, so 16-aligned) stack top T:
 *   T-8   0                     end-of-stack marker (a null frame for unwinders)
 *   T-16  0                     end-of-stack marker
 *   T-24  nty_exec_returned     nty_exec's return address: never used, traps if it ever is
 * rsp = T-24, so at nty_exec's first instruction (rsp+8) % 16 == 0, exactly as if it had been
 * reached by a `call` from an aligned frame; the compiler then keeps every call it makes, the
 * one to func included, aligned. rbp = 0 ends frame-pointer chains here.
 */
static void init_context(nty_coroutine *co) {
    uintptr_t top = (uintptr_t) co->map_base + co->map_size;
    void **sp = (void **) top;
    sp[-1] = NULL;
    sp[-2] = NULL;
    sp[-3] = (void *) nty_exec_returned;

    memset(&co->ctx, 0, sizeof co->ctx);
    co->ctx.rsp = &sp[-3];
    co->ctx.rbp = NULL;
    co->ctx.rip = (void *) nty_exec;
    co->ctx.rdi = co; /* the seed's ctx.edi = co, here made explicit */
    /* Inherit the creator's floating-point control state, as a new thread would. */
    __asm__ volatile("stmxcsr %0" : "=m"(co->ctx.mxcsr));
    __asm__ volatile("fnstcw %0" : "=m"(co->ctx.fpucw));
}

nty_coroutine *nty_coroutine_create(nty_func func, void *arg, size_t stack_size) {
    if (func == NULL) {
        errno = EINVAL;
        return NULL;
    }
    nty_coroutine *co = calloc(1, sizeof *co);
    if (co == NULL) {
        return NULL;
    }
    if (map_stack(co, stack_size) != 0) {
        int saved = errno;
        free(co);
        errno = saved;
        return NULL;
    }
    co->func = func;
    co->arg = arg;
    co->state = NTY_CO_NEW;
    co->request.kind = NTY_REQ_NONE;
    co->magic = NTY_COROUTINE_MAGIC;
    init_context(co);
    return co;
}

void nty_exec(nty_coroutine *co) {
    co->func(co->arg);
    co->state = NTY_CO_EXITED;
    co->request.kind = NTY_REQ_EXIT;
    nty_switch(&co->caller, &co->ctx);
    /* Nobody resumes an EXITED coroutine: nty_coroutine_resume refuses. */
    nty_exec_returned_abort();
}

void nty_exec_returned_abort(void) {
    static const char msg[] = "nty: an exited native coroutine was switched into again\n";
    ssize_t ignored = write(STDERR_FILENO, msg, sizeof msg - 1);
    (void) ignored;
    abort();
}

int nty_coroutine_resume(nty_coroutine *co) {
    if (!is_coroutine(co)) {
        return NTY_ERR_BADCO;
    }
    if (co->state == NTY_CO_EXITED) {
        return NTY_ERR_EXITED;
    }
    if (co->state == NTY_CO_RUNNING) {
        /* It is current, or it resumed (directly or not) the current coroutine: its saved
         * context is stale, and switching to it would resume the wrong frame. */
        return NTY_ERR_RUNNING;
    }
    co->state = NTY_CO_RUNNING;
    co->request.kind = NTY_REQ_NONE;
    co->resumer_current = current_co;
    current_co = co;
    nty_switch(&co->ctx, &co->caller);
    current_co = co->resumer_current;
    int kind = co->request.kind;
    if (co->state == NTY_CO_EXITED) {
        /* Back on the resumer's stack, the exited coroutine's stack can go (§2.2). */
        unmap_stack(co);
    }
    return kind;
}

/* Leaves the request and switches back; returns once resumed. */
static void switch_back(nty_coroutine *co, int kind) {
    co->request.kind = kind;
    co->state = NTY_CO_SUSPENDED;
    nty_switch(&co->caller, &co->ctx);
}

int nty_coroutine_yield(void) {
    nty_coroutine *co = current_co;
    if (co == NULL) {
        return NTY_ERR_NOTCO;
    }
    switch_back(co, NTY_REQ_YIELD);
    return 0;
}

int nty_coroutine_sleep(int64_t millis) {
    nty_coroutine *co = current_co;
    if (co == NULL) {
        return NTY_ERR_NOTCO;
    }
    if (millis < 0) {
        return NTY_ERR_ARG;
    }
    co->request.millis = millis;
    switch_back(co, millis == 0 ? NTY_REQ_YIELD : NTY_REQ_SLEEP);
    return 0;
}

int nty_coroutine_wait(int fd, int events, int64_t timeout_millis) {
    nty_coroutine *co = current_co;
    if (co == NULL) {
        return NTY_ERR_NOTCO;
    }
    int interest = NTY_IO_READ | NTY_IO_WRITE;
    if (fd < 0 || events == 0 || (events & ~interest) != 0 || timeout_millis < 0) {
        return NTY_ERR_ARG;
    }
    co->request.fd = fd;
    co->request.events = events;
    co->request.millis = timeout_millis;
    co->request.result = NTY_WAIT_FAILED; /* unless the resumer says otherwise */
    switch_back(co, NTY_REQ_WAIT);
    return co->request.result;
}

void nty_coroutine_complete_wait(nty_coroutine *co, int result) {
    if (is_coroutine(co)) {
        co->request.result = result;
    }
}

nty_coroutine *nty_coroutine_current(void) {
    return current_co;
}

int nty_coroutine_state(const nty_coroutine *co) {
    return is_coroutine(co) ? co->state : NTY_ERR_BADCO;
}

const nty_request *nty_coroutine_request(const nty_coroutine *co) {
    return is_coroutine(co) ? &co->request : NULL;
}

int nty_coroutine_free(nty_coroutine *co) {
    if (!is_coroutine(co)) {
        return NTY_ERR_BADCO;
    }
    if (co->state == NTY_CO_RUNNING) {
        return NTY_ERR_RUNNING;
    }
    unmap_stack(co);
    co->magic = 0; /* a later call with this pointer is refused while the memory is not reused */
    free(co);
    return 0;
}

int64_t nty_layout(int field) {
    switch (field) {
    case NTY_LAYOUT_CTX_RSP: return offsetof(nty_coroutine, ctx.rsp);
    case NTY_LAYOUT_CTX_RBP: return offsetof(nty_coroutine, ctx.rbp);
    case NTY_LAYOUT_CTX_RIP: return offsetof(nty_coroutine, ctx.rip);
    case NTY_LAYOUT_CTX_RDI: return offsetof(nty_coroutine, ctx.rdi);
    case NTY_LAYOUT_CTX_MXCSR: return offsetof(nty_coroutine, ctx.mxcsr);
    case NTY_LAYOUT_CTX_FPUCW: return offsetof(nty_coroutine, ctx.fpucw);
    case NTY_LAYOUT_STATE: return offsetof(nty_coroutine, state);
    case NTY_LAYOUT_REQ_KIND: return offsetof(nty_coroutine, request.kind);
    case NTY_LAYOUT_REQ_FD: return offsetof(nty_coroutine, request.fd);
    case NTY_LAYOUT_REQ_EVENTS: return offsetof(nty_coroutine, request.events);
    case NTY_LAYOUT_REQ_RESULT: return offsetof(nty_coroutine, request.result);
    case NTY_LAYOUT_REQ_MILLIS: return offsetof(nty_coroutine, request.millis);
    case NTY_LAYOUT_MAP_BASE: return offsetof(nty_coroutine, map_base);
    case NTY_LAYOUT_MAP_SIZE: return offsetof(nty_coroutine, map_size);
    case NTY_LAYOUT_GUARD_SIZE: return offsetof(nty_coroutine, guard_size);
    default: return -1;
    }
}

/* The offsets the assembly hard-codes must match the struct. */
_Static_assert(offsetof(nty_ctx, rsp) == 0, "rsp");
_Static_assert(offsetof(nty_ctx, rbp) == 8, "rbp");
_Static_assert(offsetof(nty_ctx, rip) == 16, "rip");
_Static_assert(offsetof(nty_ctx, rbx) == 24, "rbx");
_Static_assert(offsetof(nty_ctx, r12) == 32, "r12");
_Static_assert(offsetof(nty_ctx, r15) == 56, "r15");
_Static_assert(offsetof(nty_ctx, rdi) == 64, "rdi");
_Static_assert(offsetof(nty_ctx, mxcsr) == 72, "mxcsr");
_Static_assert(offsetof(nty_ctx, fpucw) == 76, "fpucw");
