package io.nty.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;

import io.nty.conformance.scenario.Interpretation;
import io.nty.conformance.scenario.Model;
import io.nty.conformance.scenario.Scenario;
import io.nty.conformance.scenario.ScenarioGenerators;
import io.nty.conformance.scenario.Trace;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules' own trace checks and the model state the same rules, so every trace the model
 * allows must pass every check: a check that fails here would fail correct implementations.
 */
class TraceChecksAgreeWithModelTest {

    private static final Map<String, ScenarioProperty.TraceCheck> CHECKS = Map.of(
            "§1.1", TraceChecks::creation,
            "§2.1", TraceChecks::startsOnceFirst,
            "§2.2", TraceChecks::nothingAfterExit,
            "§2.3", TraceChecks::handlerOncePerThrow,
            "§3.4", TraceChecks::sleepsAtLeast,
            "§3.5", TraceChecks::runReturns,
            "§3.6", TraceChecks::outsideRefused,
            "§4.1", TraceChecks::busyExactlyWhenAnotherWaits,
            "§4.2", TraceChecks::noWakeWithoutWaiter,
            "§4.3", TraceChecks::timeoutsNotEarly);

    @Test
    void everyTraceTheModelAllowsPassesEveryCheck() {
        qt().withFixedSeed(TestSeeds.DEFAULT_SEED).withExamples(2_000).forAll(ScenarioGenerators.all()).checkAssert(s -> {
            for (Interpretation how : Interpretation.all()) {
                Trace t = Model.expected(s, how);
                CHECKS.forEach((rule, check) -> assertThat(check.problems(s, t))
                        .as("%s on the model's trace (%s) of%n%s", rule, how, s).isEmpty());
            }
        });
    }

    @Test
    void checksDoFailOnTracesThatBreakTheirRule() {
        Scenario s = Scenario.builder().program(new io.nty.conformance.scenario.Step.Sleep(10)).create(0).create(0).build();
        Trace early = new Trace(List.of("0 main created 0", "0 main created 1", "0 0 start", "0 0 sleep 10",
                "0 1 start", "0 1 sleep 10", "5 0 woke", "5 0 exit", "10 1 woke", "10 1 exit", "10 main returned"), List.of());
        Trace reversed = new Trace(List.of("0 main created 0", "0 main created 1", "0 1 start", "0 1 exit",
                "0 0 start", "0 0 exit", "0 main returned"), List.of());

        assertThat(TraceChecks.sleepsAtLeast(s, early)).containsExactly("coroutine 0 slept 10 ms at 0 ms but resumed at 5 ms");
        assertThat(TraceChecks.noWakeWithoutWaiter(s, early))
                .containsExactly("coroutine 0 slept 10 ms at 0 ms but was woken at 5 ms, though it waited on no fd");
        assertThat(TraceChecks.creation(s, reversed)).containsExactly(
                "coroutine 0 started after coroutine 1, though it was created first: new coroutines must join the ready queue at its tail");
    }
}
