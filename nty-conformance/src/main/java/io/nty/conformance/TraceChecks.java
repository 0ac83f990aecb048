package io.nty.conformance;

import io.nty.conformance.scenario.Model;
import io.nty.conformance.scenario.Scenario;
import io.nty.conformance.scenario.Event;
import io.nty.conformance.scenario.Trace;
import io.nty.conformance.scenario.TraceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Rule-specific checks on one observed trace, independent of the model: they state a rule as an
 * invariant over events, so a failure reads as the rule rather than as "event #7 differs".
 */
final class TraceChecks {

    private TraceChecks() {
    }

    private static List<TraceEvent> parse(Trace t) {
        return t.events().stream().map(TraceEvent::parse).toList();
    }

    /** §1.1: ids 0, 1, 2 … in creation order; a function starts only after its create returned. */
    static List<String> idsInCreationOrder(Scenario s, Trace t) {
        List<String> problems = new ArrayList<>();
        long expected = 0;
        Set<String> created = new HashSet<>();
        for (TraceEvent e : parse(t)) {
            if (e.event() == Event.CREATED) {
                if (!e.arg(0).equals(Long.toString(expected))) {
                    problems.add("creation #" + expected + " (by " + e.who() + ") got id " + e.arg(0) + ", expected " + expected);
                    return problems;
                }
                expected++;
                created.add(e.arg(0));
            } else if (e.event() == Event.START && !created.contains(e.who())) {
                problems.add("coroutine " + e.who() + " started before create() returned its id");
                return problems;
            }
        }
        return problems;
    }

    /**
     * §1.1: new coroutines join the ready tail in creation order and the queue is FIFO, so
     * coroutines start (for the first time) in id order.
     */
    static List<String> startsInIdOrder(Scenario s, Trace t) {
        long last = -1;
        Set<String> started = new HashSet<>();
        for (TraceEvent e : parse(t)) {
            if (e.event() == Event.START && started.add(e.who())) {
                long id = Long.parseLong(e.who());
                if (id < last) {
                    return List.of("coroutine " + id + " started after coroutine " + last
                            + ", though it was created first: new coroutines must join the ready queue at its tail");
                }
                last = id;
            }
        }
        return List.of();
    }

    /** §1.1: ids, start after create, start in id order. */
    static List<String> creation(Scenario s, Trace t) {
        List<String> problems = new ArrayList<>(idsInCreationOrder(s, t));
        problems.addAll(startsInIdOrder(s, t));
        return problems;
    }

    /** @return ids that {@code created} events handed out more than once (a §1.1 fault) */
    private static Set<String> collidingIds(Trace t) {
        Set<String> seen = new HashSet<>();
        Set<String> colliding = new HashSet<>();
        for (TraceEvent e : parse(t)) {
            if (e.event() == Event.CREATED && !seen.add(e.arg(0))) {
                colliding.add(e.arg(0));
            }
        }
        return colliding;
    }

    /** §2.1: every coroutine's first event is {@code start}, and it starts exactly once. */
    static List<String> startsOnceFirst(Scenario s, Trace t) {
        List<String> problems = new ArrayList<>();
        Map<String, Integer> starts = new HashMap<>();
        Set<String> seen = new HashSet<>();
        Set<String> colliding = collidingIds(t);
        for (TraceEvent e : parse(t)) {
            // Two coroutines under one id break §1.1 (reported there); their starts are not "twice".
            if (e.byMain() || colliding.contains(e.who())) {
                continue;
            }
            if (!seen.contains(e.who()) && e.event() != Event.START) {
                problems.add("the first event of coroutine " + e.who() + " is '" + e.event() + "', not 'start'");
            }
            seen.add(e.who());
            if (e.event() == Event.START && starts.merge(e.who(), 1, Integer::sum) == 2) {
                problems.add("coroutine " + e.who() + " started twice");
            }
        }
        return problems;
    }

    /** §2.2: nothing of a coroutine happens after its function returned or threw. */
    static List<String> nothingAfterExit(Scenario s, Trace t) {
        List<String> problems = new ArrayList<>();
        Set<String> ended = new HashSet<>();
        Set<String> colliding = collidingIds(t);
        for (TraceEvent e : parse(t)) {
            if (colliding.contains(e.who())) {
                continue; // §1.1's fault: events of two coroutines under one id cannot be told apart
            }
            if (ended.contains(e.who()) && e.event() != Event.UNCAUGHT) {
                problems.add("coroutine " + e.who() + " did '" + e.event() + "' after its function had ended");
            }
            if (!e.byMain() && (e.event() == Event.EXIT || e.event() == Event.THROW)) {
                ended.add(e.who());
            }
        }
        return problems;
    }

