package io.nty.socket.jdk;

import io.nty.scheduler.NtyScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs coroutines on a scheduler of the calling (test) thread and rethrows what they threw. */
final class OneThread {

    private OneThread() {
    }

    static void run(Consumer<NtyScheduler> setup) {
        List<Throwable> failures = new ArrayList<>();
        try (NtyScheduler scheduler = NtyScheduler.builder().name("jdk-hook-test")
                .exceptionHandler((co, failure) -> failures.add(failure)).build()) {
            setup.accept(scheduler);
            scheduler.run();
        }
        if (!failures.isEmpty()) {
            AssertionError error = new AssertionError("a coroutine failed: " + failures.get(0), failures.get(0));
            failures.stream().skip(1).forEach(error::addSuppressed);
            throw error;
        }
    }
}
