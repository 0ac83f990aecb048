package io.nty.conformance.example;

import io.nty.api.Scheduler;
import io.nty.conformance.Capability;
import io.nty.conformance.ConformanceProvider;
import io.nty.conformance.SchedulerOptions;
import java.util.Set;

/**
 * {@link SimpleProvider} with the one fault named by the system property {@value #FAULT}, with a
 * no-argument constructor so a driver can serve it ({@code --serve io.nty.conformance.example.FaultyProvider}).
 */
public final class FaultyProvider implements ConformanceProvider {

    /** The system property naming the {@link Fault}. */
    public static final String FAULT = "nty.conformance.fault";

    private final SimpleProvider delegate = new SimpleProvider(Set.of(Fault.valueOf(System.getProperty(FAULT))));

    @Override
    public String name() {
        return delegate.name();
    }

    @Override
    public Set<Capability> capabilities() {
        return delegate.capabilities();
    }

    @Override
    public Scheduler newScheduler(SchedulerOptions options) {
        return delegate.newScheduler(options);
    }
}
