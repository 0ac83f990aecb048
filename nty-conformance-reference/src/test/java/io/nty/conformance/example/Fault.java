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
    CANCEL_LEAVES_INTEREST_ARMED(Rule.R6_3);

    private final Rule rule;

    Fault(Rule rule) {
        this.rule = rule;
    }

    /** @return the rule the suite must report failed */
    public Rule rule() {
        return rule;
    }
}
