package io.nty.scheduler;

import io.nty.api.spi.Poller;
import io.nty.api.spi.PollerProvider;
import java.util.Comparator;
import java.util.ServiceLoader;

/** Chooses a scheduler's default poller among the {@link PollerProvider}s on the class path. */
final class Pollers {

    private Pollers() {
    }

    /**
     * @param owner the scheduler's thread
     * @return a poller from the available provider with the highest priority, or a
     *         {@link ParkingPoller} when there is none
     */
    static Poller openDefault(Thread owner) {
        return ServiceLoader.load(PollerProvider.class, Pollers.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get)
                .filter(PollerProvider::isAvailable)
                .max(Comparator.comparingInt(PollerProvider::priority))
                .map(PollerProvider::open)
                .orElseGet(() -> new ParkingPoller(owner));
    }
}
