package io.nty.conformance.example;

import io.nty.api.Scheduler;
import io.nty.conformance.Capability;
import io.nty.conformance.ConformanceProvider;
import io.nty.conformance.SchedulerOptions;
import java.util.Set;

/** A broken implementation with a public no-argument constructor, for driving through the command line. */
public final class LifoProvider implements ConformanceProvider {

    private final SimpleProvider broken = new SimpleProvider(Set.of(Fault.LIFO_READY_QUEUE));

    @Override
    public String name() {
        return broken.name();
    }

    @Override
    public Set<Capability> capabilities() {
        return broken.capabilities();
    }

    @Override
    public Scheduler newScheduler(SchedulerOptions options) {
        return broken.newScheduler(options);
    }
}
