package io.nty.conformance.example;

import io.nty.conformance.ConformanceProvider;
import io.nty.conformance.SchedulerVerification;
import io.nty.conformance.Settings;
import java.util.Set;

/**
 * The whole suite against a second, independent implementation: shows the suite checks the
 * rules, not the reference's internals. It lives outside the suite's package, as an implementer's
 * test would.
 */
class SimpleSchedulerConformanceTest extends SchedulerVerification {

    /** Deterministic in this module's build: a fixed seed unless {@value Settings#SEED} names one. */
    @Override
    protected Settings settings() {
        return Settings.withDefaultSeed(20261123L);
    }

    @Override
    protected ConformanceProvider provider() {
        return new SimpleProvider(Set.of());
    }
}
