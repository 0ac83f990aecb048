package io.nty.conformance.example;

import io.nty.api.Scheduler;
import io.nty.conformance.Capability;
import io.nty.conformance.ConformanceProvider;
import io.nty.conformance.SchedulerOptions;
import java.util.EnumSet;
import java.util.Set;

/** {@link SimpleScheduler}, correct or with faults, as the suite sees it. */
public final class SimpleProvider implements ConformanceProvider {

    private final Set<Fault> faults;

    /** @param faults the faults to build schedulers with; empty for a correct implementation */
    public SimpleProvider(Set<Fault> faults) {
        this.faults = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
    }

    @Override
    public String name() {
        return "simple-continuation" + (faults.isEmpty() ? "" : " with fault " + faults);
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.VIRTUAL_CLOCK, Capability.FD_WAITS, Capability.IN_PROCESS_API);
    }

    @Override
    public Scheduler newScheduler(SchedulerOptions options) {
        return new SimpleScheduler(options.clock(), options.poller().orElseGet(ParkingPoller::new),
                options.handler(), faults);
    }
}
