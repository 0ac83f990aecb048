package io.nty.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.conformance.example.Fault;
import io.nty.conformance.example.SimpleProvider;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The teeth of the per-direction §4.1 and the §6 rules in their generated scenarios alone: the
 * fixed scenarios each rule starts with are left out, so each planted fault must be found (and
 * shrunk to a minimal scenario with its seed) by the generators of
 * {@link io.nty.conformance.scenario.PrimitiveScenarioGenerators}.
 */
class PrimitiveTeethTest {

    @ParameterizedTest
    @CsvSource({
        "SECOND_READER_ACCEPTED, R4_1",
        "ONE_WAITER_PER_FD, R4_1",
        "LOST_EARLY_UNPARK, R6_1",
        "JOIN_MISSES_FAILURE, R6_2",
        "CANCEL_LEAVES_INTEREST_ARMED, R6_3",
    })
    void generatedScenariosCatchThePlantedFault(Fault fault, Rule rule) {
        Target target = Target.of(new SimpleProvider(Set.of(fault)), new Settings(TestSeeds.DEFAULT_SEED, 300));

        RuleResult result = RuleResult.of(rule, () -> {
            if (rule == Rule.R4_1) {
                DuplexWaitChecks.generatedOnly(rule, target);
            } else {
                ParkJoinCancelChecks.generatedOnly(rule, target);
            }
        });
        System.out.println("--- " + fault + " (generated scenarios only): " + result.detail());

        assertThat(result.outcome()).as(result.detail()).isEqualTo(RuleResult.Outcome.FAILED);
        assertThat(result.detail()).startsWith(rule.cite()).contains("minimal scenario (seed ").contains("\n    run");
    }

    @ParameterizedTest
    @CsvSource({"R4_1", "R6_1", "R6_2", "R6_3"})
    void theCorrectExamplePassesTheGeneratedScenarios(Rule rule) {
        Target target = Target.of(new SimpleProvider(Set.of()), new Settings(TestSeeds.DEFAULT_SEED, 300));

        RuleResult result = RuleResult.of(rule, () -> {
            if (rule == Rule.R4_1) {
                DuplexWaitChecks.generatedOnly(rule, target);
            } else {
                ParkJoinCancelChecks.generatedOnly(rule, target);
            }
        });

        assertThat(result.outcome()).as(result.detail()).isEqualTo(RuleResult.Outcome.VERIFIED);
    }
}