    /**
     * §2.3: the handler is called once per throwing coroutine, after it threw; run() returns
     * normally; and the others run on: every coroutine created starts and runs to its end.
     */
    static List<String> handlerOncePerThrow(Scenario s, Trace t) {
        // "run() returns" belongs to §2.3 only where a coroutine threw; elsewhere it is §3.5's.
        boolean threw = parse(t).stream().anyMatch(e -> e.event() == Event.THROW);
        List<String> problems = new ArrayList<>(threw ? runReturns(s, t) : List.of());
        Set<String> created = new HashSet<>();
        Set<String> ended = new HashSet<>();
        for (TraceEvent e : parse(t)) {
            if (e.event() == Event.CREATED) {
                created.add(e.arg(0));
            } else if (e.event() == Event.EXIT || e.event() == Event.THROW) {
                ended.add(e.who());
            }
        }
        created.removeAll(ended);
        if (!created.isEmpty()) {
            problems.add("coroutines " + created + " never ran to their end; a failing coroutine must not stop the others");
        }
        Map<String, Integer> thrown = new HashMap<>();
        Map<String, Integer> handled = new HashMap<>();
        for (TraceEvent e : parse(t)) {
            if (e.event() == Event.THROW) {
                thrown.merge(e.who(), 1, Integer::sum);
            } else if (e.event() == Event.UNCAUGHT) {
                if (!thrown.containsKey(e.who())) {
                    problems.add("the handler was called for coroutine " + e.who() + " before it threw, or though it did not throw");
                }
                handled.merge(e.who(), 1, Integer::sum);
            }
        }
        if (!thrown.equals(handled)) {
            problems.add("coroutines that threw " + thrown + " but handler calls " + handled + " (expected once per throw)");
        }
        return problems;
    }

    /** §3.4: a coroutine sleeping {@code ms} at t wakes at t + ms or later. */
    static List<String> sleepsAtLeast(Scenario s, Trace t) {
        return resumedNotBefore(t, Event.SLEEP, Event.WOKE, "slept");
    }

    /** §4.3: a wait with timeout T that began at t times out at t + T or later. */
    static List<String> timeoutsNotEarly(Scenario s, Trace t) {
        List<String> problems = new ArrayList<>();
        Map<String, TraceEvent> pending = new HashMap<>();
        for (TraceEvent e : parse(t)) {
            if (e.event() == Event.WAIT) {
                pending.put(e.who(), e);
            } else if (e.event() == Event.TIMEOUT) {
                TraceEvent w = pending.remove(e.who());
                long timeout = w == null ? 0 : Long.parseLong(w.arg(1));
                if (w != null && (timeout == 0 || e.millis() < w.millis() + timeout)) {
                    problems.add("coroutine " + e.who() + " waited on fd " + w.arg(0) + " at " + w.millis() + " ms with timeout "
                            + timeout + " ms but timed out at " + e.millis() + " ms");
                }
            }
        }
        return problems;
    }

    /**
     * Sleepers that really suspended (other events came between their {@code sleep} and
     * {@code woke}) and were woken before their deadline: something woke them that should not
     * have. A sleep that did not suspend at all is §3.4's business, not this check's.
     */
    private static List<String> sleepersNotWokenEarly(Trace t) {
        List<String> problems = new ArrayList<>();
        Map<String, TraceEvent> sleeping = new HashMap<>();
        TraceEvent previous = null;
        for (TraceEvent e : parse(t)) {
            TraceEvent b = sleeping.remove(e.who());
            if (b != null && e.event() == Event.WOKE && previous != b && e.millis() < b.millis() + Long.parseLong(b.arg(0))) {
                problems.add("coroutine " + e.who() + " slept " + b.arg(0) + " ms at " + b.millis() + " ms but was woken at "
                        + e.millis() + " ms, though it waited on no fd");
            }
            if (e.event() == Event.SLEEP) {
                sleeping.put(e.who(), e);
            }
            previous = e;
        }
        return problems;
    }

    private static List<String> resumedNotBefore(Trace t, Event begin, Event end, String verb) {
        List<String> problems = new ArrayList<>();
        Map<String, TraceEvent> pending = new HashMap<>();
        for (TraceEvent e : parse(t)) {
            if (e.event().equals(begin)) {
                pending.put(e.who(), e);
            } else if (pending.containsKey(e.who())) {
                TraceEvent b = pending.remove(e.who());
                long ms = Long.parseLong(b.arg(0));
                if (!e.event().equals(end)) {
                    problems.add("coroutine " + e.who() + " did '" + e.event() + "' right after '" + begin + " " + ms + "'");
                } else if (e.millis() < b.millis() + ms) {
                    problems.add("coroutine " + e.who() + " " + verb + " " + ms + " ms at " + b.millis() + " ms but resumed at "
                            + e.millis() + " ms" + (e.millis() == b.millis() ? ": sleep(ms > 0) did not suspend at all" : ""));
                }
            }
        }
        return problems;
    }

