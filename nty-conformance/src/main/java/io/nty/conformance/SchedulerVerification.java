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

    /** Called by {@link ConformanceExtension} before the class's tests run. */
    final void useReport(ConformanceReport shared) {
        this.report = shared;
    }

    /** @return the implementation under test; by default the one {@link ConformanceProviders#find()} finds */
    protected ConformanceProvider provider() {
        return ConformanceProviders.find();
    }

    /** @return seed and examples; by default from system properties, see {@link Settings} */
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

    @Test
    public void rule1_1_createMakesNewCoroutineWithNextIdAtReadyTail() {
        verify(Rule.R1_1);
    }

    @Test
    public void rule1_2_createNeverSwitches() {
        verify(Rule.R1_2);
    }

    @Test
    public void rule1_3_executeFromOtherThreadsWakesBlockedPoll() {
        verify(Rule.R1_3);
    }

    @Test
    public void rule2_1_firstResumeCallsFuncExactlyOnce() {
        verify(Rule.R2_1);
    }

    @Test
    public void rule2_2_exitedCoroutineNeverResumed() {
        verify(Rule.R2_2);
    }

    @Test
    public void rule2_3_exceptionEndsOnlyThatCoroutine() {
        verify(Rule.R2_3);
    }

    @Test
    public void rule2_4_nativeEntryRegistersAndStack() {
        verify(Rule.R2_4);
    }

    @Test
    public void rule3_1_noPreemption() {
        verify(Rule.R3_1);
    }

    @Test
    public void rule3_2_yieldAppendsToReadyTail() {
        verify(Rule.R3_2);
    }

    @Test
    public void rule3_3_roundOrderSleepersSnapshotThenIo() {
        verify(Rule.R3_3);
    }

    @Test
    public void rule3_4_sleepSuspendsAtLeastMillis() {
        verify(Rule.R3_4);
    }

    @Test
    public void rule3_5_runReturnsWhenNothingLeft() {
        verify(Rule.R3_5);
    }

    @Test
    public void rule3_6_suspendingOutsideCoroutineFails() {
        verify(Rule.R3_6);
    }

    @Test
    public void rule4_1_oneReaderAndOneWriterPerFd() {
        verify(Rule.R4_1);
    }

    @Test
    public void rule4_2_fdWakesOnlyItsWaiter() {
        verify(Rule.R4_2);
    }

    @Test
    public void rule4_3_noLostWakeupTimeoutOrClose() {
        verify(Rule.R4_3);
    }

    @Test
    public void rule4_4_hooksNeverBlockScheduler() {
        verify(Rule.R4_4);
    }

    @Test
    public void rule4_5_hookResultsFollowNtyCo() {
        verify(Rule.R4_5);
    }

    @Test
    public void rule5_1_oneSchedulerPerThread() {
        verify(Rule.R5_1);
    }

    @Test
    public void rule5_2_schedulerIsExecutor() {
        verify(Rule.R5_2);
    }

    @Test
    public void rule6_1_parkedRunsOnlyAfterUnparkAndEarlyUnparkIsKept() {
        verify(Rule.R6_1);
    }

    @Test
    public void rule6_2_joinGetsResultOrFailureAndRefusesCycles() {
        verify(Rule.R6_2);
    }

    @Test
    public void rule6_3_cancelResumesAtSuspensionPointAndDisarms() {
        verify(Rule.R6_3);
    }
}
