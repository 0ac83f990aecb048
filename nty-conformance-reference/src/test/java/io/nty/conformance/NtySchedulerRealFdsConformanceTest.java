package io.nty.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.api.spi.VirtualClock;
import io.nty.conformance.jvm.JvmScenarioRunner;
import io.nty.conformance.reference.NtyReferenceProvider;
import io.nty.scheduler.NtyScheduler;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The whole suite against the reference scheduler with real fds: scenarios run on kernel
 * {@code AF_UNIX} socket pairs and the scheduler polls them with nty-socket's epoll poller, so the
 * fd rules (§4.1–§4.3) are checked against the kernel, not only against the suite's simulation.
 */
class NtySchedulerRealFdsConformanceTest extends SchedulerVerification {

    /** Real sockets cost more per scenario than simulated ones: fewer examples unless asked. */
    @Override
    protected Settings settings() {
        Settings s = TestSeeds.settings();
        return System.getProperty(Settings.EXAMPLES) == null ? new Settings(s.seed(), 150) : s;
    }

    /** The real-fd rules mean something only if the scheduler really polls with epoll here. */
    @Test
    void referenceSchedulerPollsWithEpoll() {
        try (NtyScheduler s = NtyScheduler.builder().clock(new VirtualClock()).build()) {
            assertThat(s.pollerName()).isEqualTo("epoll");
        }
    }

    @Override
    protected ConformanceProvider provider() {
        return new NtyReferenceProvider();
    }

    @Override
    protected Target target(ConformanceProvider provider, Settings settings) {
        return new Target(JvmScenarioRunner.onRealSockets(provider), Optional.of(provider), settings);
    }
}
