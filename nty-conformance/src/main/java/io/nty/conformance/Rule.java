package io.nty.conformance;

/**
 * The rules of the nty specification ({@code docs/spec.md}, {@code nty-api} Javadoc) that this suite
 * verifies, one constant per numbered rule.
 *
 * <p>Every check and every failure message names its rule through {@link #cite()}, so a report
 * line or an assertion error can be traced back to the sentence of the specification it tests.
 */
public enum Rule {
    /**
     * §1.1: create makes a NEW coroutine with the next id, queued at the ready tail; func does not run inside
     * create.
     */
    R1_1("1.1", "create makes a NEW coroutine with the next id, queued at the ready tail; func does not run inside create"),
    /** §1.2: creating never switches: the caller keeps running. */
    R1_2("1.2", "creating never switches: the caller keeps running"),
    /** §1.3: other threads submit work through Executor.execute, which wakes a blocked poll. */
    R1_3("1.3", "other threads submit work through Executor.execute, which wakes a blocked poll"),
    /** §2.1: the first resume calls func(arg) exactly once. */
    R2_1("2.1", "the first resume calls func(arg) exactly once"),
    /** §2.2: when func returns the coroutine is EXITED and never resumed again. */
    R2_2("2.2", "when func returns the coroutine is EXITED and never resumed again"),
    /** §2.3: an exception out of func ends that coroutine only and reaches the handler. */
    R2_3("2.3", "an exception out of func ends that coroutine only and reaches the handler"),
    /** §2.4: native x86_64 entry: rdi, stack alignment, callee-saved registers, guard page. */
    R2_4("2.4", "native x86_64 entry: rdi, stack alignment, callee-saved registers, guard page"),
    /** §3.1: no preemption: a coroutine runs until it yields, sleeps, waits or exits. */
    R3_1("3.1", "no preemption: a coroutine runs until it yields, sleeps, waits or exits"),
    /** §3.2: yield appends the caller to the ready-queue tail. */
    R3_2("3.2", "yield appends the caller to the ready-queue tail"),
    /** §3.3: round order: expired sleepers by (deadline, order), then the ready snapshot FIFO, then IO. */
    R3_3("3.3", "round order: expired sleepers by (deadline, order), then the ready snapshot FIFO, then IO"),
    /** §3.4: sleep(ms) suspends for at least ms. */
    R3_4("3.4", "sleep(ms) suspends for at least ms"),
    /** §3.5: run() returns when nothing is ready, sleeping or waiting. */
    R3_5("3.5", "run() returns when nothing is ready, sleeping or waiting"),
    /** §3.6: suspending calls outside a coroutine fail with a clear exception. */
    R3_6("3.6", "suspending calls outside a coroutine fail with a clear exception"),
    /**
     * §4.1: at most one reader and one writer wait per fd, each woken by its own readiness, both by close; a
     * second gets a clear error, the first is unaffected.
     */
    R4_1("4.1", "at most one reader and one writer wait per fd, each woken by its own readiness, both by close; a second gets a clear error, the first is unaffected"),
    /** §4.2: an fd wakes a coroutine only while one waits on it. */
    R4_2("4.2", "an fd wakes a coroutine only while one waits on it"),
    /** §4.3: a waiter resumes only on readiness, timeout or close, and never misses readiness. */
    R4_3("4.3", "a waiter resumes only on readiness, timeout or close, and never misses readiness"),
    /** §4.4: socket hooks never block the scheduler thread. */
    R4_4("4.4", "socket hooks never block the scheduler thread"),
    /** §4.5: socket hook results and errors follow NtyCo. */
    R4_5("4.5", "socket hook results and errors follow NtyCo"),
    /** §5.1: one scheduler per thread; its coroutines run only on that thread. */
    R5_1("5.1", "one scheduler per thread; its coroutines run only on that thread"),
    /** §5.2: a scheduler is an Executor. */
    R5_2("5.2", "a scheduler is an Executor"),
    /**
     * §6.1: park/unpark: a parked coroutine runs again only after an unpark, which queues it at the ready
     * tail; an early unpark is not lost.
     */
    R6_1("6.1", "park/unpark: a parked coroutine runs again only after an unpark, which queues it at the ready tail; an early unpark is not lost"),
    /**
     * §6.2: join: wait for another coroutine's end and get its result or failure; joining itself or a cycle
     * fails at once.
     */
    R6_2("6.2", "join: wait for another coroutine's end and get its result or failure; joining itself or a cycle fails at once"),
    /**
     * §6.3: cancellation: a suspended coroutine resumes at its suspension point cancelled, its fd interest
     * disarmed; a NEW one never runs.
     */
    R6_3("6.3", "cancellation: a suspended coroutine resumes at its suspension point cancelled, its fd interest disarmed; a NEW one never runs");

    private final String number;
    private final String statement;

    Rule(String number, String statement) {
        this.number = number;
        this.statement = statement;
    }

    /** {@return the rule number, e.g. {@code "3.3"}} */
    public String number() {
        return number;
    }

    /** {@return the rule in one sentence} */
    public String statement() {
        return statement;
    }

    /** {@return {@code "§3.3"}: how messages cite the rule} */
    public String cite() {
        return "§" + number;
    }

    /**
     * {@return the rule numbered {@code number}}
     *
     * @param number a rule number such as {@code "3.3"} or {@code "§3.3"}
     * @throws IllegalArgumentException if no rule has that number
     */
    public static Rule ofNumber(String number) {
        String n = number.startsWith("§") ? number.substring(1) : number;
        for (Rule r : values()) {
            if (r.number.equals(n)) {
                return r;
            }
        }
        throw new IllegalArgumentException("no rule " + number);
    }

    @Override
    public String toString() {
        return cite() + " " + statement;
    }
}
