package io.nty.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.conformance.driver.DriverScenarioRunner;
import io.nty.conformance.example.CrashingProvider;
import io.nty.conformance.example.SpinningProvider;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Verdicts that hold against implementations that hang, busy-loop or crash: such a scenario fails
 * the rule it was generated for and never counts toward verified; the cost in real time is
 * bounded; and rules whose scenarios do not trigger the fault are still verified.
 */
class RunawayImplementationsTest {

    /** Rules whose scenarios have no time in them (no sleep, no wait timeout): a deadline fault cannot touch them. */
    private static final List<Rule> TIMELESS = List.of(Rule.R1_1, Rule.R1_2, Rule.R3_2);

    /** The whole suite against a busy-looping scheduler: bounded time, and no rule it does not break fails. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void busyLoopingImplementationCostsBoundedTimeAndFailsOnlyWhereItHangs() {
        Target target = Target.of(SpinningProvider.readingTheClock(), TestSeeds.settings());

        long start = System.nanoTime();
        Map<Rule, RuleResult> results = byRule(Conformance.verifyAll(target));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        results.values().forEach(r -> System.out.printf("busy-looping: %-5s %-12s %6d ms  %s%n", r.rule().cite(),
                r.outcome(), r.millis(), r.detail().lines().skip(1).findFirst().orElse("")));
        System.out.println("busy-looping: whole suite in " + seconds + " s");

        for (Rule r : TIMELESS) {
            assertThat(results.get(r).outcome()).as(r.cite() + ": " + results.get(r).detail())
                    .isEqualTo(RuleResult.Outcome.VERIFIED);
        }
        RuleResult sleeps = results.get(Rule.R3_4);
        assertThat(sleeps.outcome()).isEqualTo(RuleResult.Outcome.FAILED);
        assertThat(sleeps.detail()).contains("the scenario did not complete: it hung")
                .contains("minimal scenario (seed ");
        results.values().stream().filter(r -> r.outcome() == RuleResult.Outcome.FAILED)
                .forEach(r -> assertThat(r.detail()).as(r.rule().cite()).contains("hung"));
    }

    /**
     * A loop no harness object can interrupt leaves threads spinning for good; past a limit the
     * runner stops running scenarios in process (they fail, naming why) instead of letting the
     * leftovers starve them into bogus failures.
     */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void spinningThatIgnoresTheHarnessStopsInProcessRunsWithTheReason() {
        AtomicBoolean released = new AtomicBoolean();
        try {
            Target target = Target.of(SpinningProvider.ignoringEverything(released), TestSeeds.settings());

            RuleResult before = RuleResult.of(Rule.R1_1, () -> Conformance.verify(Rule.R1_1, target));
            RuleResult hangs = RuleResult.of(Rule.R3_4, () -> Conformance.verify(Rule.R3_4, target));
            RuleResult after = RuleResult.of(Rule.R1_2, () -> Conformance.verify(Rule.R1_2, target));

            assertThat(before.outcome()).as(before.detail()).isEqualTo(RuleResult.Outcome.VERIFIED);
            assertThat(hangs.outcome()).isEqualTo(RuleResult.Outcome.FAILED);
            assertThat(hangs.detail()).contains("its thread was abandoned and is still running");
            assertThat(after.outcome()).as("never verified once scenarios cannot run").isEqualTo(RuleResult.Outcome.FAILED);
            assertThat(after.detail()).contains("not run: ").contains("verify it through a driver");
        } finally {
            released.set(true);
        }
    }

    /** A driver killed by a signal mid-scenario: that rule fails with the signal; timeless rules are verified. */
    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void crashingDriverFailsTheRulesWhoseScenariosCrashIt() {
        try (DriverScenarioRunner driver = new DriverScenarioRunner(CommandLines.serving(CrashingProvider.class.getName()))) {
            Target target = new Target(driver, Optional.empty(), new Settings(TestSeeds.DEFAULT_SEED, 100));

            for (Rule r : TIMELESS) {
                RuleResult result = RuleResult.of(r, () -> Conformance.verify(r, target));
                assertThat(result.outcome()).as(r.cite() + ": " + result.detail()).isEqualTo(RuleResult.Outcome.VERIFIED);
            }
            RuleResult sleeps = RuleResult.of(Rule.R3_4, () -> Conformance.verify(Rule.R3_4, target));
            System.out.println("crashing driver, §3.4:\n" + sleeps.detail());
            assertThat(sleeps.outcome()).isEqualTo(RuleResult.Outcome.FAILED);
            assertThat(sleeps.detail()).contains("the implementation crashed")
                    .contains("killed by signal 9 (SIGKILL)").contains("minimal scenario (seed ");
        }
    }

    private static Map<Rule, RuleResult> byRule(List<RuleResult> results) {
        Map<Rule, RuleResult> m = new EnumMap<>(Rule.class);
        results.forEach(r -> m.put(r.rule(), r));
        return m;
    }
}
