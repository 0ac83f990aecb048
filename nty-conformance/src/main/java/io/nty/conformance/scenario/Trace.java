package io.nty.conformance.scenario;

import io.nty.conformance.Rule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * What running a scenario produced: the event lines in the order they happened, plus any rule
 * violations the harness observed directly (for example a coroutine resumed on a foreign thread).
 *
 * <p>Event line syntax: {@code <t> <who> <event> [args]}, where {@code t} is the virtual time in
 * whole milliseconds and {@code who} a coroutine id or {@code main}. Events:
 * {@code created ID}, {@code start}, {@code yield}/{@code resumed}, {@code sleep MS}/{@code woke},
 * {@code wait FD TIMEOUT} then {@code ready}|{@code timeout}|{@code closed}|{@code busy}|{@code ebadf},
 * {@code send FD ok|epipe|ebadf}, {@code recv FD N|eof|eagain|ebadf}, {@code close FD woke|none|ebadf},
 * {@code tick MS}, {@code exit}, {@code throw}, {@code uncaught}, {@code error NAME};
 * the thread steps' {@code thread owner|other}, {@code foreign P refused|allowed},
 * {@code submit P}, {@code execute P}, {@code post P}; the hook steps' {@code hrecv FD T} then {@code got N|ERRNO}, and
 * {@code hsend FD N} then {@code sent N|ERRNO}; and for main {@code returned} or
 * {@code run-threw NAME}, then {@code execute-after-close P rejected|accepted}.
 *
 * <p>{@code uncaught} lines (the exception handler's calls, §2.3) are compared as a set: the
 * rules say the handler is called once per failed coroutine after it exits, not when.
 *
 * @param events the event lines
 * @param violations rule violations the harness observed while the scenario ran
 */
public record Trace(List<String> events, List<Violation> violations) {

    /** The event name of exception-handler calls, whose position the rules leave open. */
    public static final String UNCAUGHT = "uncaught";

    public Trace {
        events = List.copyOf(events);
        violations = List.copyOf(violations);
    }

    /**
     * A rule broken in a way the harness saw directly.
     *
     * @param rule the rule
     * @param message what happened
     */
    public record Violation(Rule rule, String message) {
        @Override
        public String toString() {
            return rule.cite() + " " + message;
        }
    }

    /** @return the events without handler calls, in order */
    public List<String> ordered() {
        return events.stream().filter(e -> !isUncaught(e)).toList();
    }

    /** @return the handler calls, sorted, without their times */
    public List<String> uncaught() {
        List<String> u = new ArrayList<>(events.stream().filter(Trace::isUncaught)
                .map(e -> e.substring(e.indexOf(' ') + 1)).toList());
        Collections.sort(u);
        return u;
    }

    private static boolean isUncaught(String e) {
        return e.endsWith(" " + UNCAUGHT);
    }

    /**
     * Compares this (observed) trace with an expected one.
     *
     * @param expected what the model predicts
     * @return empty if they agree, else a description of the first difference
     */
    public Optional<String> differenceFrom(Trace expected) {
        List<String> a = ordered();
        List<String> e = expected.ordered();
        int n = Math.min(a.size(), e.size());
        for (int i = 0; i < n; i++) {
            if (!a.get(i).equals(e.get(i))) {
                return Optional.of("event #" + i + ": expected '" + e.get(i) + "' but was '" + a.get(i) + "'");
            }
        }
        if (a.size() != e.size()) {
            return Optional.of(a.size() < e.size()
                    ? "trace ends early; next expected event #" + n + ": '" + e.get(n) + "'"
                    : "unexpected extra event #" + n + ": '" + a.get(n) + "'");
        }
        if (!uncaught().equals(expected.uncaught())) {
            return Optional.of("exception handler calls: expected " + expected.uncaught() + " but was " + uncaught());
        }
        return Optional.empty();
    }

    /** @return the events, one per line */
    public String text() {
        return String.join("\n", events) + "\n";
    }
}
