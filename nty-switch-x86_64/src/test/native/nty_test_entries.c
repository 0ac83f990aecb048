/*
 * nty_test_entries.c — native coroutine bodies and helpers for the Java tests (libntyswitch_test.so).
 * Every entry takes a pointer to a record in memory the Java test allocated and reads back; the
 * layouts below are mirrored by the test classes field by field (all 8-byte slots).
 */
#define _GNU_SOURCE
#include "nty_switch_internal.h"

#include <fcntl.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

/* §2.1: how often func ran, with which argument, as which coroutine, in which state. */
struct record {
    uint64_t calls;
    uint64_t arg_seen;
    uint64_t current_seen;
    uint64_t state_seen;
};

void nty_test_record(void *arg) {
    struct record *r = arg;
    r->calls++;
    r->arg_seen = (uint64_t) (uintptr_t) arg;
    r->current_seen = (uint64_t) (uintptr_t) nty_coroutine_current();
    r->state_seen = (uint64_t) nty_coroutine_state(nty_coroutine_current());
}

/* A log shared by Java and native coroutines: entries appended in execution order. */
struct log {
    uint64_t count;
    uint64_t capacity;
    uint64_t entries[];
};

static void log_append(struct log *log, uint64_t value) {
    if (log->count < log->capacity) {
        log->entries[log->count] = value;
    }
    log->count++;
}

/* §3: appends tag*100+i, yields, `yields` times; then appends tag*100+yields and exits. */
struct yielder {
    struct log *log;
    uint64_t tag;
    uint64_t yields;
};

void nty_test_log_yields(void *arg) {
    struct yielder *y = arg;
    for (uint64_t i = 0; i < y->yields; i++) {
        log_append(y->log, y->tag * 100 + i);
        nty_coroutine_yield();
    }
    log_append(y->log, y->tag * 100 + y->yields);
}

/* §3.4: sleeps `millis` and measures the monotonic time that passed. */
struct sleeper {
    int64_t millis;
    int64_t slept_nanos;
    int64_t rc;
    struct log *log;
    uint64_t tag;
};

static int64_t monotonic_nanos(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (int64_t) ts.tv_sec * 1000000000 + ts.tv_nsec;
}

void nty_test_sleep(void *arg) {
    struct sleeper *s = arg;
    int64_t start = monotonic_nanos();
    s->rc = nty_coroutine_sleep(s->millis);
    s->slept_nanos = monotonic_nanos() - start;
    if (s->log != NULL) {
        log_append(s->log, s->tag);
    }
}

/* §4.3: waits on fd for events and records the result; reads one byte when readable. */
struct waiter {
    int64_t fd;
    int64_t events;
    int64_t timeout_millis;
    int64_t result;
    int64_t byte_read;
};

void nty_test_wait(void *arg) {
    struct waiter *w = arg;
    w->byte_read = -1;
    w->result = nty_coroutine_wait((int) w->fd, (int) w->events, w->timeout_millis);
    if (w->result > 0 && (w->result & NTY_IO_READ)) {
        unsigned char b;
        if (read((int) w->fd, &b, 1) == 1) {
            w->byte_read = b;
        }
    }
}

/* A non-blocking pipe for the wait tests: fds[0] reads, fds[1] writes. */
int nty_test_pipe(int *fds) {
    return pipe2(fds, O_NONBLOCK | O_CLOEXEC);
}

int nty_test_write_byte(int fd, int value) {
    unsigned char b = (unsigned char) value;
    return (int) write(fd, &b, 1);
}

int nty_test_close(int fd) {
    return close(fd);
}

/* Misuse from native code: a coroutine resumes itself, then a coroutine it created resumes it
 * (its resumer); both must be refused with NTY_ERR_RUNNING, without switching. */
struct self_resume {
    int64_t self_result;
    int64_t child_result;
    nty_coroutine *parent;
};

static void resume_parent(void *arg) {
    struct self_resume *r = arg;
    r->child_result = nty_coroutine_resume(r->parent);
}

void nty_test_resume_running(void *arg) {
    struct self_resume *r = arg;
    r->self_result = nty_coroutine_resume(nty_coroutine_current());
    r->parent = nty_coroutine_current();
    nty_coroutine *child = nty_coroutine_create(resume_parent, r, 0);
    if (child != NULL) {
        nty_coroutine_resume(child);
        nty_coroutine_free(child);
    }
}
