package io.nty.conformance;

import io.nty.conformance.reference.NtyReferenceProvider;

/** The whole suite against the reference implementation: every rule it can be checked on must pass. */
class NtySchedulerConformanceTest extends SchedulerVerification {

    /** Deterministic in this module's build: a fixed seed unless {@value Settings#SEED} names one. */
    @Override
    protected Settings settings() {
        return TestSeeds.settings();
    }

    @Override
    protected ConformanceProvider provider() {
        return new NtyReferenceProvider();
    }
}
