package io.nty.conformance;

import io.nty.conformance.scenario.Trace;

/**
 * One scenario that broke a rule, as {@link ScenarioProperty} sees it: the full description (both
 * traces and every problem) and its <em>kind</em>, the first problem with every number replaced
 * by {@code N}, which groups counterexamples that differ only in ids, times and fds.
 */
final class ScenarioFailure extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final boolean incomplete;
    private final boolean notRun;

    /**
     * @param firstProblem the first problem found, from which the kind is derived
     * @param ending how the scenario ended
     * @param message every problem and both traces
     */
    ScenarioFailure(String firstProblem, Trace.Ending ending, String message) {
        super(message);
        this.kind = kindOf(firstProblem);
        this.incomplete = !(ending instanceof Trace.Ending.Completed);
        this.notRun = ending instanceof Trace.Ending.NotRun;
    }

    /** @return whether the runner refused to run the scenario, so it says nothing about the scenario itself */
    boolean notRun() {
        return notRun;
    }

    /** @return the kind of first difference, e.g. {@code event #N: expected 'N N woke' but was 'N N exit'} */
    String kind() {
        return kind;
    }

    /** @return whether the scenario hung or crashed */
    boolean incomplete() {
        return incomplete;
    }

    /**
     * @param problem a problem line
     * @return the line with numbers replaced by {@code N}, so that "expected '10 0 woke' but was
     *         '10 1 woke'" and "expected '20 3 woke' but was '20 2 woke'" are one kind
     */
    static String kindOf(String problem) {
        return problem.replaceAll("\\d+", "N");
    }
}
