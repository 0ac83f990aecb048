package io.nty.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.conformance.scenario.Scenario;
import io.nty.conformance.scenario.Step;
import io.nty.conformance.scenario.Trace;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each sub-check applies only under the rule it belongs to. */
class SubCheckPlacementTest {

    private static final Scenario TWO_ROOTS = Scenario.builder().program(new Step.Yield()).create(0).create(0).build();

    /** Two coroutines given id 0 break §1.1; §2.1 must not call that "started twice", nor §2.2 "after exit". */
    @Test
    void rule1_1_collidingIdsAreReportedUnder1_1Only() {
        Trace t = new Trace(List.of("0 main created 0", "0 main created 0", "0 0 start", "0 0 yield", "0 0 start",
                "0 0 yield", "0 0 resumed", "0 0 exit", "0 0 resumed", "0 0 exit", "0 main returned"), List.of());

        assertThat(TraceChecks.creation(TWO_ROOTS, t)).anyMatch(p -> p.contains("got id 0, expected 1"));
        assertThat(TraceChecks.startsOnceFirst(TWO_ROOTS, t)).isEmpty();
        assertThat(TraceChecks.nothingAfterExit(TWO_ROOTS, t)).isEmpty();
    }

    /** §2.3's "run returns" applies where a coroutine threw; a run that did not return elsewhere is §3.5's. */
    @Test
    void rule2_3_runReturnsIsCheckedOnlyWhereAThrowHappened() {
        Trace noThrow = new Trace(List.of("0 main created 0", "0 0 start", "0 0 exit", "0 main run-threw X"), List.of());
        Trace threw = new Trace(List.of("0 main created 0", "0 0 start", "0 0 throw", "0 0 uncaught",
                "0 main run-threw X"), List.of());

        assertThat(TraceChecks.handlerOncePerThrow(TWO_ROOTS, noThrow)).isEmpty();
        assertThat(TraceChecks.runReturns(TWO_ROOTS, noThrow)).isNotEmpty();
        assertThat(TraceChecks.handlerOncePerThrow(TWO_ROOTS, threw)).anyMatch(p -> p.contains("run() returning"));
    }

    /** A scenario that did not complete fails whatever rule it was generated for. */
    @Test
    void rule3_5_anIncompleteScenarioFailsTheRuleItRanFor() {
        ScenarioRunner hanging = new ScenarioRunner() {
            @Override
            public String name() {
                return "hangs";
            }

            @Override
            public java.util.Set<Capability> capabilities() {
                return java.util.Set.of();
            }

            @Override
            public Trace run(Scenario scenario) {
                return new Trace(List.of("0 main created 0"), List.of(), new Trace.Ending.Hung("test"));
            }
        };

        for (Rule r : List.of(Rule.R1_2, Rule.R2_2, Rule.R3_1)) {
            RuleResult result = RuleResult.of(r, () -> Conformance.verify(r, new Target(hanging, java.util.Optional.empty(),
                    new Settings(1, 20))));
            assertThat(result.outcome()).as(r.cite()).isEqualTo(RuleResult.Outcome.FAILED);
            assertThat(result.detail()).contains("the scenario did not complete: it hung (test)");
        }
    }
}
