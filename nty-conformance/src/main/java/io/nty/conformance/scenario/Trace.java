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
 * {@code hsend FD N} then {@code sent N|ERRNO}; the writable wait's {@code wwait FD TIMEOUT}
 * (outcomes as for {@code wait}), {@code fill FD ok|epipe|ebadf},
 * {@code drain FD ok|eagain|eof|ebadf}, and {@code send FD eagain} on a full socket; the §6
 * steps' {@code park} then {@code unparked}, {@code unpark K ok|none}, {@code join K} then
 * {@code joined RESULT|failed|failed-cancelled|cycle|none}, {@code cancel K ok|none}, and
 * {@code cancelled}, the outcome of any suspending step of a cancelled coroutine, after which it
 * has ended; and for main {@code returned} or
 * {@code run-threw NAME}, then {@code execute-after-close P rejected|accepted}.
 *
 * <p>{@code uncaught} lines (the exception handler's calls, §2.3) are compared as a set: the
 * rules say the handler is called once per failed coroutine after it exits, not when.
 *
 * <p>A trace also says how the scenario {@linkplain Ending ended}: a scenario that hung, or that
 * crashed or killed the implementation, is incomplete, and whatever rule it was generated for
 * fails on it (it never counts toward a verdict of verified).
 *
 * @param events the event lines
 * @param violations rule violations the harness observed while the scenario ran
 * @param ending whether the scenario ran to its end, hung, or crashed
 */
public record Trace(List<String> events, List<Violation> violations, Ending ending) {

    /** The event name of exception-handler calls, whose position the rules leave open. */
    public static final String UNCAUGHT = Event.UNCAUGHT.token();

    /**
     * Copies the lists, so a trace is immutable.
     *
     * @param events the event lines
     * @param violations rule violations the harness observed while the scenario ran
     * @param ending whether the scenario ran to its end, hung, or crashed
     * @throws NullPointerException if an argument or an element is null
     */
    public Trace {
        events = List.copyOf(events);
        violations = List.copyOf(violations);
        java.util.Objects.requireNonNull(ending, "ending");
    }

    /**
     * A trace of a scenario that ran to its end.
     *
     * @param events the event lines
     * @param violations rule violations the harness observed
     */
    public Trace(List<String> events, List<Violation> violations) {
        this(events, violations, new Ending.Completed());
    }

    /** How a scenario run ended: a closed set, so every check must say what each ending means. */
    public sealed interface Ending {

        /** {@return a sentence for failure messages; empty for a completed run} */
        String describe();

        /** The scenario ran to its end (the trace may still break rules). */
        record Completed() implements Ending {
            @Override
            public String describe() {
                return "";
            }
        }

        /**
         * The scenario did not finish in the real time allowed: the implementation hung or
         * busy-looped, and was abandoned (in process) or killed (a driver).
         *
         * @param detail what was seen, e.g. the time allowed and whether a thread kept spinning
         */
        record Hung(String detail) implements Ending {
            @Override
            public String describe() {
                return "the scenario did not complete: it hung (" + detail + ")";
            }
        }

        /**
         * The implementation crashed while running the scenario: the driver process exited or was
         * killed by a signal, or the in-process run ended in an exception outside {@code run()}.
         *
         * @param detail what was seen, e.g. the exit status and signal
         */
        record Crashed(String detail) implements Ending {
            @Override
            public String describe() {
                return "the scenario did not complete: the implementation crashed (" + detail + ")";
            }
        }

        /**
         * The implementation's driver printed something that is not part of the protocol (an
         * event line with an unknown event, a time that is not a number), so the trace cannot be
         * judged.
         *
         * @param detail the offending line and what is wrong with it
         */
        record ProtocolError(String detail) implements Ending {
            @Override
            public String describe() {
                return "the scenario did not complete: the driver broke the protocol (" + detail + ")";
            }
        }

        /**
         * The runner refused to run the scenario, because the implementation left the runner unable
         * to run scenarios fairly (for example threads still busy-looping from earlier scenarios).
         * It says nothing about this scenario, so shrinking never settles on it, but a rule that
         * could not run its scenarios is not verified.
         *
         * @param reason why, and what to do instead
         */
        record NotRun(String reason) implements Ending {
            @Override
            public String describe() {
                return "the scenario was not run: " + reason;
            }
        }
    }

    /** {@return whether the scenario ran to its end} */
    public boolean completed() {
        return ending instanceof Ending.Completed;
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

    /** {@return the events without handler calls, in order} */
    public List<String> ordered() {
        return events.stream().filter(e -> !isUncaught(e)).toList();
    }

    /** {@return the handler calls, sorted, without their times} */
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

    /** {@return the events, one per line} */
    public String text() {
        return String.join("\n", events) + "\n";
    }
}
