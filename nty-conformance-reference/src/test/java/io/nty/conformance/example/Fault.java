package io.nty.conformance.example;

import io.nty.conformance.Rule;

/**
 * A deliberate fault {@link SimpleScheduler} can be built with, and the rule the suite must fail
 * on because of it. Several are NtyCo's own faults (docs/spec.md, and the measurements in docs/conformance.md).
 */
public enum Fault {
    /** The ready queue is a stack: new and yielding coroutines go to the head. */
    LIFO_READY_QUEUE(Rule.R1_1),
    /** {@code create} runs the new coroutine's function at once. */
    CREATE_RUNS_FUNC(Rule.R1_2),
    /** Step (b) runs until the ready queue is empty, so coroutines made ready in a round run in it. */
    READY_DURING_ROUND_RUNS_SAME_ROUND(Rule.R3_3),
    /** {@code sleep(ms > 0)} returns at once, as NtyCo's {@code nty_coroutine_sleep} does. */
    SLEEP_DOES_NOT_YIELD(Rule.R3_4),
    /** Sleepers with equal deadlines wake newest first. */
    EQUAL_DEADLINES_LIFO(Rule.R3_3),
    /** An exception out of a coroutine propagates out of {@code run()}, stopping the scheduler. */
    EXCEPTION_STOPS_SCHEDULER(Rule.R2_3),
    /** Wait timeouts over one second are taken modulo one second (NtyCo's conversion fault). */
    TIMEOUT_OVER_ONE_SECOND_SHORTENED(Rule.R4_3),
    /** A second waiter on an fd silently replaces the first (NtyCo asserts instead). */
    SECOND_WAITER_REPLACES_FIRST(Rule.R4_1),
    /** Interest stays armed after a wait ends, and an event with no waiter wakes the fd's last waiter wherever it is. */
    EVENT_WITHOUT_WAITER_WAKES_SOMEONE(Rule.R4_2),
    /** {@code fdClosed} does not wake the waiter; it only learns by timing out. */
    CLOSE_DOES_NOT_WAKE_WAITER(Rule.R4_3),
    /** {@code execute} queues the task but does not wake a blocked poll. */
    EXECUTE_DOES_NOT_WAKE_POLL(Rule.R1_3),
    /** {@code yieldNow()} and {@code sleep} outside a coroutine return quietly instead of failing. */
    SUSPEND_OUTSIDE_COROUTINE_IGNORED(Rule.R3_6),
    /** Any thread may call {@code create}, {@code run} and the rest: no owner-thread check. */
    NO_OWNER_THREAD_CHECK(Rule.R5_1),
    /** {@code execute} accepts tasks after {@code close()}; they are never run. */
    EXECUTE_ACCEPTED_AFTER_CLOSE(Rule.R5_2),
    /** Coroutines are resumed on a worker thread (one at a time), not on the scheduler's thread. */
    RESUMES_ON_ANOTHER_THREAD(Rule.R5_1),
    /** A coroutine whose function returned is queued once more and its function called again. */
    EXITED_COROUTINE_RUN_AGAIN(Rule.R2_2),
    /** A second reader of an fd is accepted: it waits beside the first, sharing its interest (§4.1 per direction). */
    SECOND_READER_ACCEPTED(Rule.R4_1),
    /** The old rule: any waiter on an fd, reader or writer, makes a second one busy (NtyCo's one waiter per fd). */
    ONE_WAITER_PER_FD(Rule.R4_1),
    /** An unpark of a coroutine that is not parked is dropped: no permit, so a later park sleeps on (§6.1). */
    LOST_EARLY_UNPARK(Rule.R6_1),
    /** A join of a coroutine that threw (or was cancelled) returns normally, with no result, instead of failing (§6.2). */
    JOIN_MISSES_FAILURE(Rule.R6_2),
    /** Cancelling a waiter takes it out of the wait table but leaves its fd interest armed (§6.3, §4.2). */
    CANCEL_LEAVES_INTEREST_ARMED(Rule.R6_3),

    // Faults that need scale, high fds, threads, a second scheduler, the system clock or misuse to show.

    /** Scale: the ready ring, growing past 16, copies its slots as if its head were at 0, so queued coroutines are lost and others queued twice. */
    READY_RING_LOSES_ENTRIES_ON_GROWTH(Rule.R3_2),
    /** Scale: removing a timer from the middle of the heap (a waiter woken early) sifts down but never up. */
    TIMER_HEAP_REMOVE_DOES_NOT_SIFT_UP(Rule.R3_3),
    /** High fds: the wait table has 64 slots indexed by the fd's low six bits, so fds 63 and 1023 share one. */
    WAIT_TABLE_MASKS_FD_TO_64_SLOTS(Rule.R4_1),
    /** Throw after IO: an exception out of a coroutine resumed by the poll propagates out of {@code run()}. */
    EXCEPTION_AFTER_IO_WAIT_STOPS_SCHEDULER(Rule.R2_3),
    /** Execute while others run: a pending task does not keep the scheduler from idling to the next deadline. */
    EXECUTE_PENDING_IGNORED_WHEN_IDLE(Rule.R1_3),
    /** Two schedulers: the id counter is static, so a second scheduler's ids do not start at 0. */
    IDS_SHARED_ACROSS_SCHEDULERS(Rule.R1_1),
    /** Two schedulers: {@code close()} does not unbind the scheduler, so the thread can never have another. */
    CLOSE_DOES_NOT_UNBIND(Rule.R5_1),
    /** States: a created coroutine is READY, not NEW. */
    CREATED_STATE_READY(Rule.R1_1),
    /** Misuse: {@code sleep(-1)} is taken as a yield instead of failing. */
    NEGATIVE_SLEEP_YIELDS(Rule.R3_4),
    /** Misuse: a yield refused because the coroutine is pinned leaves it in the ready queue, so it is resumed while it runs. */
    PINNED_YIELD_LEFT_QUEUED(Rule.R3_2),
    /** System clock: the blocking poll is given the earliest deadline itself as its timeout, not the time left until it. */
    POLL_TIMEOUT_IS_THE_DEADLINE(Rule.R3_4),
    /** Clock far from 0: deadlines are counted from the scheduler's start, as if the clock started at 0. */
    DEADLINES_FROM_SCHEDULER_START(Rule.R3_4),
    /** Untimed waits: run() returns when nothing is ready or timed, forgetting waiters without a timeout. */
    RUN_RETURNS_WITH_UNTIMED_WAITERS(Rule.R3_5),
    /** §3.3 with fds: step (c), the poll, runs before step (b), the ready snapshot. */
    IO_POLLED_BEFORE_READY_SNAPSHOT(Rule.R3_3);

    private final Rule rule;

    Fault(Rule rule) {
        this.rule = rule;
    }

    /** @return the rule the suite must report failed */
    public Rule rule() {
        return rule;
    }
}
