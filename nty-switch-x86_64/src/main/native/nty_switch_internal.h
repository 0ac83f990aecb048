/*
 * nty_switch_internal.h — the layout behind nty_switch.h, for the library itself, its tests and
 * the benchmark. Coroutine authors include nty_switch.h only; nothing here is a stable API.
 */
#ifndef NTY_SWITCH_INTERNAL_H
#define NTY_SWITCH_INTERNAL_H

#include "nty_switch.h"

/*
 * A saved register context. The byte offsets are fixed: nty_switch_x86_64.S uses them, the Java
 * binding reads them through nty_layout(), and docs/switch.md draws them.
 * rsp/rip describe the point where the context continues: for a context saved by nty_switch,
 * rip is the return address into nty_switch's caller and rsp the stack pointer after that
 * return; for a NEW coroutine they are the trampoline and its initial frame.
 */
typedef struct nty_ctx {
    void *rsp;      /*  0 */
    void *rbp;      /*  8 */
    void *rip;      /* 16 resume address */
    void *rbx;      /* 24 */
    void *r12;      /* 32 */
    void *r13;      /* 40 */
    void *r14;      /* 48 */
    void *r15;      /* 56 */
    void *rdi;      /* 64 loaded last, after the others: the entry argument (the coroutine) */
    uint32_t mxcsr; /* 72 SSE control/status (the status flags, bits 0-5, are not compared) */
    uint16_t fpucw; /* 76 x87 control word */
    uint16_t pad;   /* 78 */
} nty_ctx;

#define NTY_COROUTINE_MAGIC 0x6e7479636f726f75ULL /* "ntycorou" */

struct nty_coroutine {
    /* Deliberately not the first field: then &co->ctx != co, and nty_exec can only receive co
     * through the rdi slot. (NtyCo gets it by the accident of ctx being first; see docs.) */
    uint64_t magic;     /* NTY_COROUTINE_MAGIC while allocated */
    nty_ctx ctx;        /* this coroutine's registers while it is not running */
    nty_ctx caller;     /* the resumer's registers while this coroutine runs */
    nty_func func;
    void *arg;
    int32_t state;      /* enum nty_state */
    int32_t pad;
    nty_request request;
    nty_coroutine *resumer_current; /* the thread's "current" before resume, restored after */
    void *map_base;     /* mmap'd region: guard page, then stack; NULL once unmapped */
    size_t map_size;
    size_t guard_size;
};

/* Saves the running registers into *cur and continues the context in *next. Returns (into the
 * caller) when some later nty_switch names *cur as its next. Preserves rbx, rbp, r12-r15, rsp,
 * MXCSR's control bits and the x87 control word (loading them only when next's differ, see
 * nty_mxcsr_policy below); MXCSR's status flags follow the thread. rdi is loaded from next->rdi. */
void nty_switch(nty_ctx *next, nty_ctx *cur);

/* How nty_switch keeps MXCSR per context (nty_switch_x86_64.S, docs/switch.md): COMPARE loads
 * next's MXCSR only when its control bits differ from the running ones; LOAD always loads it.
 * Both keep §2.4; they differ in cost by CPU. The library chooses at load time (LOAD on AMD and
 * Hygon, COMPARE elsewhere). nty_switch_mxcsr_policy(NTY_MXCSR_QUERY) reports the policy in
 * force, COMPARE or LOAD sets it for the whole process and returns it; anything else is
 * NTY_ERR_ARG. For tests and benchmarks: it changes cost, never behaviour. */
enum nty_mxcsr_policy {
    NTY_MXCSR_QUERY = -1,
    NTY_MXCSR_COMPARE = 0,
    NTY_MXCSR_LOAD = 1
};
int nty_switch_mxcsr_policy(int policy);

/* The entry trampoline (NtyCo's _exec): the resume address of every NEW coroutine, entered with
 * the coroutine in rdi. Never returns. */
void nty_exec(nty_coroutine *co) __attribute__((noreturn));

/* Byte offsets and sizes for the Java binding, which reads the structures above directly. */
enum nty_layout_field {
    NTY_LAYOUT_CTX_RSP = 0,
    NTY_LAYOUT_CTX_RBP,
    NTY_LAYOUT_CTX_RIP,
    NTY_LAYOUT_CTX_RDI,
    NTY_LAYOUT_CTX_MXCSR,
    NTY_LAYOUT_CTX_FPUCW,
    NTY_LAYOUT_STATE,
    NTY_LAYOUT_REQ_KIND,
    NTY_LAYOUT_REQ_FD,
    NTY_LAYOUT_REQ_EVENTS,
    NTY_LAYOUT_REQ_RESULT,
    NTY_LAYOUT_REQ_MILLIS,
    NTY_LAYOUT_MAP_BASE,
    NTY_LAYOUT_MAP_SIZE,
    NTY_LAYOUT_GUARD_SIZE,
    NTY_LAYOUT_COUNT
};

/* The offset of a field, or -1 for an unknown field. */
int64_t nty_layout(int field);

#endif /* NTY_SWITCH_INTERNAL_H */
