package io.nty.sync;

import io.nty.api.spi.VirtualClock;
import io.nty.scheduler.NtyScheduler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The reference scheduler on the test thread, with a virtual clock (sleeps cost no real time)
 * and the failures that reached its handler, rethrown after the test.
 */
abstract class SyncFixture {

    final VirtualClock clock = new VirtualClock();
    final List<Throwable> failures = new ArrayList<>();
    NtyScheduler scheduler;

    @BeforeEach
    void open() {
        scheduler = NtyScheduler.builder().clock(clock).exceptionHandler((co, t) -> failures.add(t))
                .name("sync-test").build();
    }

    @AfterEach
    void close() {
        scheduler.close();
        if (!failures.isEmpty()) {
            AssertionError e = new AssertionError("coroutines failed: " + failures);
            failures.forEach(e::addSuppressed);
            throw e;
        }
    }
}
