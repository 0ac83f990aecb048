package io.nty.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.conformance.example.Fault;
import io.nty.conformance.example.SimpleProvider;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A frequent fault does not hide a rarer one: each failed rule shows up to five kinds of counterexample. */
class CounterexamplesTest {

    @Test
    void rule4_3_twoFaultsUnderOneRuleGiveTwoKindsOfCounterexample() {
        SimpleProvider broken = new SimpleProvider(Set.of(Fault.TIMEOUT_OVER_ONE_SECOND_SHORTENED,
                Fault.CLOSE_DOES_NOT_WAKE_WAITER));

        RuleResult result = RuleResult.of(Rule.R4_3, () -> Conformance.verify(Rule.R4_3,
                Target.of(broken, TestSeeds.settings())));
        System.out.println(result.detail());

        assertThat(result.outcome()).isEqualTo(RuleResult.Outcome.FAILED);
        assertThat(result.detail()).contains("counterexamples of distinct kinds").contains("counterexample 1 of ")
                .contains("counterexample 2 of ");
        long minimal = result.detail().lines().filter(l -> l.startsWith("minimal scenario (seed ")).count();
        assertThat(minimal).isBetween(2L, (long) 5);
    }

    @Test
    void rule3_3_oneFaultGivesOneCounterexampleAsBefore() {
        SimpleProvider broken = new SimpleProvider(Set.of(Fault.EQUAL_DEADLINES_LIFO));

        RuleResult result = RuleResult.of(Rule.R3_3, () -> Conformance.verify(Rule.R3_3,
                Target.of(broken, TestSeeds.settings())));

        assertThat(result.outcome()).isEqualTo(RuleResult.Outcome.FAILED);
        assertThat(result.detail().lines().filter(l -> l.startsWith("minimal scenario (seed "))).hasSizeLessThanOrEqualTo(5);
    }
}
