package io.nty.conformance;

import io.nty.conformance.scenario.Event;
import io.nty.conformance.scenario.PrimitiveScenarioGenerators;
import io.nty.conformance.scenario.Scenario;
import io.nty.conformance.scenario.Step;
import io.nty.conformance.scenario.Trace;
import io.nty.conformance.scenario.TraceEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * §4.1 in its per-direction form, checked through the writable-wait steps
 * ({@link Capability#WRITE_WAITS}): at most one coroutine waits to read an fd and at most one to
 * write it; a reader and a writer may wait at once, each woken only by its own readiness and both
 * by a close; a second reader or second writer is refused at once and the first is unaffected.
 *
 * <p>Fixed scenarios show each clause on its own, generated
 * scenarios ({@link PrimitiveScenarioGenerators#duplex()}) mix them; both fail only on {@link #perDirection},
 * the clause-by-clause invariant over the trace, and on what the harness saw of the poller
 * (a direction armed twice) — not on the order of events between coroutines, which is §3.3's and
 * §4.3's business, so an ordering fault is not reported under §4.1 too.
 */
final class DuplexWaitChecks {

    private static final int A = Scenario.FIRST_FD;
    private static final int B = Scenario.FIRST_FD + 1;

    private DuplexWaitChecks() {
    }

    /**
     * Verifies the per-direction form of §4.1.
     *
     * @param rule {@link Rule#R4_1}
     * @param target the implementation under test
     */
    static void verify(Rule rule, Target target) {
        target.require(rule, Capability.FD_WAITS);
        target.require(rule, Capability.VIRTUAL_CLOCK);
        target.require(rule, Capability.WRITE_WAITS);
        fixed(rule, target, "a reader and a writer wait on one fd at once; a send wakes only the reader, a drain only the writer",
                Scenario.builder().pairs(1)
                        .program(new Step.WaitRead(A, 1000))
                        .program(new Step.Fill(A), new Step.WaitWrite(A, 1000))
                        .program(new Step.Yield(), new Step.Send(B), new Step.Yield(), new Step.Yield(), new Step.Drain(B))
                        .create(0).create(1).create(2).build());
        fixed(rule, target, "closing an fd wakes both its reader and its writer, as closed",
                Scenario.builder().pairs(1)
                        .program(new Step.WaitRead(A, 1000))
                        .program(new Step.Fill(A), new Step.WaitWrite(A, 1000))
                        .program(new Step.Yield(), new Step.Close(A))
                        .create(0).create(1).create(2).build());
        fixed(rule, target, "a second reader is refused at once while a writer waits too; the first reader is unaffected",
                Scenario.builder().pairs(1)
                        .program(new Step.WaitRead(A, 1000))
                        .program(new Step.Fill(A), new Step.WaitWrite(A, 1000))
                        .program(new Step.WaitRead(A, 1000))
                        .program(new Step.Yield(), new Step.Send(B), new Step.Yield(), new Step.Drain(B))
                        .create(0).create(1).create(2).create(3).build());
        fixed(rule, target, "a second writer is refused at once while a reader waits too; the first writer is unaffected",
                Scenario.builder().pairs(1)
                        .program(new Step.Fill(A), new Step.WaitWrite(A, 1000))
                        .program(new Step.WaitRead(A, 1000))
                        .program(new Step.WaitWrite(A, 1000))
                        .program(new Step.Yield(), new Step.Drain(B), new Step.Yield(), new Step.Send(B))
                        .create(0).create(1).create(2).create(3).build());
        fixed(rule, target, "a writer on a writable fd is ready at once; the reader on the same fd is not woken by it",
                Scenario.builder().pairs(1)
                        .program(new Step.WaitRead(A, 100))
                        .program(new Step.WaitWrite(A, 1000))
                        .create(0).create(1).build());
        generatedOnly(rule, target);
    }

    /**
     * Only the generated half of {@link #verify}: for the suite's own teeth, which show that
     * generated scenarios, not only the fixed ones, catch a fault.
     *
     * @param rule {@link Rule#R4_1}
     * @param target the implementation under test
     */
    static void generatedOnly(Rule rule, Target target) {
        target.require(rule, Capability.WRITE_WAITS);
        ScenarioProperty.verify(rule, target.runner(), PrimitiveScenarioGenerators.duplex(), DuplexWaitChecks::perDirection,
                ScenarioProperty.Mode.OWN_CHECKS, target.settings());
    }

    /**
     * §4.3 for writers too, when the implementation runs writable waits: readiness, timeout and
     * close wake readers and writers exactly as the model says (the duplex scenarios, whole trace).
     * Without {@link Capability#WRITE_WAITS} §4.3 rests on read waits alone, as before.
     *
     * @param rule {@link Rule#R4_3}
     * @param target the implementation under test
     */
    static void writersToo(Rule rule, Target target) {
        if (target.has(Capability.WRITE_WAITS)) {
            ScenarioProperty.verify(rule, target.runner(), PrimitiveScenarioGenerators.duplex(),
                    DuplexWaitChecks::timeoutsNotEarly, ScenarioProperty.Mode.MODEL, target.settings());
        }
    }

    /**
     * §4.3 for both directions: a {@code wait} or {@code wwait} with timeout T that suspended at t
     * times out at t + T or later (a refused or {@code ebadf} wait has no timeout).
     *
     * @param s the scenario
     * @param t the trace
     * @return the problems found
     */
    static List<String> timeoutsNotEarly(Scenario s, Trace t) {
        List<String> problems = new ArrayList<>();
        Map<String, TraceEvent> waiting = new HashMap<>();
        for (String line : t.ordered()) {
            TraceEvent e = TraceEvent.parse(line);
            TraceEvent w = waiting.remove(e.who());
            if (w != null && e.event() == Event.TIMEOUT) {
                long timeout = Long.parseLong(w.arg(1));
                if (timeout == 0 || e.millis() < w.millis() + timeout) {
                    problems.add("coroutine " + e.who() + " waited (" + w.event() + ") on fd " + w.arg(0) + " at " + w.millis()
                            + " ms with timeout " + timeout + " ms but timed out at " + e.millis() + " ms");
                }
            }
            if (e.event() == Event.WAIT || e.event() == Event.WWAIT) {
                waiting.put(e.who(), e);
            }
        }
        return problems;
    }

    private static void fixed(Rule rule, Target target, String what, Scenario s) {
        try {
            ScenarioProperty.checkOne(rule, target.runner(), DuplexWaitChecks::perDirection, ScenarioProperty.Mode.OWN_CHECKS, s);
        } catch (AssertionError e) {
            throw new RuleViolation(rule, what + "\n" + e.getMessage() + "scenario:\n" + s.toString().indent(4));
        }
    }

    /** A suspended wait, as the trace shows it. */
    private static final class Pending {
        final int fd;
        final boolean write;
        final long since;
        /** Whether its direction was ready at some moment of the wait. */
        boolean wasReady;
        /** Whether another coroutine closed its fd during the wait. */
        boolean fdClosed;
        /** Since when its direction has been ready without interruption, or -1. */
        long readySince = -1;
        /** {@code tick} steps since then: only a tick moves the clock while an armed fd is ready. */
        int ticksSinceReady;

        void update(boolean readyNow, long t) {
            wasReady |= readyNow;
            if (!readyNow) {
                readySince = -1;
            } else if (readySince < 0) {
                readySince = t;
                ticksSinceReady = 0;
            }
        }

        Pending(int fd, boolean write, long since) {
            this.fd = fd;
            this.write = write;
            this.since = since;
        }

        String role() {
            return write ? "write" : "read";
        }
    }

    /**
     * The per-direction invariant over one trace: a {@code wait} (reader) or {@code wwait}
     * (writer) is refused {@code busy} exactly when another coroutine waits on that fd in the
     * same direction — not when only the other direction is taken; a waiter resumes
     * {@code ready} only if its own direction was ready at some moment of its wait (readable:
     * bytes from a send or fill of the peer, or the peer closed; writable: not filled since the
     * peer last drained, or the peer closed), and does not time out if its direction had been
     * ready, since an earlier moment and without a {@code tick} in between (nothing else moves the
     * clock while an armed fd is ready); a close of an fd ends both its waits as
     * {@code closed}, and reports {@code woke} exactly when someone waited.
     *
     * @param s the scenario
     * @param t the trace
     * @return the problems found
     */
    static List<String> perDirection(Scenario s, Trace t) {
        List<String> problems = new ArrayList<>();
        Map<Integer, String> reader = new HashMap<>();
        Map<Integer, String> writer = new HashMap<>();
        Map<String, Pending> pending = new HashMap<>();
        Set<Integer> data = new HashSet<>();
        Set<Integer> full = new HashSet<>();
        Set<Integer> closed = new HashSet<>();
        List<TraceEvent> evs = t.ordered().stream().map(TraceEvent::parse).toList();
        for (int i = 0; i < evs.size(); i++) {
            TraceEvent e = evs.get(i);
            Pending p = pending.remove(e.who());
            if (p != null) {
                (p.write ? writer : reader).remove(p.fd, e.who());
                outcome(e, p, problems);
            }
            boolean write = e.event() == Event.WWAIT;
            if (e.event() == Event.WAIT || write) {
                int fd = Integer.parseInt(e.arg(0));
                TraceEvent next = i + 1 < evs.size() ? evs.get(i + 1) : null;
                boolean refusedAtOnce = next != null && next.who().equals(e.who()) && next.event() == Event.BUSY;
                boolean ebadf = next != null && next.who().equals(e.who()) && next.event() == Event.EBADF;
                boolean cancelledAtOnce = next != null && next.who().equals(e.who()) && next.event() == Event.CANCELLED;
                Map<Integer, String> same = write ? writer : reader;
                Map<Integer, String> other = write ? reader : writer;
                String holder = same.get(fd);
                String role = write ? "write" : "read";
                if (refusedAtOnce) {
                    if (holder == null) {
                        problems.add("coroutine " + e.who() + " was refused to " + role + "-wait on fd " + fd + " at " + e.millis()
                                + " ms though nobody waited to " + role + " it" + (other.containsKey(fd)
                                ? " (coroutine " + other.get(fd) + " waited in the other direction: a reader and a writer may wait at once)"
                                : ""));
                    }
                    i++;
                } else if (ebadf || cancelledAtOnce) {
                    i++;
                } else if (holder != null) {
                    problems.add("coroutine " + e.who() + " was allowed to wait to " + role + " fd " + fd + " at " + e.millis()
                            + " ms while coroutine " + holder + " waited to " + role + " it; a second "
                            + (write ? "writer" : "reader") + " must get a clear error at once");
                } else {
                    same.put(fd, e.who());
                    Pending np = new Pending(fd, write, e.millis());
                    np.update(write ? writable(fd, full, closed) : readable(fd, data, closed), e.millis());
                    pending.put(e.who(), np);
                }
                continue;
            }
            change(e, data, full, closed, pending, reader, writer, problems);
        }
        return problems;
    }

    private static void outcome(TraceEvent e, Pending p, List<String> problems) {
        if (p.fdClosed && e.event() != Event.CLOSED && e.event() != Event.CANCELLED) {
            problems.add("coroutine " + e.who() + " waited to " + p.role() + " fd " + p.fd + ", which another coroutine closed,"
                    + " but resumed with '" + e.what() + "' instead of 'closed': a close ends the reader's and the writer's waits");
        } else if (e.event() == Event.TIMEOUT && p.readySince >= 0 && p.readySince < e.millis() && p.ticksSinceReady == 0) {
            problems.add("coroutine " + e.who() + " waited to " + p.role() + " fd " + p.fd + ", which was "
                    + (p.write ? "writable" : "readable") + " from " + p.readySince + " ms on, but timed out at " + e.millis()
                    + " ms: readiness during a wait must wake it (the first waiter is unaffected by others, §4.1, §4.3)");
        } else if (e.event() == Event.READY && !p.wasReady) {
            problems.add("coroutine " + e.who() + " waited (since " + p.since + " ms) to " + p.role() + " fd " + p.fd
                    + " and was woken 'ready' at " + e.millis() + " ms, but fd " + p.fd + " never became "
                    + (p.write ? "writable" : "readable") + " meanwhile: each waiter must be woken only by its own readiness");
        }
    }

    /** Applies an event's effect on the sockets, marking the waits it makes ready. */
    private static void change(TraceEvent e, Set<Integer> data, Set<Integer> full, Set<Integer> closed,
            Map<String, Pending> pending, Map<Integer, String> reader, Map<Integer, String> writer, List<String> problems) {
        if (e.event() == Event.TICK) {
            pending.values().forEach(p -> p.ticksSinceReady++);
            return;
        }
        if (e.args().size() < 2 || !e.arg(0).chars().allMatch(Character::isDigit)) {
            return;
        }
        int fd = Integer.parseInt(e.arg(0));
        int peer = Scenario.peerOf(fd);
        String result = e.arg(1);
        switch (e.event()) {
            case SEND -> {
                if (result.equals("ok")) {
                    data.add(peer);
                }
            }
            case FILL -> {
                if (result.equals("ok")) {
                    data.add(peer);
                    full.add(fd);
                }
            }
            case DRAIN, RECV -> {
                if (!result.equals("eagain") && !result.equals("ebadf") && !result.equals("eof")) {
                    data.remove(fd);
                    full.remove(peer);
                } else if (result.equals("eagain")) {
                    data.remove(fd);
                }
            }
            case CLOSE -> {
                if (!result.equals("ebadf")) {
                    boolean someone = reader.containsKey(fd) || writer.containsKey(fd);
                    if (result.equals("none") && someone) {
                        problems.add("closing fd " + fd + " at " + e.millis() + " ms reported no waiter, but coroutine "
                                + (reader.containsKey(fd) ? reader.get(fd) : writer.get(fd)) + " waited on it");
                    } else if (result.equals("woke") && !someone) {
                        problems.add("closing fd " + fd + " at " + e.millis() + " ms reported a waiter woken, but nobody waited on it");
                    }
                    closed.add(fd);
                    for (Pending p : pending.values()) {
                        if (p.fd == fd) {
                            p.fdClosed = true;
                        }
                    }
                }
            }
            default -> {
                return;
            }
        }
        for (Pending p : pending.values()) {
            p.update(p.write ? writable(p.fd, full, closed) : readable(p.fd, data, closed), e.millis());
        }
    }

    private static boolean readable(int fd, Set<Integer> data, Set<Integer> closed) {
        return data.contains(fd) || closed.contains(Scenario.peerOf(fd));
    }

    private static boolean writable(int fd, Set<Integer> full, Set<Integer> closed) {
        return !full.contains(fd) || closed.contains(Scenario.peerOf(fd));
    }
}
