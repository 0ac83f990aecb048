package io.nty.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.conformance.example.Fault;
import io.nty.conformance.example.SimpleProvider;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A failure's seed replays it: the same seed gives the same minimal scenario and message. */
class ReplayTest {

    @Test
    void sameSeedSameMinimalScenario() {
        SimpleProvider broken = new SimpleProvider(Set.of(Fault.EQUAL_DEADLINES_LIFO));
        RuleResult first = RuleResult.of(Rule.R3_3, () -> Conformance.verify(Rule.R3_3, Target.of(broken, new Settings(99, 300))));
        RuleResult again = RuleResult.of(Rule.R3_3, () -> Conformance.verify(Rule.R3_3, Target.of(broken, new Settings(99, 300))));

        assertThat(first.outcome()).isEqualTo(RuleResult.Outcome.FAILED);
        assertThat(again.detail()).isEqualTo(first.detail()).contains("-Dnty.conformance.seed=99");
    }
}
