package io.nty.conformance;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The conformance suite as a JUnit 5 class: extend it, return your implementation from
 * {@link #provider()} (or let {@link ConformanceProviders#find()} find it), and run the tests.
 *
 * <p>One test per rule, named after it ({@code rule3_3_…}). A failure is a {@link RuleViolation}
 * whose message names the rule, the minimal scenario in text form and the seed that replays it
 * ({@code -Dnty.conformance.seed=…}). A rule the implementation cannot be checked on (a missing
 * {@link Capability}) is <em>aborted</em> through JUnit {@link Assumptions}, with the reason, and
 * reported as not verified; it is never reported as passed. After the class, per-rule results go
 * to {@code target/nty-conformance-report.md} and a summary to standard output.
 *
 * <p>This is the one way to plug the suite into JUnit. The run's state (the target, the report)
 * lives in this object and in the report {@link ConformanceExtension} shares between the classes
 * of one test run; settings are read once, by {@link #settings()}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(ConformanceExtension.class)
public abstract class SchedulerVerification {

    private Target target;
    private ConformanceReport report;

    /** For subclasses; the target is opened by {@link #openTarget()}, not here. */
    public SchedulerVerification() {
        // Explicit only to carry the comment above.
    }

    /** Called by {@link ConformanceExtension} before the class's tests run. */
    final void useReport(ConformanceReport shared) {
        this.report = shared;
    }

    /** {@return the implementation under test; by default the one {@link ConformanceProviders#find()} finds} */
    protected ConformanceProvider provider() {
        return ConformanceProviders.find();
    }

    /** {@return seed and examples; by default from system properties, see {@link Settings}} */
    protected Settings settings() {
        return Settings.fromSystemProperties();
    }

    /**
     * How the suite reaches the implementation; by default in process on the suite's simulated
     * sockets. Override to use, for example, {@link io.nty.conformance.jvm.JvmScenarioRunner#onRealSockets}.
     *
     * @param provider the implementation under test
     * @param settings seed and examples
     * @return the target the rules are verified against
     */
    protected Target target(ConformanceProvider provider, Settings settings) {
        return Target.of(provider, settings);
    }

    /**
     * Before the class's tests: opens the {@link #target target} from {@link #provider()} and
     * {@link #settings()}, starts this implementation's section of the report, and prints the
     * seed with the option that replays it.
     */
    @BeforeAll
    public final void openTarget() {
        target = target(provider(), settings());
        if (report == null) { // run by something other than JUnit Jupiter's engine
            report = ConformanceReport.atDefaultPath();
        }
        report.begin(target.name(), target.settings());
        System.out.println("nty conformance: verifying " + target.name() + " with seed " + target.settings().seed()
                + " (replay with " + target.settings().replay().hint(target.settings().seed()) + ")");
    }

    /**
     * After the class's tests: prints the summary (counts and each rule that did not pass) and
     * writes the report file, whose path it prints too.
     */
    @AfterAll
    public final void writeReport() {
        System.out.print(report.summary(target.name()));
        System.out.println("nty conformance: report written to " + report.write().toAbsolutePath());
    }

    /**
     * Verifies one rule, records the result, and turns "not verified" into a JUnit abort.
     *
     * @param rule the rule
     */
    protected final void verify(Rule rule) {
        RuleResult result = RuleResult.of(rule, () -> Conformance.verify(rule, target));
        report.record(target.name(), result);
        switch (result.outcome()) {
            case VERIFIED -> { }
            case NOT_VERIFIED -> Assumptions.abort(rule.cite() + " not verified: " + result.detail());
            case FAILED -> throw new AssertionError(result.detail());
        }
    }

    /**
     * Verifies §1.1 ({@link Rule#R1_1}): create makes a NEW coroutine with the next id, queued at the ready
     * tail; func does not run inside create; see {@link #verify(Rule)} for the outcomes.
     */
    @Test
    public void rule1_1_createMakesNewCoroutineWithNextIdAtReadyTail() {
        verify(Rule.R1_1);
    }

    /**
     * Verifies §1.2 ({@link Rule#R1_2}): creating never switches: the caller keeps running; see {@link
     * #verify(Rule)} for the outcomes.
     */
    @Test
    public void rule1_2_createNeverSwitches() {
        verify(Rule.R1_2);
    }

    /**
     * Verifies §1.3 ({@link Rule#R1_3}): other threads submit work through Executor.execute, which wakes a
     * blocked poll; see {@link #verify(Rule)} for the outcomes.
     */
    @Test
    public void rule1_3_executeFromOtherThreadsWakesBlockedPoll() {
        verify(Rule.R1_3);
    }

    /**
     * Verifies §2.1 ({@link Rule#R2_1}): the first resume calls func(arg) exactly once; see {@link
     * #verify(Rule)} for the outcomes.
     */
    @Test
    public void rule2_1_firstResumeCallsFuncExactlyOnce() {
        verify(Rule.R2_1);
    }

    /**
     * Verifies §2.2 ({@link Rule#R2_2}): when func returns the coroutine is EXITED and never resumed again;
     * see {@link #verify(Rule)} for the outcomes.
     */
    @Test
    public void rule2_2_exitedCoroutineNeverResumed() {
        verify(Rule.R2_2);
    }

    /**
     * Verifies §2.3 ({@link Rule#R2_3}): an exception out of func ends that coroutine only and reaches the
     * handler; see {@link #verify(Rule)} for the outcomes.
     */
    @Test
    public void rule2_3_exceptionEndsOnlyThatCoroutine() {
        verify(Rule.R2_3);
    }

    /**
     * Verifies §2.4 ({@link Rule#R2_4}): native x86_64 entry: rdi, stack alignment, callee-saved registers,
     * guard page; see {@link #verify(Rule)} for the outcomes.
     */
    @Test
    public void rule2_4_nativeEntryRegistersAndStack() {
        verify(Rule.R2_4);
    }

    /**
     * Verifies §3.1 ({@link Rule#R3_1}): no preemption: a coroutine runs until it yields, sleeps, waits or
     * exits; see {@link #verify(Rule)} for the outcomes.
     */
    @Test
    public void rule3_1_noPreemption() {
        verify(Rule.R3_1);
    }

    /**
     * Verifies §3.2 ({@link Rule#R3_2}): yield appends the caller to the ready-queue tail; see {@link
     * #verify(Rule)} for the outcomes.
     */
    @Test
    public void rule3_2_yieldAppendsToReadyTail() {
        verify(Rule.R3_2);
    }

    /**
     * Verifies §3.3 ({@link Rule#R3_3}): round order: expired sleepers by (deadline, order), then the ready
     * snapshot FIFO, then IO; see {@link #verify(Rule)} for the outcomes.
     */
    @Test
    public void rule3_3_roundOrderSleepersSnapshotThenIo() {
        verify(Rule.R3_3);
    }

    /**
     * Verifies §3.4 ({@link Rule#R3_4}): sleep(ms) suspends for at least ms; see {@link #verify(Rule)} for
     * the outcomes.
     */
    @Test
    public void rule3_4_sleepSuspendsAtLeastMillis() {
        verify(Rule.R3_4);
    }

    /**
     * Verifies §3.5 ({@link Rule#R3_5}): run() returns when nothing is ready, sleeping or waiting; see {@link
     * #verify(Rule)} for the outcomes.
     */
    @Test
    public void rule3_5_runReturnsWhenNothingLeft() {
        verify(Rule.R3_5);
    }

    /**
     * Verifies §3.6 ({@link Rule#R3_6}): suspending calls outside a coroutine fail with a clear exception;
     * see {@link #verify(Rule)} for the outcomes.
     */
    @Test
    public void rule3_6_suspendingOutsideCoroutineFails() {
        verify(Rule.R3_6);
    }

    /**
     * Verifies §4.1 ({@link Rule#R4_1}): at most one reader and one writer wait per fd, each woken by its own
     * readiness, both by close; a second gets a clear error, the first is unaffected; see {@link
     * #verify(Rule)} for the outcomes.
     */
    @Test
    public void rule4_1_oneReaderAndOneWriterPerFd() {
        verify(Rule.R4_1);
    }

    /**
     * Verifies §4.2 ({@link Rule#R4_2}): an fd wakes a coroutine only while one waits on it; see {@link
     * #verify(Rule)} for the outcomes.
     */
    @Test
    public void rule4_2_fdWakesOnlyItsWaiter() {
        verify(Rule.R4_2);
    }

    /**
     * Verifies §4.3 ({@link Rule#R4_3}): a waiter resumes only on readiness, timeout or close, and never
     * misses readiness; see {@link #verify(Rule)} for the outcomes.
     */
    @Test
    public void rule4_3_noLostWakeupTimeoutOrClose() {
        verify(Rule.R4_3);
    }

    /**
     * Verifies §4.4 ({@link Rule#R4_4}): socket hooks never block the scheduler thread; see {@link
     * #verify(Rule)} for the outcomes.
     */
    @Test
    public void rule4_4_hooksNeverBlockScheduler() {
        verify(Rule.R4_4);
    }

    /**
     * Verifies §4.5 ({@link Rule#R4_5}): socket hook results and errors follow NtyCo; see {@link
     * #verify(Rule)} for the outcomes.
     */
    @Test
    public void rule4_5_hookResultsFollowNtyCo() {
        verify(Rule.R4_5);
    }

    /**
     * Verifies §5.1 ({@link Rule#R5_1}): one scheduler per thread; its coroutines run only on that thread;
     * see {@link #verify(Rule)} for the outcomes.
     */
    @Test
    public void rule5_1_oneSchedulerPerThread() {
        verify(Rule.R5_1);
    }

    /**
     * Verifies §5.2 ({@link Rule#R5_2}): a scheduler is an Executor; see {@link #verify(Rule)} for the
     * outcomes.
     */
    @Test
    public void rule5_2_schedulerIsExecutor() {
        verify(Rule.R5_2);
    }

    /**
     * Verifies §6.1 ({@link Rule#R6_1}): park/unpark: a parked coroutine runs again only after an unpark,
     * which queues it at the ready tail; an early unpark is not lost; see {@link #verify(Rule)} for the
     * outcomes.
     */
    @Test
    public void rule6_1_parkedRunsOnlyAfterUnparkAndEarlyUnparkIsKept() {
        verify(Rule.R6_1);
    }

    /**
     * Verifies §6.2 ({@link Rule#R6_2}): join: wait for another coroutine's end and get its result or
     * failure; joining itself or a cycle fails at once; see {@link #verify(Rule)} for the outcomes.
     */
    @Test
    public void rule6_2_joinGetsResultOrFailureAndRefusesCycles() {
        verify(Rule.R6_2);
    }

    /**
     * Verifies §6.3 ({@link Rule#R6_3}): cancellation: a suspended coroutine resumes at its suspension point
     * cancelled, its fd interest disarmed; a NEW one never runs; see {@link #verify(Rule)} for the outcomes.
     */
    @Test
    public void rule6_3_cancelResumesAtSuspensionPointAndDisarms() {
        verify(Rule.R6_3);
    }
}
