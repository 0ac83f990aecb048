package io.nty.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.conformance.example.Fault;
import io.nty.conformance.example.SimpleProvider;
import io.nty.conformance.jvm.JvmScenarioRunner;
import io.nty.conformance.scenario.Model;
import io.nty.conformance.scenario.Scenario;
import io.nty.conformance.scenario.ScenarioText;
import io.nty.conformance.scenario.Trace;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * §4.2 has teeth beyond the poller contract: an event for an fd nobody waits on that wakes
 * someone shows in the trace itself, so it is caught even where the suite cannot watch the
 * poller (real epoll, a driver).
 */
class StaleEventTest {

    // 0 waits on fd 3 and times out at 5 ms, then sleeps until 105 ms. At 10 ms, 1 makes fd 3
    // readable and waits on fd 5, so the scheduler polls while nobody waits on fd 3.
    private static final Scenario SCENARIO = ScenarioText.parse("""
            scenario 1
            pairs 2
            program 0
              wait 3 5
              sleep 100
            end
            program 1
              sleep 10
              send 4
              wait 5 50
            end
            create 0
            create 1
            run
            """);

    @Test
    void correctImplementationsMatchTheModel() {
        Trace t = new JvmScenarioRunner(new SimpleProvider(Set.of())).run(SCENARIO);
        assertThat(t.violations()).isEmpty();
        assertThat(Model.check(t, SCENARIO)).isEmpty();
        assertThat(t.events()).contains("105 0 woke");
    }

    @Test
    void staleEventWakingASleeperDiffersFromTheModel() {
        Trace t = new JvmScenarioRunner(new SimpleProvider(Set.of(Fault.EVENT_WITHOUT_WAITER_WAKES_SOMEONE))).run(SCENARIO);

        assertThat(t.events()).contains("10 0 woke");
        assertThat(Model.check(t, SCENARIO)).get().asString().contains("expected '60 1 timeout' but was '10 0 woke'");
        assertThat(t.violations()).extracting(Trace.Violation::rule).contains(Rule.R4_2);
        assertThat(TraceChecks.noWakeWithoutWaiter(SCENARIO, t)).as("§4.2's own check, without the poller's help")
                .containsExactly("coroutine 0 slept 100 ms at 5 ms but was woken at 10 ms, though it waited on no fd");
    }
}
