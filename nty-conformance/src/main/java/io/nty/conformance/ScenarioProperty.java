package io.nty.conformance;

import static org.quicktheories.QuickTheory.qt;

import io.nty.conformance.scenario.Model;
import io.nty.conformance.scenario.Scenario;
import io.nty.conformance.scenario.ScenarioText;
import io.nty.conformance.scenario.Trace;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.quicktheories.api.AsString;
import org.quicktheories.core.Gen;
import org.quicktheories.core.Reporter;

/**
 * One rule checked over generated scenarios: run each on the implementation, then fail if the
 * harness saw this rule broken, if the rule's own trace check fails, or (for the ordering rules,
 * {@link Mode#MODEL}) if the trace is not one the {@link Model} allows. Rules that are not about
 * order ({@link Mode#OWN_CHECKS}) do not fail on a model difference, so that a fault elsewhere is
 * not reported under their name. QuickTheories shrinks a failure to a minimal scenario, and the
 * {@link RuleViolation} it ends in names the rule, prints that scenario and the seed.
 */
final class ScenarioProperty {

    /** A rule-specific look at one trace, sharper than "differs from the model". */
    @FunctionalInterface
    interface TraceCheck {
        /**
         * @param scenario the scenario run
         * @param trace what the implementation did
         * @return problems found, empty if none
         */
        List<String> problems(Scenario scenario, Trace trace);
    }

    /** Whether a rule fails on any difference from the model, or only on its own checks. */
    enum Mode {
        /** The rule determines the order of events: the trace must be one the model allows. */
        MODEL,
        /** Only the harness's observations for this rule and the rule's own trace check count. */
        OWN_CHECKS
    }

    private ScenarioProperty() {
    }

    static void verify(Rule rule, ScenarioRunner runner, Gen<Scenario> scenarios, TraceCheck check, Settings settings) {
        verify(rule, runner, scenarios, check, Mode.MODEL, settings);
    }

    static void verify(Rule rule, ScenarioRunner runner, Gen<Scenario> scenarios, TraceCheck check, Mode mode,
            Settings settings) {
        qt().withFixedSeed(settings.seed())
                .withExamples(settings.examples())
                .withShrinkCycles(400)
                .withReporter(new RuleReporter(rule, runner.name()))
                .forAll(scenarios)
                .checkAssert(s -> checkOne(rule, runner, check, mode, s));
    }

    /**
     * Runs one scenario and checks it.
     *
     * @throws AssertionError describing every problem, with both traces
     */
    static void checkOne(Rule rule, ScenarioRunner runner, TraceCheck check, Mode mode, Scenario s) {
        Trace observed = runner.run(s);
        List<String> problems = new ArrayList<>();
        observed.violations().stream().filter(v -> v.rule() == rule).forEach(v -> problems.add(v.toString()));
        problems.addAll(check.problems(s, observed));
        Optional<String> diff = mode == Mode.MODEL ? Model.check(observed, s) : Optional.empty();
        diff.ifPresent(d -> problems.add("the trace is not one the rules allow; first difference from the closest allowed trace: " + d));
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            problems.forEach(p -> sb.append("  - ").append(p).append('\n'));
            observed.violations().stream().filter(v -> v.rule() != rule)
                    .forEach(v -> sb.append("  (also observed: ").append(v).append(")\n"));
            sb.append("observed trace:\n").append(indent(observed.text()));
            sb.append("expected trace (model, reference interpretation):\n")
                    .append(indent(Model.allowed(s).get(0).text()));
            throw new AssertionError(sb.toString());
        }
    }

    private static String indent(String text) {
        return text.lines().map(l -> "    " + l + "\n").reduce("", String::concat);
    }

    /** Turns QuickTheories' falsification into a {@link RuleViolation} with the scenario text and seed. */
    private record RuleReporter(Rule rule, String implementation) implements Reporter {

        @Override
        public void falisification(long seed, int examples, Object smallest, Throwable cause,
                List<Object> others, AsString<Object> toString) {
            throw violation(seed, examples, smallest, cause.getMessage());
        }

        @Override
        public void falisification(long seed, int examples, Object smallest, List<Object> others,
                AsString<Object> toString) {
            throw violation(seed, examples, smallest, "the property returned false");
        }

        @Override
        public void valuesExhausted(int examples) {
            throw new IllegalStateException(rule.cite() + ": the generator produced only " + examples
                    + " valid scenarios; its assumptions reject too many");
        }

        private RuleViolation violation(long seed, int examples, Object smallest, String cause) {
            String text = smallest instanceof Scenario s ? ScenarioText.format(s) : String.valueOf(smallest);
            return new RuleViolation(rule, "by " + implementation + " after " + examples + " scenario(s)\n"
                    + cause.stripTrailing() + "\n"
                    + "minimal scenario (seed " + seed + "; replay with -D" + Settings.SEED + "=" + seed + "):\n"
                    + indent(text));
        }
    }
}
