package io.nty.conformance;

import java.util.ArrayList;
import java.util.List;

/**
 * Rule §2.4 (native x86_64 entry and register rules): runs every {@link NativeProbe} on the
 * implementation's {@link NativeContexts}, in process or through a driver's
 * {@code native-probe} statements, and requires each result line to be the conforming one.
 */
final class NativeContextChecks {

    private NativeContextChecks() {
    }

    /**
     * @throws NotVerifiedException without {@link Capability#NATIVE_CONTEXTS}, or if the runner
     *         declares it but offers no probes
     * @throws RuleViolation listing every probe whose result differs
     */
    static void verify(Rule rule, Target target) {
        target.require(rule, Capability.NATIVE_CONTEXTS);
        NativeContexts contexts = target.runner().nativeContexts().orElseThrow(() -> new NotVerifiedException(rule,
                target.name() + " declares NATIVE_CONTEXTS but its runner offers no native probes"));
        List<String> problems = new ArrayList<>();
        for (NativeProbe p : NativeProbe.values()) {
            String observed = run(contexts, p);
            if (!p.expected().equals(observed)) {
                problems.add(p.requirement() + "\n    expected: " + p.expected() + "\n    observed: " + observed);
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleViolation(rule, "native probes of " + target.name() + " found:\n  "
                    + String.join("\n  ", problems));
        }
    }

    /** A probe that throws has not shown the property: its failure is the observation. */
    private static String run(NativeContexts contexts, NativeProbe p) {
        try {
            return String.valueOf(contexts.probe(p)).strip();
        } catch (RuntimeException e) {
            return "probe " + p.probeName() + " failed: " + e;
        }
    }
}
