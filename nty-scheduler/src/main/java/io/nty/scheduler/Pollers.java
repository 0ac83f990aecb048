package io.nty.scheduler;

import io.nty.api.spi.Poller;
import io.nty.api.spi.PollerProvider;
import java.util.Comparator;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** Chooses a scheduler's default poller among the {@link PollerProvider}s on the class path. */
final class Pollers {

    private Pollers() {
    }

    /**
     * {@return the default poller: a {@link DeferredPoller}, which asks the providers only when a
     *         coroutine first waits on an fd}
     *
     * @param owner the scheduler's thread
     */
    static Poller openDefault(Thread owner) {
        return new DeferredPoller(owner);
    }

    /**
     * Asks every provider on the class path (or, on the module path, every module that provides
     * one) whether it is available; this is what loads a provider's native layer.
     *
     * @return a poller from the available provider with the highest priority, or {@code null}
     *         when there is none
     */
    static Poller openBest() {
        return ServiceLoader.load(PollerProvider.class, Pollers.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .filter(PollerProvider::isAvailable)
                .max(Comparator.comparingInt(PollerProvider::priority))
                .map(PollerProvider::open)
                .orElse(null);
    }

    /**
     * {@return why {@link #openBest()} found no poller: which providers were found and why each is
     * unavailable, or that none was found}
     */
    static String whyNone() {
        String reasons = ServiceLoader.load(PollerProvider.class, Pollers.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .map(p -> p.name() + ": " + p.unavailableReason())
                .collect(Collectors.joining("; "));
        return reasons.isEmpty() ? "no PollerProvider was found" : "unavailable providers: " + reasons;
    }
}
