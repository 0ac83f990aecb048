package io.nty.conformance;

import static org.quicktheories.QuickTheory.qt;

import io.nty.conformance.scenario.Model;
import io.nty.conformance.scenario.Scenario;
import io.nty.conformance.scenario.ScenarioText;
import io.nty.conformance.scenario.Trace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.quicktheories.api.AsString;
import org.quicktheories.core.Gen;
import org.quicktheories.core.Reporter;

/**
 * One rule checked over generated scenarios: run each on the implementation, then fail if the
 * scenario did not run to its end (it hung, or crashed the implementation), if the harness saw
 * this rule broken, if the rule's own trace check fails, or (for the ordering rules,
 * {@link Mode#MODEL}) if the trace is not one the {@link Model} allows. Rules that are not about
 * order ({@link Mode#OWN_CHECKS}) do not fail on a model difference, so that a fault elsewhere is
 * not reported under their name.
 *
 * <p>QuickTheories shrinks a failure to a minimal scenario. The property is then run again, with
 * the same seed, with failures of the kinds already found counting as passes, to find up to
 * {@value #MAX_COUNTEREXAMPLES} counterexamples of distinct kinds ({@link ScenarioFailure#kind()}:
 * the first problem, numbers aside), so that a frequent fault does not hide a rarer one. Shrinking
 * keeps to the kind it started from. Scenarios that hang or crash cost real time, so after
 * {@value #MAX_INCOMPLETE} of them in one rule the rest of the search is given up (the
 * counterexamples found stand), and the extra searches stop after {@value #EXTRA_SEARCH_MILLIS} ms.
 * The {@link RuleViolation} names the rule, prints each minimal scenario and the seed.
 */
final class ScenarioProperty {

