package io.nty.conformance;

import io.nty.conformance.alt.SimpleProvider;
import java.util.Set;

/**
 * The whole suite against a second, independent implementation: shows the suite checks the
 * rules, not the reference's internals.
 */
class SimpleSchedulerConformanceTest extends SchedulerVerification {

    /** Deterministic in this module's build: a fixed seed unless {@value Settings#SEED} names one. */
    @Override
    protected Settings settings() {
        return TestSeeds.settings();
    }

    @Override
    protected ConformanceProvider provider() {
        return new SimpleProvider(Set.of());
    }
}
