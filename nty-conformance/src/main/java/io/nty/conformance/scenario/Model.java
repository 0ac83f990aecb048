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
 * <p>Per direction (§4.1): a reader ({@code wait}) and a writer ({@code wwait}) may wait on one fd
 * at once, each woken by its own readiness — readable while bytes are buffered or the peer is
 * closed, writable unless a {@code fill} filled its path and the peer has not drained it since, or
 * the peer is closed — and both by a close; a second reader or second writer gets "busy". The §6
 * steps: park returns at once on a permit an earlier unpark left, else suspends until an unpark
 * queues it at the ready tail (§6.1); join returns the joined coroutine's outcome when it ends
 * (its joiners join the ready tail in join order), at once if it has ended, and "cycle" for itself
 * or a cycle (§6.2); cancel ends a NEW coroutine at once, queues a suspended one at the tail to
 * report "cancelled" at its suspension point, and leaves a running one to report it at its next
 * suspending call (§6.3).
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
    public static final String STUCK = Event.STUCK.token();
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
    /** The writers ({@code wwait}) per fd, beside the readers in {@link #waiters} (§4.1). */
    private final Map<Integer, Co> writers = new TreeMap<>();
    /** Every coroutine created, by creation index (= its id, §1.1), for unpark, join and cancel. */
    private final List<Co> all = new ArrayList<>();
    /** Parked coroutines (§6.1): they keep run() going, so if only they are left the scenario is stuck. */
    private final Set<Co> parked = new LinkedHashSet<>();
    /** Per fd: its path to the peer is full (a {@code fill}), until the peer drains it (§4.1). */
    private boolean[] full;
    /** Whether the scenario reached a choice the rules leave open beyond the {@link Interpretation}s. */
    private boolean leavesOpen;
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
        this.full = new boolean[buffered.length];
    }

    /**
     * {@return the trace the rules require under that interpretation}
     *
     * @param scenario the scenario
     * @param how the interpretation of the open choices
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
     * {@return whether the rules fix what the scenario does: it does not get stuck (a coroutine
     * parked or waiting forever keeps {@code run()} from returning, §3.5), and no
     * coroutine cancelled while running meets a call the rules do not say is a
     * suspension point in that case (a park with a permit, a join of an ended coroutine
     * or of a cycle, a wait refused as busy); generators keep only such scenarios}
     *
     * @param scenario the scenario
     */
    public static boolean definite(Scenario scenario) {
        for (Interpretation i : Interpretation.all()) {
            Model m = new Model(scenario, i, List.of());
            m.main();
            if (m.leavesOpen || m.events.get(m.events.size() - 1).endsWith(" main " + STUCK)) {
                return false;
            }
        }
        return true;
    }

    /**
     * {@return the distinct traces the rules allow, one per interpretation that yields a new one,
     * the {@link Interpretation#NTY} one first}
     *
     * @param scenario the scenario
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
     * {@return empty if some interpretation allows the trace, else the first difference from the
     * closest allowed trace (the one agreeing longest)}
     *
     * @param observed a trace an implementation produced
     * @param scenario the scenario it ran
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

    /**
     * {@return the allowed trace that agrees with {@code observed} longest (an equal one, if allowed)}
     *
     * @param observed a trace an implementation produced
     * @param scenario the scenario it ran
     */
    public static Trace closest(Trace observed, Scenario scenario) {
        Trace best = null;
        int bestAt = -1;
        for (Trace t : allowed(scenario, observed.ordered())) {
            if (observed.differenceFrom(t).isEmpty()) {
                return t;
            }
            int at = commonPrefix(observed.ordered(), t.ordered());
            if (at > bestAt) {
                bestAt = at;
                best = t;
            }
        }
        return best;
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
        /** The event its pending suspension reports when resumed, e.g. {@link Event#WOKE} or {@link Event#TIMEOUT}. */
        Event onResume;
        /** The arguments of {@link #onResume}, e.g. {@code rID} after {@code joined}. */
        Object[] onResumeArgs = {};
        int waitFd = -1;
        /** The fd of the hook {@code recv} it waits in, or -1: on readiness it receives, then reports. */
        int hookFd = -1;
        long deadline;
        long seq;
        /** Whether its wait is a {@code wwait} (it sits in {@code writers}) rather than a read wait. */
        boolean waitWrite;
        /** Made by {@code spawnr}: its result is {@code rID} (§6.2). */
        boolean withResult;
        /** §6.1: an unpark came while it was not parked. */
        boolean permit;
        /** §6.3: cancelled; its next suspension point (or the one it is queued from) reports it. */
        boolean cancelPending;
        /** Its function ended (exit, throw, cancellation, or cancelled while NEW). */
        boolean ended;
        /** What a join of it reports once it ended: {@code joined R}, {@code failed}, {@code failed-cancelled}. */
        Event outcome;
        /** The arguments of {@link #outcome}. */
        Object[] outcomeArgs = {};
        /** The coroutine it joins, or null. */
        Co joining;
        final List<Co> joiners = new ArrayList<>();

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
            events.add(TraceEvent.line(now, TraceEvent.MAIN, Event.CREATED, create(root).id));
            orderedCount++;
        }
        while (!ready.isEmpty() || !timed.isEmpty() || !waiters.isEmpty() || !writers.isEmpty() || !executed.isEmpty()) {
            if (!round()) {
                events.add(TraceEvent.line(now, TraceEvent.MAIN, Event.STUCK));
                return;
            }
        }
        if (!parked.isEmpty()) {
            events.add(TraceEvent.line(now, TraceEvent.MAIN, Event.STUCK));
            return;
        }
        events.add(TraceEvent.line(now, TraceEvent.MAIN, Event.RETURNED));
        for (int p : scenario.afterClose()) {
            events.add(TraceEvent.line(now, TraceEvent.MAIN, Event.EXECUTE_AFTER_CLOSE, p, REJECTED));
        }
    }

    private Co create(int program) {
        Co c = new Co(nextId++, scenario.programs().get(program));
        all.add(c);
        ready.addLast(c);
        return c;
    }

    /** @return false if the scenario is stuck: only waiters without timeouts remain and no fd is ready */
    private boolean round() {
        while (!executed.isEmpty()) {
            all.remove(create(executed.pollFirst())); // like submitted tasks, no creation index for the §6 steps
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
                removeWaiter(next);
                next.onResume = Event.TIMEOUT;
            }
            resume(next);
        }
    }

    private void expireTimeouts() {
        for (Co c : List.copyOf(timed)) {
            if (c.waitFd >= 0 && c.deadline <= now && timed.contains(c)) {
                timed.remove(c);
                removeWaiter(c);
                c.onResume = Event.TIMEOUT;
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
        List<Co> woken = inGuidedOrder(readyWaiters());
        if (woken.isEmpty() && !anythingReady) {
            if (timed.isEmpty() && !submitted.isEmpty()) {
                executeSubmitted();
                return true;
            }
            if (timed.isEmpty()) {
                return waiters.isEmpty() && writers.isEmpty();
            }
            now = Math.max(now, timed.first().deadline);
        }
        for (Co w : woken) {
            if (w.waitFd >= 0) { // still waiting: an earlier resume of this poll may have closed its fd
                timed.remove(w);
                removeWaiter(w);
                w.onResume = Event.READY;
                resume(w);
            }
        }
        if (!how.timeoutsWithSleepers()) {
            expireTimeouts();
        }
        return true;
    }

    /** @return the waiters one poll finds ready, by fd, a fd's reader before its writer (§4.1: each by its own readiness) */
    private List<Co> readyWaiters() {
        TreeSet<Integer> fds = new TreeSet<>(waiters.keySet());
        fds.addAll(writers.keySet());
        List<Co> out = new ArrayList<>();
        for (int fd : fds) {
            Co r = waiters.get(fd);
            if (r != null && readable(fd)) {
                out.add(r);
            }
            Co w = writers.get(fd);
            if (w != null && writable(fd)) {
                out.add(w);
            }
        }
        return out;
    }

    /** Takes {@code c} out of the wait table (its direction's slot). */
    private void removeWaiter(Co c) {
        (c.waitWrite ? writers : waiters).remove(c.waitFd);
        c.waitFd = -1;
    }

    /**
     * The scheduler would block in its poll now, so the other threads' {@code execute} calls
     * happen and wake it (§1.3): each task becomes a coroutine at the ready tail, in submission order.
     */
    private void executeSubmitted() {
        while (!submitted.isEmpty()) {
            all.remove(create(submitted.pollFirst())); // §6 steps do not name submitted tasks (the protocol's creation index)
        }
    }

    /**
     * Orders one poll's ready fds as the guide resumed their waiters: by the position of each
     * waiter's first {@code ready} event from here on in the observed trace; fds the guide does
     * not show resumed keep ascending order, after the others.
     */
    private List<Co> inGuidedOrder(List<Co> cos) {
        if (guide.isEmpty() || cos.size() < 2) {
            return cos;
        }
        int from = orderedCount;
        List<Co> ordered = new ArrayList<>(cos);
        ordered.sort(Comparator.comparingInt(c -> positionOfReady(c.id, from)));
        return ordered;
    }

    /** The position of {@code id}'s first {@code word} event from {@code from} on in the guide. */
    private int positionOf(long id, int from, String word) {
        String who = " " + id + " ";
        for (int i = Math.max(0, from); i < guide.size(); i++) {
            String e = guide.get(i);
            int sp = e.indexOf(' ');
            if (e.startsWith(who, sp) && e.endsWith(who + word)) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private int positionOfReady(long id, int from) {
        String who = " " + id + " ";
        for (int i = Math.max(0, from); i < guide.size(); i++) {
            String e = guide.get(i);
            int sp = e.indexOf(' ');
            if (e.startsWith(who, sp) && (e.endsWith(who + Event.READY.token()) || e.contains(who + Event.READY_OTHER.token()))) {
                return i;
            }
        }
        return Integer.MAX_VALUE;
    }

    private boolean readable(int fd) {
        return !closed[fd] && (buffered[fd] > 0 || closed[Scenario.peerOf(fd)]);
    }

    /** Writable: not filled since the peer last drained it; a closed peer is a hang-up, readiness of both directions. */
    private boolean writable(int fd) {
        return !closed[fd] && (!full[fd] || closed[Scenario.peerOf(fd)]);
    }

    /** Resumes {@code c} and runs it until it suspends or ends (§3.1: no preemption). */
    private void resume(Co c) {
        if (c.ended) {
            return; // cancelled while NEW: a tombstone in the ready queue, never run (§6.3)
        }
        if (!c.started) {
            c.started = true;
            emit(c, Event.START);
        } else if (c.cancelPending) {
            deliverCancellation(c);
            return;
        } else if (c.hookFd >= 0) {
            int fd = c.hookFd;
            c.hookFd = -1;
            emit(c, Event.GOT, c.onResume == Event.READY ? hookRecvNow(fd) : c.onResume.token());
        } else {
            emit(c, c.onResume, c.onResumeArgs);
            c.onResumeArgs = new Object[0]; // only a join outcome carries arguments; the next suspension sets its own
        }
        while (c.pc < c.program.size()) {
            Step s = c.program.steps().get(c.pc++);
            if (!runStep(c, s)) {
                return;
            }
        }
        emit(c, Event.EXIT);
        endJoined(c);
    }

    /** The function returned: a join reports {@code joined rID} ({@code spawnr}) or {@code joined null}. */
    private void endJoined(Co c) {
        end(c, Event.JOINED, c.withResult ? "r" + c.id : "null");
    }

    /** §6.2: the coroutine's function ended; its joiners join the ready tail in the order they joined. */
    private void end(Co c, Event outcome, Object... args) {
        c.ended = true;
        c.outcome = outcome;
        c.outcomeArgs = args;
        c.pc = Integer.MAX_VALUE;
        for (Co j : c.joiners) {
            j.joining = null;
            suspendReady(j, outcome, args);
        }
        c.joiners.clear();
    }

    /** §6.3: the suspension point throws; the cancellation escapes the function, which ends (no exit, no handler). */
    private boolean deliverCancellation(Co c) {
        c.cancelPending = false;
        emit(c, Event.CANCELLED);
        end(c, Event.FAILED_CANCELLED);
        return false;
    }

    /** @return whether {@code c} keeps running after {@code s} */
    private boolean runStep(Co c, Step s) {
        switch (s) {
            case Step.Yield y -> {
                emit(c, Event.YIELD);
                if (c.cancelPending) {
                    return deliverCancellation(c);
                }
                return suspendReady(c, Event.RESUMED);
            }
            case Step.Sleep sl -> {
                emit(c, Event.SLEEP, sl.millis());
                if (c.cancelPending) {
                    return deliverCancellation(c);
                }
                if (sl.millis() == 0) {
                    return suspendReady(c, Event.WOKE);
                }
                c.deadline = now + sl.millis();
                c.seq = nextSeq++;
                c.onResume = Event.WOKE;
                timed.add(c);
                return false;
            }
            case Step.Spawn sp -> emit(c, Event.CREATED, create(sp.program()).id);
            case Step.Exit e -> {
                emit(c, Event.EXIT);
                endJoined(c);
                return false;
            }
            case Step.Throw t -> {
                emit(c, Event.THROW);
                emit(c, Event.UNCAUGHT);
                end(c, Event.FAILED);
                return false;
            }
            case Step.Tick t -> {
                now += t.millis();
                emit(c, Event.TICK, t.millis());
            }
            case Step.WaitRead w -> {
                return waitRead(c, w);
            }
            case Step.Send x -> emit(c, Event.SEND, x.fd(), send(x.fd()));
            case Step.Recv x -> emit(c, Event.RECV, x.fd(), recv(x.fd()));
            case Step.Close x -> emit(c, Event.CLOSE, x.fd(), close(x.fd()));
            case Step.HookSend x -> {
                emitStep(c, x.text());
                emit(c, Event.SENT, hookSend(x.fd(), x.bytes()));
            }
            case Step.HookRecv x -> {
                return hookRecv(c, x);
            }
            case Step.WhichThread w -> emit(c, Event.THREAD, OWNER_THREAD);
            case Step.Foreign f -> emitStep(c, f.text() + " " + REFUSED);
            case Step.Submit x -> {
                submitted.addLast(x.program());
                emitStep(c, x.text());
            }
            case Step.WaitWrite w -> {
                return waitWrite(c, w);
            }
            case Step.Fill x -> emit(c, Event.FILL, x.fd(), fill(x.fd()));
            case Step.Drain x -> emit(c, Event.DRAIN, x.fd(), drain(x.fd()));
            case Step.SpawnResult sp -> {
                Co child = create(sp.program());
                child.withResult = true;
                emit(c, Event.CREATED, child.id);
            }
            case Step.Park p -> {
                return park(c);
            }
            case Step.Unpark u -> emitStep(c, u.text() + " " + unpark(u.target()));
            case Step.Join j -> {
                return join(c, j);
            }
            case Step.Cancel x -> emitStep(c, x.text() + " " + cancel(c, x.target()));
            case Step.Execute x -> {
                executed.addLast(x.program());
                emitStep(c, x.text());
            }
            case Step.Post x -> {
                executed.addLast(x.program());
                emitStep(c, x.text());
            }
        }
        return true;
    }

    private boolean waitWrite(Co c, Step.WaitWrite w) {
        emitStep(c, w.text());
        if (closed[w.fd()]) {
            emit(c, Event.EBADF);
            return true;
        }
        if (c.cancelPending) {
            leavesOpen |= writers.containsKey(w.fd());
            return deliverCancellation(c);
        }
        if (writers.containsKey(w.fd())) {
            emit(c, Event.BUSY);
            return true;
        }
        writers.put(w.fd(), c);
        c.waitFd = w.fd();
        c.waitWrite = true;
        c.seq = nextSeq++;
        if (w.timeoutMillis() > 0) {
            c.deadline = now + w.timeoutMillis();
            timed.add(c);
        }
        return false;
    }

    /** §6.1: a permit left by an earlier unpark is used up and park returns at once. */
    private boolean park(Co c) {
        emit(c, Event.PARK);
        if (c.cancelPending) {
            leavesOpen |= c.permit;
            return deliverCancellation(c);
        }
        if (c.permit) {
            c.permit = false;
            emit(c, Event.UNPARKED);
            return true;
        }
        c.onResume = Event.UNPARKED;
        parked.add(c);
        return false;
    }

    /** §6.1: a parked coroutine goes to the ready tail; any other (not ended) keeps a permit, nothing else. */
    private String unpark(int target) {
        if (target >= all.size()) {
            return "none";
        }
        Co t = all.get(target);
        if (parked.remove(t)) {
            ready.addLast(t);
        } else if (!t.ended) {
            t.permit = true;
        }
        return "ok";
    }

    /** §6.2. */
    private boolean join(Co c, Step.Join j) {
        emitStep(c, j.text());
        if (j.target() >= all.size()) {
            emit(c, Event.NONE);
            return true;
        }
        Co t = all.get(j.target());
        for (Co x = t; x != null; x = x.joining) {
            if (x == c) {
                leavesOpen |= c.cancelPending;
                emit(c, Event.CYCLE);
                return true;
            }
        }
        if (t.ended) {
            leavesOpen |= c.cancelPending;
            emit(c, t.outcome, t.outcomeArgs);
            return true;
        }
        if (c.cancelPending) {
            return deliverCancellation(c);
        }
        c.joining = t;
        t.joiners.add(c);
        return false;
    }

    /** §6.3. */
    private String cancel(Co self, int target) {
        if (target >= all.size()) {
            return "none";
        }
        Co t = all.get(target);
        if (t.ended || t.cancelPending) {
            return "ok";
        }
        if (!t.started) {
            end(t, Event.FAILED_CANCELLED); // NEW: never runs; stays in the ready queue as a tombstone
            return "ok";
        }
        if (t == self || ready.contains(t)) {
            t.cancelPending = true;
            return "ok";
        }
        timed.remove(t);
        if (t.waitFd >= 0) {
            removeWaiter(t);
        }
        t.hookFd = -1;
        parked.remove(t);
        if (t.joining != null) {
            t.joining.joiners.remove(t);
            t.joining = null;
        }
        t.cancelPending = true;
        ready.addLast(t);
        return "ok";
    }

    private boolean suspendReady(Co c, Event onResume, Object... args) {
        c.onResume = onResume;
        c.onResumeArgs = args;
        ready.addLast(c);
        return false;
    }

    private boolean waitRead(Co c, Step.WaitRead w) {
        emit(c, Event.WAIT, w.fd(), w.timeoutMillis());
        if (closed[w.fd()]) {
            emit(c, Event.EBADF);
            return true;
        }
        if (c.cancelPending) {
            leavesOpen |= waiters.containsKey(w.fd());
            return deliverCancellation(c);
        }
        if (waiters.containsKey(w.fd())) {
            emit(c, Event.BUSY);
            return true;
        }
        waiters.put(w.fd(), c);
        c.waitWrite = false;
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
        emitStep(c, x.text());
        if (closed[x.fd()] || readable(x.fd())) {
            emit(c, Event.GOT, hookRecvNow(x.fd()));
            return true;
        }
        if (waiters.containsKey(x.fd())) {
            emit(c, Event.GOT, Event.BUSY.token());
            return true;
        }
        c.hookFd = x.fd();
        c.waitWrite = false;
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
        if (full[fd]) {
            return "eagain";
        }
        buffered[peer]++;
        return "ok";
    }

    /** Writes until full: the peer has bytes to read, and {@code fd} is not writable until the peer drains (§4.1). */
    private String fill(int fd) {
        if (closed[fd]) {
            return "ebadf";
        }
        int peer = Scenario.peerOf(fd);
        if (closed[peer]) {
            return "epipe";
        }
        buffered[peer]++;
        full[fd] = true;
        return "ok";
    }

    private String drain(int fd) {
        if (closed[fd]) {
            return "ebadf";
        }
        if (buffered[fd] > 0) {
            buffered[fd] = 0;
            full[Scenario.peerOf(fd)] = false;
            return "ok";
        }
        return closed[Scenario.peerOf(fd)] ? "eof" : "eagain";
    }

    private String recv(int fd) {
        if (closed[fd]) {
            return "ebadf";
        }
        if (buffered[fd] > 0) {
            int n = buffered[fd];
            buffered[fd] = 0;
            full[Scenario.peerOf(fd)] = false;
            return Integer.toString(n);
        }
        return closed[Scenario.peerOf(fd)] ? "eof" : "eagain";
    }

    private String close(int fd) {
        if (closed[fd]) {
            return "ebadf";
        }
        List<Co> woken = new ArrayList<>();
        for (Co w : new Co[] {waiters.get(fd), writers.get(fd)}) {
            if (w != null) {
                woken.add(w);
            }
        }
        closed[fd] = true;
        buffered[fd] = 0;
        if (woken.isEmpty()) {
            return "none";
        }
        if (woken.size() == 2 && !guide.isEmpty()) { // the order a close queues reader and writer is the implementation's
            int from = orderedCount;
            woken.sort(Comparator.comparingInt(w -> positionOf(w.id, from, Event.CLOSED.token())));
        }
        for (Co w : woken) {
            timed.remove(w);
            removeWaiter(w);
            suspendReady(w, Event.CLOSED);
        }
        return "woke";
    }

    private void emit(Co c, Event event, Object... args) {
        events.add(TraceEvent.line(now, c.id, event, args));
        if (event != Event.UNCAUGHT) {
            orderedCount++;
        }
    }

    /** Emits a step's own text (hook, submit and foreign steps print it as their event). */
    private void emitStep(Co c, String stepText) {
        events.add(now + " " + c.id + " " + stepText);
        orderedCount++;
    }
}
