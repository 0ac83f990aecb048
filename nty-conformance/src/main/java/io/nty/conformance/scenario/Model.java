package io.nty.conformance.scenario;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The reference model: computes the exact trace the rules allow for a scenario, in plain Java
 * with no threads, no IO and no clock but a counter.
 *
 * <p>What it encodes: ids 0, 1, 2 … in creation order and new coroutines at the ready tail
 * (§1.1); create never switches (§1.2); the first resume starts the function, exactly once
 * (§2.1); exit and throw end only that coroutine (§2.2, §2.3); yield to the tail (§3.2); rounds
 * of (a) expired sleepers by (deadline, order of sleeping), (b) the ready snapshot FIFO, (c) IO
 * (§3.3); sleep for exactly its time when the clock is virtual and idles to the earliest
 * deadline (§3.4); run returns when nothing is left (§3.5); one waiter per fd, the second gets
 * "busy" (§4.1); only waiters are woken (§4.2); readiness, timeout or close wake a waiter,
 * readiness is never lost, close makes the waiter ready at the tail (§4.3); a task given to
 * {@code execute} while the scheduler runs becomes a coroutine at the start of the next round,
 * in submission order, before step (a) (§1.3).
 *
 * <p>Where the rules leave a choice, the {@link Interpretation} fixes it. The order in which one
 * poll's ready fds are resumed is the kernel's (or the poller's) choice, not the rules': when
 * checking an observed trace the model takes that order from the trace itself — the waiters of
 * one poll in the order the trace shows them resumed — and checks only that the set of fds woken
 * by each poll is right. Without a trace to follow it resumes them in ascending fd order (the
 * suite's simulated poller's order).
 */
public final class Model {

    /** The result of a scenario whose remaining waiters could never wake: its trace ends with this. */
    public static final String STUCK = "stuck";
    /** The outcome of a suspending call outside any coroutine, or of a foreign thread's create: it failed with a clear error (§3.6, §5.1). */
    public static final String REFUSED = "refused";
    /** The outcome of {@code execute} on a closed scheduler (§5.2). */
    public static final String REJECTED = "rejected";
    /** Where a coroutine runs: on its scheduler's thread (§5.1). */
    public static final String OWNER_THREAD = "owner";

    private final Scenario scenario;
    private final Interpretation how;
    /** The observed events to take one poll's resumption order from, or empty. */
    private final List<String> guide;
    private final List<String> events = new ArrayList<>();
    private final Deque<Co> ready = new ArrayDeque<>();
    private final TreeSet<Co> timed = new TreeSet<>(Comparator.comparingLong((Co c) -> c.deadline)
            .thenComparingLong(c -> c.seq));
    private final Map<Integer, Co> waiters = new TreeMap<>();
    /** Programs handed to another thread by {@code submit}, executed once the scheduler blocks (§1.3). */
    private final Deque<Integer> submitted = new ArrayDeque<>();
    /** Programs given to {@code execute} while the scheduler ran: coroutines at the start of the next round (§1.3). */
    private final Deque<Integer> executed = new ArrayDeque<>();
    private final int[] buffered;
    private final boolean[] closed;
    private long now;
    /** Events emitted so far without handler calls: this model's position in the guide. */
    private int orderedCount;
    private long nextId;
    private long nextSeq;

    private Model(Scenario scenario, Interpretation how, List<String> guide) {
        this.scenario = scenario;
        this.how = how;
        this.guide = guide;
        this.buffered = new int[Scenario.FIRST_FD + scenario.fdCount()];
        this.closed = new boolean[buffered.length];
    }

    /**
     * @param scenario the scenario
     * @param how the interpretation of the open choices
     * @return the trace the rules require under that interpretation
     */
    public static Trace expected(Scenario scenario, Interpretation how) {
        return expected(scenario, how, List.of());
    }

    /**
     * @param scenario the scenario
     * @param how the interpretation of the open choices
     * @param guide observed events whose order of resuming one poll's ready waiters the model follows
     * @return the trace the rules require
     */
    static Trace expected(Scenario scenario, Interpretation how, List<String> guide) {
        Model m = new Model(scenario, how, guide);
        m.main();
        return new Trace(m.events, List.of());
    }

    /**
     * @param scenario the scenario
     * @return the distinct traces the rules allow, one per interpretation that yields a new one,
     *         the {@link Interpretation#NTY} one first
     */
    public static List<Trace> allowed(Scenario scenario) {
        return allowed(scenario, List.of());
    }

    private static List<Trace> allowed(Scenario scenario, List<String> guide) {
        Set<Trace> traces = new LinkedHashSet<>();
        for (Interpretation i : Interpretation.all()) {
            traces.add(expected(scenario, i, guide));
        }
        return List.copyOf(traces);
    }

    /**
     * @param observed a trace an implementation produced
     * @param scenario the scenario it ran
     * @return empty if some interpretation allows the trace, else the first difference from the
     *         closest allowed trace (the one agreeing longest)
     */
    public static Optional<String> check(Trace observed, Scenario scenario) {
        String best = null;
        int bestAt = -1;
        for (Trace t : allowed(scenario, observed.ordered())) {
            Optional<String> d = observed.differenceFrom(t);
            if (d.isEmpty()) {
                return d;
            }
            int at = commonPrefix(observed.ordered(), t.ordered());
            if (at > bestAt) {
                bestAt = at;
                best = d.get();
            }
        }
        return Optional.ofNullable(best);
    }

    private static int commonPrefix(List<String> a, List<String> b) {
        int i = 0;
        while (i < a.size() && i < b.size() && a.get(i).equals(b.get(i))) {
            i++;
        }
        return i;
    }

    /** A coroutine of the model: its program counter and what it is suspended in. */
    private static final class Co {
        final long id;
        final Program program;
        int pc;
        boolean started;
        /** The event its pending suspension reports when resumed, e.g. "woke" or "timeout". */
        String onResume;
        int waitFd = -1;
        /** The fd of the hook {@code recv} it waits in, or -1: on readiness it receives, then reports. */
        int hookFd = -1;
        long deadline;
        long seq;

        Co(long id, Program program) {
            this.id = id;
            this.program = program;
        }
    }

    private void main() {
        for (Step o : scenario.outside()) {
            events.add(now + " main " + o.text() + " " + REFUSED);
            orderedCount++;
        }
        for (int root : scenario.roots()) {
            events.add(now + " main created " + create(root).id);
            orderedCount++;
        }
        while (!ready.isEmpty() || !timed.isEmpty() || !waiters.isEmpty() || !executed.isEmpty()) {
            if (!round()) {
                events.add(now + " main " + STUCK);
                return;
            }
        }
        events.add(now + " main returned");
        for (int p : scenario.afterClose()) {
            events.add(now + " main " + ScenarioText.EXECUTE_AFTER_CLOSE + " " + p + " " + REJECTED);
        }
    }

    private Co create(int program) {
        Co c = new Co(nextId++, scenario.programs().get(program));
        ready.addLast(c);
        return c;
    }

    /** @return false if the scenario is stuck: only waiters without timeouts remain and no fd is ready */
    private boolean round() {
        while (!executed.isEmpty()) {
            create(executed.pollFirst());
        }
        expireTimed(how.timeoutsWithSleepers(), how.expiryRechecked() ? -1 : now);
        int snapshot = ready.size();
        for (int i = 0; i < snapshot; i++) {
            resume(ready.pollFirst());
        }
        return pollIo();
    }

    /**
     * Round step (a): resumes expired entries of the sleep structure in (deadline, order).
     *
     * @param withWaiters whether expired wait timeouts are resumed here too
     * @param limit the time up to which deadlines count as expired, or -1 for "the clock now,
     *        read again after each resume"
     */
    private void expireTimed(boolean withWaiters, long limit) {
        while (true) {
            long bound = limit < 0 ? now : limit;
            Co next = timed.stream().filter(c -> withWaiters || c.waitFd < 0)
                    .filter(c -> c.deadline <= bound).findFirst().orElse(null);
            if (next == null) {
                return;
            }
            timed.remove(next);
            if (next.waitFd >= 0) {
                waiters.remove(next.waitFd);
                next.waitFd = -1;
                next.onResume = "timeout";
            }
            resume(next);
        }
    }

    private void expireTimeouts() {
        for (Co c : List.copyOf(timed)) {
            if (c.waitFd >= 0 && c.deadline <= now && timed.contains(c)) {
                timed.remove(c);
                waiters.remove(c.waitFd);
                c.waitFd = -1;
                c.onResume = "timeout";
                resume(c);
            }
        }
    }

    /**
     * Round step (c): poll without blocking; if nothing at all is ready, the virtual clock idles
     * to the earliest deadline (§3.3c, {@code MonotonicClock.advanceTo}).
     */
    private boolean pollIo() {
        boolean anythingReady = !ready.isEmpty() || !executed.isEmpty()
                || (!timed.isEmpty() && timed.first().deadline <= now);
        List<Integer> fds = inGuidedOrder(waiters.keySet().stream().filter(this::readable).toList());
        if (fds.isEmpty() && !anythingReady) {
            if (timed.isEmpty() && !submitted.isEmpty()) {
                executeSubmitted();
                return true;
            }
            if (timed.isEmpty()) {
                return waiters.isEmpty();
            }
            now = Math.max(now, timed.first().deadline);
        }
        for (int fd : fds) {
            Co w = waiters.remove(fd);
            if (w != null) {
                timed.remove(w);
                w.waitFd = -1;
                w.onResume = "ready";
                resume(w);
            }
        }
        if (!how.timeoutsWithSleepers()) {
            expireTimeouts();
        }
        return true;
    }

    /**
     * The scheduler would block in its poll now, so the other threads' {@code execute} calls
     * happen and wake it (§1.3): each task becomes a coroutine at the ready tail, in submission order.
     */
    private void executeSubmitted() {
        while (!submitted.isEmpty()) {
            create(submitted.pollFirst());
        }
    }

    /**
     * Orders one poll's ready fds as the guide resumed their waiters: by the position of each
     * waiter's first {@code ready} event from here on in the observed trace; fds the guide does
     * not show resumed keep ascending order, after the others.
     */
    private List<Integer> inGuidedOrder(List<Integer> fds) {
        if (guide.isEmpty() || fds.size() < 2) {
            return fds;
        }
        int from = orderedCount;
        List<Integer> ordered = new ArrayList<>(fds);
        ordered.sort(Comparator.comparingInt(fd -> positionOfReady(waiters.get(fd).id, from)));
        return ordered;
    }

    private int positionOfReady(long id, int from) {
        String who = " " + id + " ";
        for (int i = Math.max(0, from); i < guide.size(); i++) {
            String e = guide.get(i);
            int sp = e.indexOf(' ');
            if (e.startsWith(who, sp) && (e.endsWith(who + "ready") || e.contains(who + "ready-other"))) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private boolean readable(int fd) {
        return !closed[fd] && (buffered[fd] > 0 || closed[Scenario.peerOf(fd)]);
    }

    /** Resumes {@code c} and runs it until it suspends or ends (§3.1: no preemption). */
    private void resume(Co c) {
        if (!c.started) {
            c.started = true;
            emit(c, "start");
        } else if (c.hookFd >= 0) {
            int fd = c.hookFd;
            c.hookFd = -1;
            emit(c, "got " + (c.onResume.equals("ready") ? hookRecvNow(fd) : c.onResume));
        } else {
            emit(c, c.onResume);
        }
        while (c.pc < c.program.size()) {
            Step s = c.program.steps().get(c.pc++);
            if (!runStep(c, s)) {
                return;
            }
        }
        emit(c, "exit");
    }

    /** @return whether {@code c} keeps running after {@code s} */
    private boolean runStep(Co c, Step s) {
        switch (s) {
            case Step.Yield y -> {
                emit(c, "yield");
                return suspendReady(c, "resumed");
            }
            case Step.Sleep sl -> {
                emit(c, "sleep " + sl.millis());
                if (sl.millis() == 0) {
                    return suspendReady(c, "woke");
                }
                c.deadline = now + sl.millis();
                c.seq = nextSeq++;
                c.onResume = "woke";
                timed.add(c);
                return false;
            }
            case Step.Spawn sp -> emit(c, "created " + create(sp.program()).id);
            case Step.Exit e -> {
                emit(c, "exit");
                c.pc = Integer.MAX_VALUE;
                return false;
            }
            case Step.Throw t -> {
                emit(c, "throw");
                emit(c, Trace.UNCAUGHT);
                c.pc = Integer.MAX_VALUE;
                return false;
            }
            case Step.Tick t -> {
                now += t.millis();
                emit(c, "tick " + t.millis());
            }
            case Step.WaitRead w -> {
                return waitRead(c, w);
            }
            case Step.Send x -> emit(c, "send " + x.fd() + " " + send(x.fd()));
            case Step.Recv x -> emit(c, "recv " + x.fd() + " " + recv(x.fd()));
            case Step.Close x -> emit(c, "close " + x.fd() + " " + close(x.fd()));
            case Step.HookSend x -> {
                emit(c, x.text());
                emit(c, "sent " + hookSend(x.fd(), x.bytes()));
            }
            case Step.HookRecv x -> {
                return hookRecv(c, x);
            }
            case Step.WhichThread w -> emit(c, "thread " + OWNER_THREAD);
            case Step.Foreign f -> emit(c, f.text() + " " + REFUSED);
            case Step.Submit x -> {
                submitted.addLast(x.program());
                emit(c, x.text());
            }
            case Step.Execute x -> {
                executed.addLast(x.program());
                emit(c, x.text());
            }
            case Step.Post x -> {
                executed.addLast(x.program());
                emit(c, x.text());
            }
        }
        return true;
    }

    private boolean suspendReady(Co c, String onResume) {
        c.onResume = onResume;
        ready.addLast(c);
        return false;
    }

    private boolean waitRead(Co c, Step.WaitRead w) {
        emit(c, "wait " + w.fd() + " " + w.timeoutMillis());
        if (closed[w.fd()]) {
            emit(c, "ebadf");
            return true;
        }
        if (waiters.containsKey(w.fd())) {
            emit(c, "busy");
            return true;
        }
        waiters.put(w.fd(), c);
        c.waitFd = w.fd();
        c.seq = nextSeq++;
        if (w.timeoutMillis() > 0) {
            c.deadline = now + w.timeoutMillis();
            timed.add(c);
        }
        return false;
    }

    /** §4.5: a hook send writes everything unless the peer is gone (EPIPE, no SIGPIPE). */
    private String hookSend(int fd, int bytes) {
        if (closed[fd]) {
            return "EBADF";
        }
        if (closed[Scenario.peerOf(fd)]) {
            return "EPIPE";
        }
        buffered[Scenario.peerOf(fd)] += bytes;
        return Integer.toString(bytes);
    }

    /** §4.4: a hook recv returns what is there at once; on an empty socket it waits like {@code wait}, suspending only the coroutine. */
    private boolean hookRecv(Co c, Step.HookRecv x) {
        emit(c, x.text());
        if (closed[x.fd()] || readable(x.fd())) {
            emit(c, "got " + hookRecvNow(x.fd()));
            return true;
        }
        if (waiters.containsKey(x.fd())) {
            emit(c, "got busy");
            return true;
        }
        c.hookFd = x.fd();
        waiters.put(x.fd(), c);
        c.waitFd = x.fd();
        c.seq = nextSeq++;
        if (x.timeoutMillis() > 0) {
            c.deadline = now + x.timeoutMillis();
            timed.add(c);
        }
        return false;
    }

    /** @return what a hook recv on a readable or closed fd returns: bytes, 0 at end of stream (§4.5), or EBADF */
    private String hookRecvNow(int fd) {
        if (closed[fd]) {
            return "EBADF";
        }
        int n = Math.min(buffered[fd], Step.HookRecv.MAX);
        buffered[fd] -= n;
        return Integer.toString(n);
    }

    private String send(int fd) {
        if (closed[fd]) {
            return "ebadf";
        }
        int peer = Scenario.peerOf(fd);
        if (closed[peer]) {
            return "epipe";
        }
        buffered[peer]++;
        return "ok";
    }

    private String recv(int fd) {
        if (closed[fd]) {
            return "ebadf";
        }
        if (buffered[fd] > 0) {
            int n = buffered[fd];
            buffered[fd] = 0;
            return Integer.toString(n);
        }
        return closed[Scenario.peerOf(fd)] ? "eof" : "eagain";
    }

    private String close(int fd) {
        if (closed[fd]) {
            return "ebadf";
        }
        Co w = waiters.remove(fd);
        closed[fd] = true;
        buffered[fd] = 0;
        if (w == null) {
            return "none";
        }
        timed.remove(w);
        w.waitFd = -1;
        suspendReady(w, "closed");
        return "woke";
    }

    private void emit(Co c, String event) {
        events.add(now + " " + c.id + " " + event);
        if (!event.equals(Trace.UNCAUGHT)) {
            orderedCount++;
        }
    }
}
