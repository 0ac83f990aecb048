package io.nty.conformance;

import io.nty.conformance.scenario.Model;
import io.nty.conformance.scenario.Scenario;
import io.nty.conformance.scenario.Trace;
import java.util.List;
import java.util.Optional;

/**
 * One scenario run once on an implementation and set beside the model: what {@code --replay FILE}
 * prints, and what a test can assert on when it replays a failure's minimal scenario.
 *
 * @param scenario the scenario
 * @param observed what the implementation did
 * @param expected the allowed trace closest to it (the model's, under the interpretation that
 *        agrees longest)
 * @param difference the first difference, empty when the trace is allowed
 */
public record ScenarioReplay(Scenario scenario, Trace observed, Trace expected, Optional<String> difference) {

    /**
     * {@return the trace {@code runner} produced for {@code scenario}, beside the trace the model expects and their first difference}
     *
     * @param runner the implementation
     * @param scenario the scenario to run once
     */
    public static ScenarioReplay run(ScenarioRunner runner, Scenario scenario) {
        Trace observed = runner.run(scenario);
        return new ScenarioReplay(scenario, observed, Model.closest(observed, scenario), Model.check(observed, scenario));
    }

    /** {@return whether the scenario completed, the harness saw no violation, and the trace is allowed} */
    public boolean conforms() {
        return observed.completed() && observed.violations().isEmpty() && difference.isEmpty();
    }

    /**
     * {@return both traces in two columns, numbered, the first differing event marked {@code >>};
     * then the handler calls, the harness's observations and how the run ended}
     *
     */
    public String sideBySide() {
        List<String> e = expected.ordered();
        List<String> o = observed.ordered();
        int width = Math.max("model (expected)".length(), e.stream().mapToInt(String::length).max().orElse(0));
        int first = firstDifference(e, o);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("     %-4s %-" + width + "s | %s%n", "#", "model (expected)", "implementation (observed)"));
        for (int i = 0; i < Math.max(e.size(), o.size()); i++) {
            sb.append(String.format("%-4s %-4d %-" + width + "s | %s%n", i == first ? ">>" : "", i,
                    i < e.size() ? e.get(i) : "", i < o.size() ? o.get(i) : ""));
        }
        if (!expected.uncaught().isEmpty() || !observed.uncaught().isEmpty()) {
            sb.append("handler calls (a set): model ").append(expected.uncaught()).append(", implementation ")
                    .append(observed.uncaught()).append('\n');
        }
        observed.violations().forEach(v -> sb.append("observed by the harness: ").append(v).append('\n'));
        if (!observed.completed()) {
            sb.append(observed.ending().describe()).append('\n');
        }
        sb.append(difference.map(d -> "first difference: " + d).orElse(observed.completed()
                ? "the trace is one the rules allow" : "")).append('\n');
        return sb.toString();
    }

    private static int firstDifference(List<String> a, List<String> b) {
        int n = Math.min(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            if (!a.get(i).equals(b.get(i))) {
                return i;
            }
        }
        return a.size() == b.size() ? -1 : n;
    }
}
