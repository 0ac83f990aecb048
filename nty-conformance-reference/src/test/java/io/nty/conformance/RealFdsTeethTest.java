package io.nty.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.api.Scheduler;
import io.nty.conformance.example.Fault;
import io.nty.conformance.example.SimpleScheduler;
import io.nty.conformance.jvm.JvmScenarioRunner;
import io.nty.socket.epoll.EpollPollerProvider;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * On real socket pairs the suite cannot watch the poller, so the fd rules rest on the trace
 * alone: these faults must still be caught, by their rules — the 64-slot wait table because the
 * pairs' fds are placed past 64 and 1024 ({@code LibcFdPlacement}).
 */
class RealFdsTeethTest {

    /** {@link SimpleScheduler} with nty-socket's epoll poller, the way a real-fd implementation runs. */
    private record EpollSimpleProvider(Fault fault) implements ConformanceProvider {
        @Override
        public String name() {
            return "simple-continuation on epoll with fault " + fault;
        }

        @Override
        public Set<Capability> capabilities() {
            return EnumSet.of(Capability.VIRTUAL_CLOCK, Capability.FD_WAITS, Capability.IN_PROCESS_API);
        }

        @Override
        public Scheduler newScheduler(SchedulerOptions options) {
            // Real sockets come without a poller (the implementation's own); a direct check that
            // brings its simulated one (e.g. §4.1's bad wait arguments) gets it.
            return new SimpleScheduler(options.clock(), options.poller().orElseGet(() -> new EpollPollerProvider().open()),
                    options.handler(), Set.of(fault));
        }
    }

    @ParameterizedTest
    @CsvSource({
        "SECOND_WAITER_REPLACES_FIRST, R4_1",
        "TIMEOUT_OVER_ONE_SECOND_SHORTENED, R4_3",
        "CLOSE_DOES_NOT_WAKE_WAITER, R4_3",
        "SECOND_READER_ACCEPTED, R4_1",
        "ONE_WAITER_PER_FD, R4_1",
        "CANCEL_LEAVES_INTEREST_ARMED, R6_3",
        "WAIT_TABLE_MASKS_FD_TO_64_SLOTS, R4_1",
    })
    void faultIsCaughtOnRealSockets(Fault fault, Rule rule) {
        ConformanceProvider p = new EpollSimpleProvider(fault);
        Target target = new Target(JvmScenarioRunner.onRealSockets(p), Optional.of(p), new Settings(TestSeeds.DEFAULT_SEED, 150));

        RuleResult result = RuleResult.of(rule, () -> Conformance.verify(rule, target));

        assertThat(result.outcome()).as(result.detail()).isEqualTo(RuleResult.Outcome.FAILED);
        assertThat(result.detail()).startsWith(rule.cite()).containsAnyOf("minimal scenario", "\nscenario:\n");
    }
}
