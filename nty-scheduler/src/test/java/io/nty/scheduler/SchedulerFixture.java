package io.nty.scheduler;

import io.nty.api.Coroutine;
import io.nty.api.spi.VirtualClock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * A scheduler on the test thread with a virtual clock, a scripted poller, a trace of events and
 * a list of what reached the exception handler. Closed after each test.
 */
abstract class SchedulerFixture {

    final VirtualClock clock = new VirtualClock();
    final ScriptedPoller poller = new ScriptedPoller();
    final List<String> trace = Collections.synchronizedList(new ArrayList<>());
    final List<Throwable> failures = new ArrayList<>();
    final List<Coroutine> failed = new ArrayList<>();
    NtyScheduler scheduler;

    @BeforeEach
    void openScheduler() {
        scheduler = NtyScheduler.builder()
                .clock(clock)
                .poller(poller)
                .exceptionHandler((co, t) -> {
                    failed.add(co);
                    failures.add(t);
                })
                .name("test-scheduler")
                .build();
    }

    @AfterEach
    void closeScheduler() {
        scheduler.close();
        // An assertion that failed inside a coroutine reaches the handler, not JUnit: rethrow it.
        for (Throwable t : failures) {
            if (t instanceof AssertionError e) {
                throw e;
            }
        }
    }

    void log(String event) {
        trace.add(event);
    }

    /** @return virtual milliseconds since the test began */
    long now() {
        return clock.millis();
    }
}
