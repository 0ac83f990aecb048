package io.nty.conformance;

import io.nty.conformance.scenario.Scenario;
import io.nty.conformance.scenario.Trace;
import java.util.Optional;
import java.util.Set;

/**
 * Runs scenarios on an implementation and reports what happened: the seam between the rule
 * checks and the implementation, whether it is a JVM object ({@link io.nty.conformance.jvm.JvmScenarioRunner})
 * or an external program speaking the driver protocol.
 */
public interface ScenarioRunner {

    /** {@return the implementation's name, for reports} */
    String name();

    /** {@return what the implementation can do} */
    Set<Capability> capabilities();

    /**
     * Runs one scenario on a fresh scheduler with a virtual clock starting at 0.
     *
     * @param scenario the scenario
     * @return the observed trace
     */
    Trace run(Scenario scenario);

    /**
     * The implementation's native contexts, for the §2.4 probes; present whenever
     * {@link #capabilities()} has {@link Capability#NATIVE_CONTEXTS}.
     *
     * @return the native contexts, or empty (the default) if the implementation has none
     */
    default Optional<NativeContexts> nativeContexts() {
        return Optional.empty();
    }

    /**
     * The same runner with its virtual clock starting at {@code nanos} instead of 0, for the
     * checks of schedulers that assume a clock starting at 0 (§3.4). Traces still count from the
     * start of each scenario, so they are unchanged for a correct implementation.
     *
     * @param nanos where every scenario's virtual clock starts, {@code >= 0}
     * @return the runner, or empty (the default) if this runner cannot start its clock elsewhere
     *         (the driver protocol's clock starts at 0)
     */
    default Optional<ScenarioRunner> withClockStartingAt(long nanos) {
        return Optional.empty();
    }
}
