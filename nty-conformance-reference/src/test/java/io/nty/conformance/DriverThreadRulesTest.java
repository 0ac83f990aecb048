package io.nty.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.conformance.example.Fault;
import io.nty.conformance.driver.DriverScenarioRunner;
import io.nty.conformance.jvm.JvmScenarioRunner;
import io.nty.conformance.reference.NtyReferenceProvider;
import io.nty.conformance.scenario.Scenario;
import io.nty.conformance.scenario.Trace;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The thread rules (§1.3, §5.1, §5.2) through the driver protocol: verified for a driver with the
 * THREADS capability, failed for a broken implementation served as a driver, and not verified
 * (with the reason) for a driver without the capability.
 */
class DriverThreadRulesTest {

    @ParameterizedTest
    @CsvSource({
        "EXECUTE_DOES_NOT_WAKE_POLL, R1_3",
        "NO_OWNER_THREAD_CHECK, R5_1",
        "RESUMES_ON_ANOTHER_THREAD, R5_1",
        "EXECUTE_ACCEPTED_AFTER_CLOSE, R5_2",
    })
    void brokenDriverFailsTheThreadRule(Fault fault, Rule rule) {
        try (DriverScenarioRunner driver = new DriverScenarioRunner(CommandLines.servingFault(fault))) {
            Target target = new Target(driver, Optional.empty(), new Settings(TestSeeds.DEFAULT_SEED, 20));

            RuleResult result = RuleResult.of(rule, () -> Conformance.verify(rule, target));

            assertThat(result.outcome()).as(result.detail()).isEqualTo(RuleResult.Outcome.FAILED);
            assertThat(result.detail()).startsWith(rule.cite()).contains("\n    run");
        }
    }

    /**
     * §1.3 through the driver with generated {@code execute}/{@code post} scenarios at the default
     * number of examples: a scheduler that idles to the next deadline while a task is pending fails.
     */
    @Test
    void rule1_3_executeWhileOthersSleepIsCheckedThroughTheDriver() {
        try (DriverScenarioRunner driver = new DriverScenarioRunner(CommandLines.servingFault(Fault.EXECUTE_PENDING_IGNORED_WHEN_IDLE))) {
            Target target = new Target(driver, Optional.empty(), new Settings(TestSeeds.DEFAULT_SEED, Settings.DEFAULT_EXAMPLES));

            RuleResult result = RuleResult.of(Rule.R1_3, () -> Conformance.verify(Rule.R1_3, target));

            assertThat(result.outcome()).as(result.detail()).isEqualTo(RuleResult.Outcome.FAILED);
            assertThat(result.detail()).startsWith(Rule.R1_3.cite()).contains("\n    run");
        }
    }

    @Test
    void referenceImplementationPassesTheThreadRulesWithoutDirectCalls() {
        Target scenariosOnly = new Target(new JvmScenarioRunner(new NtyReferenceProvider()), Optional.empty(),
                new Settings(TestSeeds.DEFAULT_SEED, 20));

        for (Rule r : List.of(Rule.R1_3, Rule.R5_1, Rule.R5_2)) {
            RuleResult result = RuleResult.of(r, () -> Conformance.verify(r, scenariosOnly));
            assertThat(result.outcome()).as(result.detail()).isEqualTo(RuleResult.Outcome.VERIFIED);
        }
    }

    @Test
    void driverWithoutThreadsCapabilityLeavesTheThreadRulesNotVerified() {
        ScenarioRunner inner = new JvmScenarioRunner(new NtyReferenceProvider());
        ScenarioRunner withoutThreads = new ScenarioRunner() {
            @Override
            public String name() {
                return "reference without THREADS";
            }

            @Override
            public Set<Capability> capabilities() {
                EnumSet<Capability> caps = EnumSet.copyOf(inner.capabilities());
                caps.remove(Capability.THREADS);
                return caps;
            }

            @Override
            public Trace run(Scenario scenario) {
                return inner.run(scenario);
            }
        };
        Target target = new Target(withoutThreads, Optional.empty(), new Settings(TestSeeds.DEFAULT_SEED, 5));

        for (Rule r : List.of(Rule.R1_3, Rule.R5_1, Rule.R5_2)) {
            RuleResult result = RuleResult.of(r, () -> Conformance.verify(r, target));
            assertThat(result.outcome()).isEqualTo(RuleResult.Outcome.NOT_VERIFIED);
            assertThat(result.detail()).contains("THREADS");
        }
    }
}
