package io.nty.conformance;

import io.nty.conformance.jvm.JvmScenarioRunner;
import java.util.Optional;

/**
 * The implementation under test, as the rule checks reach it: always through scenarios, and
 * directly through its {@link io.nty.api.Scheduler} objects when it is in process.
 *
 * @param runner runs scenarios on it
 * @param provider makes its schedulers, when it is a JVM implementation in this process
 * @param settings seed and number of examples
 */
public record Target(ScenarioRunner runner, Optional<ConformanceProvider> provider, Settings settings) {

    /**
     * {@return a target that runs scenarios in process and may call the scheduler directly}
     *
     * @param provider a JVM implementation
     * @param settings seed and number of examples
     */
    public static Target of(ConformanceProvider provider, Settings settings) {
        return new Target(new JvmScenarioRunner(provider), Optional.of(provider), settings);
    }

    /** {@return the implementation's name} */
    public String name() {
        return runner.name();
    }

    /**
     * {@return whether the implementation has {@code c} (for {@code IN_PROCESS_API}, also a provider to call)}
     *
     * @param c a capability
     */
    public boolean has(Capability c) {
        return runner.capabilities().contains(c)
                && (c != Capability.IN_PROCESS_API || provider.isPresent());
    }

    /**
     * Checks that the implementation has {@code c} before a rule's check runs, so a missing
     * capability is reported as <em>not verified</em>, never as a pass or a violation.
     *
     * @param rule the rule that needs {@code c}
     * @param c the capability
     * @throws NotVerifiedException if the implementation lacks it
     */
    public void require(Rule rule, Capability c) {
        if (!has(c)) {
            throw new NotVerifiedException(rule, "no " + c.name() + " capability (" + c.description() + ")");
        }
    }
}
