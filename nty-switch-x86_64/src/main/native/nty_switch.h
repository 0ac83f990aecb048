/*
 * nty_switch.h — native coroutines on the nty x86_64 context switch.
 *
 * This is the public header for people who write coroutines in C. A native coroutine runs a
 * plain C function, void func(void *arg), on its own mmap'd stack (with a PROT_NONE guard page
 * below it). Whoever created it resumes it; it runs until it yields, and each yield leaves a
 * *request* (plain yield, sleep, wait on an fd) that the resumer carries out before resuming it
 * again. That is how a native coroutine lives inside nty's Java scheduler: the Java side resumes
 * it, reads the request and performs the matching Scheduler call (yieldNow, sleep, await).
 *
 * Rules (numbered as in nty's design, §2):
 *   2.1 the first resume enters the trampoline nty_exec(co) with co in rdi; nty_exec calls
 *       func(arg) exactly once;
 *   2.2 when func returns the coroutine is EXITED, switches back, and is never resumed again
 *       (nty_coroutine_resume refuses with NTY_ERR_EXITED); its stack is unmapped at that point;
 *   2.4 rsp is ABI-aligned at func entry, and every switch preserves rbx, rbp, r12-r15, rsp,
 *       MXCSR and the x87 control word per coroutine.
 *
 * Threads: a coroutine may be resumed from any thread, but never from two at once; "current"
 * is per thread. Nothing here is thread-safe.
 */
#ifndef NTY_SWITCH_H
#define NTY_SWITCH_H

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Readiness bits for nty_coroutine_wait; equal to Linux EPOLLIN/EPOLLOUT/EPOLLERR/EPOLLHUP and to
 * Java's io.nty.api.IoEvents. Only READ and WRITE may be requested. */
#define NTY_IO_READ   0x001
#define NTY_IO_WRITE  0x004
#define NTY_IO_ERROR  0x008
#define NTY_IO_HANGUP 0x010

/* Stack size used when 0 is passed to nty_coroutine_create. */
#define NTY_DEFAULT_STACK_SIZE (128 * 1024)

/* Life cycle of a coroutine. */
enum nty_state {
    NTY_CO_NEW = 0,       /* created, never resumed: func has not started */
    NTY_CO_SUSPENDED = 1, /* yielded; its request says what it waits for */
    NTY_CO_RUNNING = 2,   /* on the CPU now (it, or a coroutine it resumed) */
    NTY_CO_EXITED = 3     /* func returned; final */
};

/* What a coroutine asked for when it last switched back to its resumer. */
enum nty_request_kind {
    NTY_REQ_NONE = 0,  /* nothing yet (NEW, or RUNNING) */
    NTY_REQ_YIELD = 1, /* requeue me at the tail of the ready queue (§3.2) */
    NTY_REQ_SLEEP = 2, /* resume me after at least `millis` ms (§3.4) */
    NTY_REQ_WAIT = 3,  /* resume me when `fd` is ready for `events`, or after `millis` (0 = no limit) */
    NTY_REQ_EXIT = 4   /* func returned: the coroutine is EXITED (§2.2) */
};

/* Results of nty_coroutine_wait other than ready events (> 0). */
#define NTY_WAIT_TIMEOUT 0    /* the timeout expired first */
#define NTY_WAIT_CLOSED (-1)  /* another coroutine closed the fd during the wait */
#define NTY_WAIT_BUSY (-2)    /* another coroutine already waits on this fd (§4.1) */
#define NTY_WAIT_FAILED (-3)  /* the resumer could not carry out the wait (bad fd, no poller) */

/* Errors (negative returns). */
#define NTY_ERR_BADCO (-1)   /* NULL or not a coroutine; a freed one while its memory is not reused */
#define NTY_ERR_EXITED (-2)  /* the coroutine has exited; it is never resumed again */
#define NTY_ERR_RUNNING (-3) /* the coroutine is running: resuming itself or one of its resumers */
#define NTY_ERR_NOTCO (-4)   /* a yield-type call outside any coroutine */
#define NTY_ERR_ARG (-5)     /* bad argument (negative ms, empty or unknown event bits, fd < 0) */

