package io.nty.socket;

import io.nty.api.spi.Poller;
import io.nty.scheduler.NtyScheduler;
import io.nty.scheduler.NtySchedulerBuilder;
import io.nty.socket.epoll.EpollPoller;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Runs a scheduler on the calling (test) thread and rethrows what its coroutines threw. */
final class CoroutineRunner {

    private CoroutineRunner() {
    }

    /** Builds a scheduler with an epoll poller, lets {@code setup} create coroutines, runs it. */
    static void run(Consumer<NtyScheduler> setup) {
        run(new EpollPoller(), setup);
    }

    /** As {@link #run(Consumer)} with a given poller (e.g. a {@link RecordingPoller}). */
    static void run(Poller poller, Consumer<NtyScheduler> setup) {
        List<Throwable> failures = new ArrayList<>();
        NtySchedulerBuilder builder = NtyScheduler.builder().poller(poller)
                .exceptionHandler((co, failure) -> failures.add(failure));
        try (NtyScheduler scheduler = builder.build()) {
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