    /**
     * §4.1: a wait is refused ({@code busy}) exactly when another coroutine is waiting on that fd,
     * and a refused wait does not suspend (its refusal is the very next event).
     */
    static List<String> busyExactlyWhenAnotherWaits(Scenario s, Trace t) {
        List<String> problems = new ArrayList<>();
        List<TraceEvent> evs = parse(t);
        Map<String, String> waitingOn = new HashMap<>();
        Map<String, String> fdOf = new HashMap<>();
        for (int i = 0; i < evs.size(); i++) {
            TraceEvent e = evs.get(i);
            if (fdOf.containsKey(e.who())) {
                waitingOn.remove(fdOf.remove(e.who())); // the outcome of a suspended wait
            }
            if (e.event() != Event.WAIT) {
                continue;
            }
            String fd = e.arg(0);
            TraceEvent next = i + 1 < evs.size() ? evs.get(i + 1) : null;
            String holder = waitingOn.get(fd);
            if (next != null && next.who().equals(e.who()) && next.event() == Event.BUSY) {
                if (holder == null) {
                    problems.add("coroutine " + e.who() + " was refused fd " + fd + " at " + e.millis() + " ms though nobody waited on it");
                }
            } else if (next != null && next.who().equals(e.who()) && next.event() == Event.EBADF) {
                continue;
            } else if (holder != null) {
                problems.add("coroutine " + e.who() + " was allowed to wait on fd " + fd + " at " + e.millis()
                        + " ms while coroutine " + holder + " waited on it; the second waiter must get a clear error");
            } else {
                waitingOn.put(fd, e.who());
                fdOf.put(e.who(), fd);
            }
        }
        return problems;
    }

    /**
     * §4.2: nobody is woken by an fd it does not wait on: no sleeper wakes before its deadline,
     * and a wait ends {@code ready} only on an fd that something made readable (a send from the
     * peer, or the peer closed).
     */
    static List<String> noWakeWithoutWaiter(Scenario s, Trace t) {
        List<String> problems = new ArrayList<>(sleepersNotWokenEarly(t));
        Set<Integer> madeReadable = new HashSet<>();
        Map<String, Integer> waitingFd = new HashMap<>();
        for (TraceEvent e : parse(t)) {
            switch (e.event()) {
                case SEND -> {
                    if (e.arg(1).equals("ok")) {
                        madeReadable.add(Scenario.peerOf(Integer.parseInt(e.arg(0))));
                    }
                }
                case CLOSE -> madeReadable.add(Scenario.peerOf(Integer.parseInt(e.arg(0))));
                case WAIT -> waitingFd.put(e.who(), Integer.parseInt(e.arg(0)));
                case READY -> {
                    Integer fd = waitingFd.remove(e.who());
                    if (fd != null && !madeReadable.contains(fd)) {
                        problems.add("coroutine " + e.who() + " was woken 'ready' on fd " + fd + " at " + e.millis()
                                + " ms, but nothing ever made fd " + fd + " readable");
                    }
                }
                default -> waitingFd.remove(e.who());
            }
        }
        return problems;
    }

    /** §3.6: every suspending call the main thread attempted outside a coroutine was refused. */
    static List<String> outsideRefused(Scenario s, Trace t) {
        List<String> problems = new ArrayList<>();
        for (var o : s.outside()) {
            String prefix = "0 " + TraceEvent.MAIN + " " + o.text() + " ";
            String seen = t.events().stream().filter(e -> e.startsWith(prefix)).findFirst().orElse(null);
            if (seen == null) {
                problems.add("no outcome reported for '" + o.text() + "' outside a coroutine");
            } else if (!seen.equals(prefix + Model.REFUSED)) {
                problems.add("'" + o.text() + "' outside a coroutine should fail with a clear error, but: '"
                        + seen.substring(prefix.length()) + "'");
            }
        }
        return problems;
    }

    /** §3.5: run() returns (and does not throw) once nothing is left. */
    static List<String> runReturns(Scenario s, Trace t) {
        List<String> ev = t.events();
        String last = ev.isEmpty() ? "" : ev.get(ev.size() - 1);
        if (!last.endsWith(" " + TraceEvent.MAIN + " " + Event.RETURNED.token())) {
            return List.of("the scenario did not end with run() returning; last event: '" + last + "'");
        }
        return List.of();
    }

    /** No rule-specific check beyond the harness's observations and the model. */
    static List<String> none(Scenario s, Trace t) {
        return List.of();
    }
}
