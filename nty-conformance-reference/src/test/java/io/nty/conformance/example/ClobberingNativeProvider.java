package io.nty.conformance.example;

import io.nty.api.Scheduler;
import io.nty.conformance.Capability;
import io.nty.conformance.ConformanceProvider;
import io.nty.conformance.NativeContexts;
import io.nty.conformance.NativeProbe;
import io.nty.conformance.SchedulerOptions;
import io.nty.conformance.reference.NtyReferenceProvider;
import java.util.Optional;
import java.util.Set;

/**
 * The reference implementation with a broken native switch: its native contexts run nty's real
 * probes, but the callee-saved probe reports what a switch that does not restore rbx would show
 * ({@code rbx=clobbered}). Public with a no-argument constructor, so {@code --serve} can load it.
 */
public final class ClobberingNativeProvider implements ConformanceProvider {

    private static final NtyReferenceProvider REFERENCE = new NtyReferenceProvider();

    @Override
    public String name() {
        return "nty with a native switch that loses rbx";
    }

    @Override
    public Set<Capability> capabilities() {
        return REFERENCE.capabilities();
    }

    @Override
    public Scheduler newScheduler(SchedulerOptions options) {
        return REFERENCE.newScheduler(options);
    }

    @Override
    public Optional<NativeContexts> nativeContexts() {
        return REFERENCE.nativeContexts().map(real -> probe -> {
            String line = real.probe(probe);
            return probe == NativeProbe.CALLEE_SAVED ? line.replace("rbx=ok", "rbx=clobbered") : line;
        });
    }
}