/* The request a coroutine leaves when it yields: read by the resumer after resume returns. */
typedef struct nty_request {
    int32_t kind;   /* enum nty_request_kind */
    int32_t fd;     /* NTY_REQ_WAIT: the fd */
    int32_t events; /* NTY_REQ_WAIT: NTY_IO_READ and/or NTY_IO_WRITE */
    int32_t result; /* NTY_REQ_WAIT: set by the resumer (nty_coroutine_complete_wait) */
    int64_t millis; /* NTY_REQ_SLEEP: sleep time; NTY_REQ_WAIT: timeout, 0 = none */
} nty_request;

typedef struct nty_coroutine nty_coroutine;
typedef void (*nty_func)(void *arg);

/* Creates a NEW coroutine that will run func(arg) on its first resume. stack_size 0 means
 * NTY_DEFAULT_STACK_SIZE; it is rounded up to whole pages, and one PROT_NONE guard page is added
 * below the stack. The new coroutine inherits the caller's MXCSR and x87 control word.
 * Returns NULL with errno set (EINVAL: func is NULL; ENOMEM: no memory). Never switches. */
nty_coroutine *nty_coroutine_create(nty_func func, void *arg, size_t stack_size);

/* Switches into co until it yields or exits. Returns the request it left (NTY_REQ_YIELD,
 * NTY_REQ_SLEEP, NTY_REQ_WAIT or NTY_REQ_EXIT), or a negative NTY_ERR_* without switching. */
int nty_coroutine_resume(nty_coroutine *co);

/* Inside a coroutine: switch back to the resumer with a request. Return 0 once resumed, or
 * NTY_ERR_NOTCO / NTY_ERR_ARG without switching. sleep(0) is a plain yield, as in §3.2. */
int nty_coroutine_yield(void);
int nty_coroutine_sleep(int64_t millis);

/* Inside a coroutine: wait until fd is ready for events (NTY_IO_READ | NTY_IO_WRITE), or for at
 * most timeout_millis (0 = no limit). Returns the ready events (> 0), NTY_WAIT_TIMEOUT,
 * NTY_WAIT_CLOSED, NTY_WAIT_BUSY or NTY_WAIT_FAILED as set by the resumer, or NTY_ERR_NOTCO /
 * NTY_ERR_ARG without switching. */
int nty_coroutine_wait(int fd, int events, int64_t timeout_millis);

/* The resumer's answer to an NTY_REQ_WAIT, returned by nty_coroutine_wait on the next resume. */
void nty_coroutine_complete_wait(nty_coroutine *co, int result);

/* The coroutine running on this thread, or NULL outside any coroutine. */
nty_coroutine *nty_coroutine_current(void);

/* enum nty_state of co, or NTY_ERR_BADCO. */
int nty_coroutine_state(const nty_coroutine *co);

/* The request co left at its last switch back (kind NTY_REQ_NONE before its first yield). */
const nty_request *nty_coroutine_request(const nty_coroutine *co);

/* Frees co: unmaps its stack if still mapped and releases the handle. A suspended coroutine is
 * abandoned (its func never finishes). Returns 0, NTY_ERR_BADCO, or NTY_ERR_RUNNING (refused:
 * it is on the CPU). co must not be used afterwards. */
int nty_coroutine_free(nty_coroutine *co);

/* A ready-made entry for benchmarks and demos: yields (NTY_REQ_YIELD) until the int64_t that
 * arg points to, decremented at each yield, reaches 0, then returns; forever if arg is NULL. */
void nty_yield_loop(void *arg);

#ifdef __cplusplus
}
#endif

#endif /* NTY_SWITCH_H */
