package io.nty.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.conformance.driver.DriverScenarioRunner;
import io.nty.conformance.example.Fault;
import io.nty.conformance.jvm.JvmScenarioRunner;
import io.nty.conformance.reference.NtyReferenceProvider;
import io.nty.conformance.scenario.Scenario;
import io.nty.conformance.scenario.Trace;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The per-direction §4.1 and the §6 rules through the driver protocol, as a native runtime is
 * checked on them: broken implementations served as drivers fail their rules with no direct
 * calls, and a driver that declines {@code WRITE_WAITS} or {@code PRIMITIVES} leaves the rules
 * that need them not verified, naming the capability.
 */
class DriverPrimitivesTest {

    @ParameterizedTest
    @CsvSource({
        "SECOND_READER_ACCEPTED, R4_1",
        "LOST_EARLY_UNPARK, R6_1",
        "JOIN_MISSES_FAILURE, R6_2",
        "CANCEL_LEAVES_INTEREST_ARMED, R6_3",
    })
    void brokenDriverFailsThePrimitiveRule(Fault fault, Rule rule) {
        try (DriverScenarioRunner driver = new DriverScenarioRunner(CommandLines.servingFault(fault))) {
            assertThat(driver.capabilities()).contains(Capability.WRITE_WAITS, Capability.PRIMITIVES);
            Target target = new Target(driver, Optional.empty(), new Settings(TestSeeds.DEFAULT_SEED, 20));

            RuleResult result = RuleResult.of(rule, () -> Conformance.verify(rule, target));

            assertThat(result.outcome()).as(result.detail()).isEqualTo(RuleResult.Outcome.FAILED);
            assertThat(result.detail()).startsWith(rule.cite()).contains("\n    run");
        }
    }

    @ParameterizedTest
    @CsvSource({
        "PRIMITIVES, R6_1",
        "PRIMITIVES, R6_2",
        "PRIMITIVES, R6_3",
        "WRITE_WAITS, R6_3",
        "WRITE_WAITS, R4_1",
    })
    void driverDecliningACapabilityLeavesItsRulesNotVerified(Capability declined, Rule rule) {
        ScenarioRunner inner = new JvmScenarioRunner(new NtyReferenceProvider());
        ScenarioRunner declining = new ScenarioRunner() {
            @Override
            public String name() {
                return "reference without " + declined;
            }

            @Override
            public Set<Capability> capabilities() {
                EnumSet<Capability> caps = EnumSet.copyOf(inner.capabilities());
                caps.remove(declined);
                caps.remove(Capability.IN_PROCESS_API);
                return caps;
            }

            @Override
            public Trace run(Scenario scenario) {
                return inner.run(scenario);
            }
        };
        Target target = new Target(declining, Optional.empty(), new Settings(TestSeeds.DEFAULT_SEED, 5));

        RuleResult result = RuleResult.of(rule, () -> Conformance.verify(rule, target));

        assertThat(result.outcome()).as(result.detail()).isEqualTo(RuleResult.Outcome.NOT_VERIFIED);
        assertThat(result.detail()).contains(declined.name());
    }
}
