package io.nty.conformance;

import io.nty.conformance.reference.NtyReferenceProvider;

/** The whole suite against the reference implementation: every rule it can be checked on must pass. */
class NtySchedulerConformanceTest extends SchedulerVerification {

    @Override
    protected ConformanceProvider provider() {
        return new NtyReferenceProvider();
    }
}
