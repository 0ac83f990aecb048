package io.nty.conformance;

import io.nty.conformance.alt.SimpleProvider;
import java.util.Set;

/**
 * The whole suite against a second, independent implementation: shows the suite checks the
 * rules, not the reference's internals.
 */
class SimpleSchedulerConformanceTest extends SchedulerVerification {

    @Override
    protected ConformanceProvider provider() {
        return new SimpleProvider(Set.of());
    }
}
