package io.nty.conformance;

import io.nty.api.Scheduler;
import io.nty.scheduler.NtyScheduler;
import io.nty.scheduler.NtySchedulerBuilder;
import java.util.EnumSet;
import java.util.Set;

/** The reference implementation, {@code nty-scheduler}'s {@link NtyScheduler}, as the suite sees it. */
public final class NtyReferenceProvider implements ConformanceProvider {

    @Override
    public String name() {
        return "nty-scheduler (NtyScheduler)";
    }

    @Override
    public Set<Capability> capabilities() {
        // No SOCKET_HOOKS and no NATIVE_CONTEXTS: those modules are not on this class path yet.
        return EnumSet.of(Capability.VIRTUAL_CLOCK, Capability.FD_WAITS, Capability.IN_PROCESS_API);
    }

    @Override
    public Scheduler newScheduler(SchedulerOptions options) {
        NtySchedulerBuilder b = NtyScheduler.builder().clock(options.clock()).exceptionHandler(options.handler());
        options.poller().ifPresent(b::poller);
        return b.build();
    }
}