    /** Counterexamples of distinct kinds reported per failed rule, at most. */
    static final int MAX_COUNTEREXAMPLES = 5;
    /** Hung or crashed scenarios one rule may spend on searching and shrinking. */
    static final int MAX_INCOMPLETE = 4;
    /** Real time the searches after the first counterexample may take, per rule. */
    static final long EXTRA_SEARCH_MILLIS = 20_000;

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
        Search search = new Search(rule, runner, check, mode);
        List<Counterexample> found = new ArrayList<>();
        long extraDeadline = Long.MAX_VALUE;
        while (found.size() < MAX_COUNTEREXAMPLES && System.currentTimeMillis() < extraDeadline
                && !search.outOfBudget()) {
            Optional<Counterexample> next = search.next(scenarios, settings);
            if (next.isEmpty()) {
                break;
            }
            found.add(next.get());
            if (extraDeadline == Long.MAX_VALUE) {
                extraDeadline = System.currentTimeMillis() + EXTRA_SEARCH_MILLIS;
            }
        }
        if (!found.isEmpty()) {
            throw new RuleViolation(rule, describe(runner.name(), found, settings));
        }
    }

    private static String describe(String implementation, List<Counterexample> found, Settings settings) {
        StringBuilder sb = new StringBuilder("by ").append(implementation).append(" after ")
                .append(found.get(0).examples()).append(" scenario(s)");
        if (found.size() > 1) {
            sb.append("; ").append(found.size()).append(" counterexamples of distinct kinds (the kind of first"
                    + " difference), each minimal");
        }
        sb.append('\n');
        for (int i = 0; i < found.size(); i++) {
            Counterexample c = found.get(i);
            if (found.size() > 1) {
                sb.append("counterexample ").append(i + 1).append(" of ").append(found.size()).append(", kind: ")
                        .append(c.kind()).append('\n');
            }
            sb.append(c.message().stripTrailing()).append('\n')
                    .append("minimal scenario (seed ").append(c.seed()).append("; replay with ")
                    .append(settings.replay().hint(c.seed())).append(settings.replay().scenarioHint()).append("):\n")
                    .append(indent(c.scenario()));
        }
        return sb.toString();
    }

    /**
     * One shrunk failing scenario.
     *
     * @param kind its kind of first difference
     * @param message its problems and traces
     * @param scenario its text form
     * @param seed the seed that finds it
     * @param examples how many scenarios ran before it was found
     */
    private record Counterexample(String kind, String message, String scenario, long seed, int examples) {
    }

    /** The searches of one rule: the kinds found so far and the incomplete scenarios spent. */
    private static final class Search {
        private final Rule rule;
        private final ScenarioRunner runner;
        private final TraceCheck check;
        private final Mode mode;
        private final Set<String> known = new HashSet<>();
        private int incomplete;
        /** The kind the current search found first; shrinking keeps to it. */
        private String current;

        Search(Rule rule, ScenarioRunner runner, TraceCheck check, Mode mode) {
            this.rule = rule;
            this.runner = runner;
            this.check = check;
            this.mode = mode;
        }

        boolean outOfBudget() {
            return incomplete >= MAX_INCOMPLETE;
        }

        Optional<Counterexample> next(Gen<Scenario> scenarios, Settings settings) {
            current = null;
            Counterexample[] result = new Counterexample[1];
            qt().withFixedSeed(settings.seed())
                    .withExamples(settings.examples())
                    .withShrinkCycles(400)
                    .withReporter(new CapturingReporter(rule, result))
                    .forAll(scenarios)
                    .checkAssert(this::checkCounting);
            if (result[0] != null) {
                known.add(result[0].kind());
            }
            return Optional.ofNullable(result[0]);
        }

        /** Fails only on a new kind, and once one is found, only on that kind; spends the budget on hangs. */
        private void checkCounting(Scenario s) {
            if (outOfBudget()) {
                return;
            }
            try {
                checkOne(rule, runner, check, mode, s);
            } catch (ScenarioFailure f) {
                if (f.notRun() && current != null) {
                    return; // says nothing about this candidate: shrinking must not settle on it
                }
                if (f.incomplete()) {
                    incomplete++;
                }
                if (known.contains(f.kind()) || (current != null && !current.equals(f.kind()))) {
                    return;
                }
                current = f.kind();
                throw f;
            }
        }
    }

    /**
     * Runs one scenario and checks it.
     *
     * @throws ScenarioFailure describing every problem, with both traces
     */
    static void checkOne(Rule rule, ScenarioRunner runner, TraceCheck check, Mode mode, Scenario s) {
        Trace observed = runner.run(s);
        List<String> problems = new ArrayList<>();
        if (!observed.completed()) {
            problems.add(observed.ending().describe());
        }
        observed.violations().stream().filter(v -> v.rule() == rule).forEach(v -> problems.add(v.toString()));
        if (observed.completed()) {
            problems.addAll(check.problems(s, observed));
            Optional<String> diff = mode == Mode.MODEL ? Model.check(observed, s) : Optional.empty();
            diff.ifPresent(d -> problems.add("the trace is not one the rules allow; first difference from the closest allowed trace: " + d));
        }
        if (!problems.isEmpty()) {
            StringBuilder sb = new StringBuilder();
            problems.forEach(p -> sb.append("  - ").append(p).append('\n'));
            observed.violations().stream().filter(v -> v.rule() != rule)
                    .forEach(v -> sb.append("  (also observed: ").append(v).append(")\n"));
            sb.append("observed trace").append(observed.completed() ? "" : " (incomplete)").append(":\n")
                    .append(observed.events().isEmpty() ? "    (no events)\n" : indent(observed.text()));
            sb.append("expected trace (model, reference interpretation):\n")
                    .append(indent(Model.allowed(s).get(0).text()));
            // An incomplete run's kind is how it ended (hung, crashed), not its exit status or timings.
            String first = observed.completed() ? problems.get(0) : observed.ending().describe().split(" \\(")[0];
            throw new ScenarioFailure(first, observed.ending(), sb.toString());
        }
    }

    static String indent(String text) {
        return text.lines().map(l -> "    " + l + "\n").reduce("", String::concat);
    }

    /** Keeps QuickTheories' falsification (the smallest failing scenario) for the search. */
    private record CapturingReporter(Rule rule, Counterexample[] result) implements Reporter {

        @Override
        public void falisification(long seed, int examples, Object smallest, Throwable cause,
                List<Object> others, AsString<Object> toString) {
            String kind = cause instanceof ScenarioFailure f ? f.kind() : ScenarioFailure.kindOf(String.valueOf(cause.getMessage()));
            result[0] = new Counterexample(kind, String.valueOf(cause.getMessage()), text(smallest), seed, examples);
        }

        @Override
        public void falisification(long seed, int examples, Object smallest, List<Object> others,
                AsString<Object> toString) {
            result[0] = new Counterexample("the property returned false", "the property returned false",
                    text(smallest), seed, examples);
        }

        @Override
        public void valuesExhausted(int examples) {
            throw new IllegalStateException(rule.cite() + ": the generator produced only " + examples
                    + " valid scenarios; its assumptions reject too many");
        }

        private static String text(Object smallest) {
            return smallest instanceof Scenario s ? ScenarioText.format(s) : String.valueOf(smallest);
        }
    }
}
