package io.nty.conformance.jvm;

import io.nty.api.Coroutine;
import io.nty.api.CoroutineCancelledException;
import io.nty.api.CoroutineFailedException;
import io.nty.api.JoinCycleException;
import io.nty.api.CoroutineFunction;
import io.nty.api.CoroutineState;
import io.nty.api.FdBusyException;
import io.nty.api.FdClosedException;
import io.nty.api.IoEvents;
import io.nty.api.NotInCoroutineException;
import io.nty.api.Scheduler;
import io.nty.api.WaitTimeoutException;
import io.nty.api.WrongThreadException;
import io.nty.api.spi.VirtualClock;
import io.nty.conformance.Rule;
import io.nty.conformance.SocketHooks;
import io.nty.conformance.scenario.Event;
import io.nty.conformance.scenario.Model;
import io.nty.conformance.scenario.Program;
import io.nty.conformance.scenario.Scenario;
import io.nty.conformance.scenario.Step;
import io.nty.conformance.scenario.Trace;
import io.nty.conformance.scenario.TraceEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;

/**
 * One scenario running on one scheduler: the coroutine functions that interpret the programs,
 * the event log, and the direct observations of rule violations (a function started twice, a
 * coroutine resumed while another still ran, a foreign thread).
 *
 * <p>The log is synchronized because a broken implementation might run coroutines on several
 * threads; the checks exist to catch exactly that.
 */
final class ScenarioExecution {

    private final Scenario scenario;
    private final VirtualClock clock;
    private final ScenarioSockets net;
    /** The implementation's socket hooks, for the hook steps; empty when it has none (or fds are simulated). */
    private final java.util.Optional<SocketHooks> hooks;
    private final List<String> events = Collections.synchronizedList(new ArrayList<>());
    private final List<Trace.Violation> violations = Collections.synchronizedList(new ArrayList<>());
    private final List<Coroutine> created = Collections.synchronizedList(new ArrayList<>());
    private Scheduler scheduler;
    /** The thread that called {@code run()}: the only one coroutines may run on (§5.1). */
    private Thread owner;
    /** The coroutine between a resume and its next suspension, or null: §3.1 says at most one. */
    private volatile String running;
    /** True while the harness is inside {@code create}: a function starting then breaks §1.1/§1.2. */
    private volatile boolean inCreate;
    /** Stops the coroutine functions once the runner abandons the scenario. */
    private final ScenarioGuard guard;
    /** The virtual time the clock started at: traces count from it, so they start at 0 whatever it is. */
    private final long originNanos;
    /** Every coroutine by id, for the state checks. */
    private final java.util.Map<String, Coroutine> byId = new java.util.concurrent.ConcurrentHashMap<>();
    /** The coroutine that suspended (or ended) last, and the state it must be in until resumed. */
    private volatile Coroutine lastSuspended;
    private volatile CoroutineState lastSuspendedState;

    ScenarioExecution(Scenario scenario, VirtualClock clock, ScenarioSockets net, java.util.Optional<SocketHooks> hooks,
            ScenarioGuard guard) {
        this.guard = guard;
        this.scenario = scenario;
        this.clock = clock;
        this.net = net;
        this.hooks = hooks;
        this.originNanos = clock.nanoTime();
    }

    /** The argument of every coroutine: its program, and whether its function has started. */
    private static final class Activation {
        final Program program;
        volatile boolean started;

        Activation(Program program) {
            this.program = program;
        }
    }

    /** The exception a {@code throw} step throws, so the handler can recognise it. */
    static final class ScenarioThrow extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ScenarioThrow(String who) {
            super("thrown by scenario step 'throw' in coroutine " + who, null, false, false);
        }
    }

    void runOn(Scheduler s) {
        scheduler = s;
        owner = Thread.currentThread();
        for (Step o : scenario.outside()) {
            mainText(o.text() + " " + outside(o));
        }
        for (int root : scenario.roots()) {
            Coroutine c = create(root, "main");
            mainEvent(Event.CREATED, c.id());
        }
        try {
            s.run();
            mainEvent(Event.RETURNED);
        } catch (RuntimeException | Error e) {
            mainEvent(Event.RUN_THREW, e.getClass().getSimpleName());
        }
        for (Coroutine c : List.copyOf(byId.values())) {
            if (c.state() != CoroutineState.EXITED) {
                violations.add(new Trace.Violation(Rule.R3_5, "run() returned while coroutine " + c.id()
                        + " was " + c.state() + "; every program ends, so every coroutine must have EXITED"));
            }
        }
        for (int p : scenario.afterClose()) {
            mainEvent(Event.EXECUTE_AFTER_CLOSE, p, executeAfterClose(p));
        }
    }

    /** §5.2: an Executor that is shut down rejects new tasks. */
    private String executeAfterClose(int program) {
        scheduler.close();
        try {
            scheduler.execute(task(program));
            return "accepted";
        } catch (RejectedExecutionException e) {
            return Model.REJECTED;
        } catch (RuntimeException e) {
            return Event.ERROR.token() + " " + e.getClass().getSimpleName();
        }
    }

    /** @return a task for {@code Executor.execute} that runs {@code program} as the coroutine it becomes */
    private Runnable task(int program) {
        Activation act = new Activation(scenario.programs().get(program));
        return () -> body(act);
    }

    /** §3.6: a suspending call outside any coroutine must fail with NotInCoroutineException. */
    private String outside(Step o) {
        try {
            switch (o) {
                case Step.Yield y -> scheduler.yieldNow();
                case Step.Sleep sl -> scheduler.sleep(sl.millis());
                case Step.WaitRead w -> scheduler.await(net.schedulerFd(w.fd()), IoEvents.READ, w.timeoutMillis());
                default -> throw new IllegalArgumentException(o.text());
            }
            return "allowed";
        } catch (NotInCoroutineException e) {
            return Model.REFUSED;
        } catch (RuntimeException e) {
            return Event.ERROR.token() + " " + e.getClass().getSimpleName();
        }
    }

    private Coroutine create(int program, String creator) {
        CoroutineFunction<Activation> body = this::body;
        inCreate = true;
        Coroutine c;
        try {
            c = scheduler.create(body, new Activation(scenario.programs().get(program)));
        } finally {
            inCreate = false;
        }
        created.add(c);
        byId.put(Long.toString(c.id()), c);
        CoroutineState state = c.state();
        if (state != CoroutineState.NEW) {
            violations.add(new Trace.Violation(Rule.R1_1, "coroutine " + c.id() + " is " + state
                    + " right after create() returned; a created coroutine is NEW until its first resume"));
        }
        if (!creator.equals("main") && !creator.equals(running)) {
            violations.add(new Trace.Violation(Rule.R1_2, "coroutine " + creator
                    + " called create() and something else ran before create() returned"));
        }
        return c;
    }

    void uncaught(Coroutine c, Throwable failure) {
        guard.check();
        events.add(TraceEvent.line(millis(), c.id(), Event.UNCAUGHT));
        if (c.state() != CoroutineState.EXITED) {
            violations.add(new Trace.Violation(Rule.R2_3, "the exception handler saw coroutine " + c.id()
                    + " in state " + c.state() + "; it must already be EXITED"));
        }
        if (!causedByScenario(failure)) {
            violations.add(new Trace.Violation(Rule.R2_3, "the exception handler got " + failure
                    + " instead of the exception coroutine " + c.id() + " threw"));
        }
    }

    private static boolean causedByScenario(Throwable t) {
        for (Throwable x = t; x != null; x = x.getCause()) {
            if (x instanceof ScenarioThrow) {
                return true;
            }
        }
        return false;
    }

    private void body(Activation act) {
        String me = scheduler.current().map(c -> Long.toString(c.id())).orElse("?");
        if (me.equals("?")) {
            violations.add(new Trace.Violation(Rule.R2_1, "Scheduler.current() is empty inside a coroutine function"));
        }
        if (inCreate) {
            violations.add(new Trace.Violation(Rule.R1_1, "the function of coroutine " + me
                    + " started inside create(); it must only start on the first resume"));
            violations.add(new Trace.Violation(Rule.R1_2, "create() switched to the new coroutine " + me
                    + " instead of returning to its caller"));
        }
        if (act.started) {
            violations.add(new Trace.Violation(Rule.R2_1, "the function of coroutine " + me + " was called twice"));
        }
        act.started = true;
        scheduler.current().ifPresent(c -> {
            // a task given to execute or submit never went through create() here; it carries no
            // creation index for the §6 steps (the protocol's numbering), so it is not in created
            byId.putIfAbsent(me, c);
        });
        enter(me);
        emit(me, Event.START);
        for (Step s : act.program.steps()) {
            if (!step(me, s)) {
                ending(me);
                return;
            }
        }
        emit(me, Event.EXIT);
        ending(me);
    }

    /** {@code me}'s function is about to return or throw: it must be EXITED from then on (§2.2). */
    private void ending(String me) {
        running = null;
        suspending(me, CoroutineState.EXITED);
    }

    /** Notes that {@code me} suspends (or ends) now, in {@code state}, to be checked at the next resume of another. */
    private void suspending(String me, CoroutineState state) {
        lastSuspended = byId.get(me);
        lastSuspendedState = state;
    }

    /**
     * The coroutine that suspended last is still suspended when the next one runs, unless this is
     * it: its state must say how it suspended. The rule is the one of the call it suspended in.
     */
    private void checkLastSuspended(String me) {
        Coroutine last = lastSuspended;
        CoroutineState expected = lastSuspendedState;
        lastSuspended = null;
        if (last == null || Long.toString(last.id()).equals(me)) {
            return;
        }
        CoroutineState state = last.state();
        if (state != expected) {
            Rule rule = switch (expected) {
                case READY -> Rule.R3_2;
                case SLEEPING -> Rule.R3_4;
                case WAITING -> Rule.R4_3;
                case PARKED -> Rule.R6_1;
                case JOINING -> Rule.R6_2;
                case EXITED -> Rule.R2_2;
                case NEW, RUNNING -> Rule.R3_1;
            };
            violations.add(new Trace.Violation(rule, "coroutine " + last.id() + " was " + state + " while coroutine " + me
                    + " ran after it had " + switch (expected) {
                        case READY -> "yielded: a yielding coroutine is READY";
                        case SLEEPING -> "gone to sleep: a sleeping coroutine is SLEEPING";
                        case WAITING -> "begun waiting on an fd: a waiting coroutine is WAITING";
                        case PARKED -> "parked: a parked coroutine is PARKED";
                        case JOINING -> "begun joining a coroutine that had not ended: a joining coroutine is JOINING";
                        case EXITED -> "ended: a coroutine whose function returned or threw is EXITED";
                        case NEW, RUNNING -> "suspended";
                    }));
        }
    }

    /** Notes that {@code me} runs now; §3.1 and §5.1 say nobody else may be running, on no other thread. */
    private void enter(String me) {
        checkLastSuspended(me);
        Coroutine self = byId.get(me);
        if (self != null && Thread.currentThread() == scheduler.thread() && self.state() != CoroutineState.RUNNING) {
            violations.add(new Trace.Violation(Rule.R3_1, "coroutine " + me + " runs but its state is " + self.state()
                    + ", not RUNNING"));
        }
        String other = running;
        if (other != null && !other.equals(me)) {
            violations.add(new Trace.Violation(Rule.R3_1, "coroutine " + me + " ran while coroutine "
                    + other + " had not yet yielded, slept, waited or exited"));
        }
        if (Thread.currentThread() != scheduler.thread()) {
            violations.add(new Trace.Violation(Rule.R5_1, "coroutine " + me + " ran on thread '"
                    + Thread.currentThread().getName() + "', not on its scheduler's thread"));
        }
        running = me;
    }

    /** @return whether the coroutine goes on to its next step */
    private boolean step(String me, Step s) {
        switch (s) {
            case Step.Yield y -> {
                emit(me, Event.YIELD);
                suspend(me, scheduler::yieldNow, Event.RESUMED, CoroutineState.READY);
            }
            case Step.Sleep sl -> {
                emit(me, Event.SLEEP, sl.millis());
                suspend(me, () -> scheduler.sleep(sl.millis()), Event.WOKE,
                        sl.millis() == 0 ? CoroutineState.READY : CoroutineState.SLEEPING);
            }
            case Step.Spawn sp -> emit(me, Event.CREATED, create(sp.program(), me).id());
            case Step.Exit e -> {
                emit(me, Event.EXIT);
                return false;
            }
            case Step.Throw t -> {
                emit(me, Event.THROW);
                ending(me);
                throw new ScenarioThrow(me);
            }
            case Step.Tick t -> {
                clock.advance(Duration.ofMillis(t.millis()));
                emit(me, Event.TICK, t.millis());
            }
            case Step.WaitRead w -> waitRead(me, w);
            case Step.Send x -> emit(me, Event.SEND, x.fd(), net.send(x.fd()));
            case Step.Recv x -> emit(me, Event.RECV, x.fd(), net.recv(x.fd()));
            case Step.Close x -> close(me, x.fd());
            case Step.HookRecv x -> {
                emitText(me, x.text());
                hook(me, Event.GOT, h -> h.recv(net.schedulerFd(x.fd()), Step.HookRecv.MAX, x.timeoutMillis()));
            }
            case Step.HookSend x -> {
                emitText(me, x.text());
                hook(me, Event.SENT, h -> h.send(net.schedulerFd(x.fd()), x.bytes()));
            }
            case Step.WhichThread w -> emit(me, Event.THREAD, Thread.currentThread() == owner ? Model.OWNER_THREAD : "other");
            case Step.Foreign f -> emitText(me, f.text() + " " + ForeignThread.outcome(() -> foreignCreate(f.program())));
            case Step.Submit x -> {
                emitText(me, x.text());
                ForeignThread.submitWhenBlocked(scheduler, task(x.program()), events::size,
                        m -> violations.add(new Trace.Violation(Rule.R1_3, m)));
            }
            case Step.WaitWrite w -> waitWrite(me, w);
            case Step.Fill x -> emit(me, Event.FILL, x.fd(), net.fill(x.fd()));
            case Step.Drain x -> emit(me, Event.DRAIN, x.fd(), net.drain(x.fd()));
            case Step.SpawnResult sp -> emit(me, Event.CREATED, createWithResult(sp.program(), me).id());
            case Step.Park p -> {
                emit(me, Event.PARK);
                suspend(me, scheduler::park, Event.UNPARKED, CoroutineState.PARKED);
            }
            case Step.Unpark u -> emitText(me, u.text() + " " + onCoroutine(u.target(), scheduler::unpark));
            case Step.Cancel x -> emitText(me, x.text() + " " + onCoroutine(x.target(), scheduler::cancel));
            case Step.Join j -> join(me, j);
            case Step.Execute x -> emitText(me, x.text() + executeOutcome(() -> {
                scheduler.execute(task(x.program()));
                return "";
            }));
            case Step.Post x -> {
                Runnable task = task(x.program());
                String outcome = ForeignThread.outcome(() -> {
                    scheduler.execute(task);
                    return "";
                });
                emitText(me, x.text() + (outcome.isEmpty() ? "" : " " + outcome));
            }
        }
        return true;
    }

    /** §6.2: {@code createWithResult}; the result is {@code rID}, the word {@code join} reports. */
    private Coroutine createWithResult(int program, String creator) {
        Activation act = new Activation(scenario.programs().get(program));
        Coroutine c = scheduler.createWithResult(a -> {
            String me = scheduler.current().map(x -> Long.toString(x.id())).orElse("?");
            body(a);
            return "r" + me;
        }, act);
        created.add(c);
        if (!creator.equals(running)) {
            violations.add(new Trace.Violation(Rule.R1_2, "coroutine " + creator
                    + " called createWithResult() and something else ran before it returned"));
        }
        return c;
    }

    /** Unpark or cancel the {@code index}-th coroutine created (§6.1, §6.3): never suspends. */
    private String onCoroutine(int index, java.util.function.Consumer<Coroutine> call) {
        Coroutine target;
        synchronized (created) {
            if (index >= created.size()) {
                return Event.NONE.token();
            }
            target = created.get(index);
        }
        try {
            call.accept(target);
            return "ok";
        } catch (RuntimeException e) {
            return Event.ERROR.token() + " " + e.getClass().getSimpleName();
        }
    }

    /** §6.2: join the {@code index}-th coroutine created; may suspend, may be cancelled (§6.3). */
    private void join(String me, Step.Join j) {
        emitText(me, j.text());
        Coroutine target;
        synchronized (created) {
            target = j.target() < created.size() ? created.get(j.target()) : null;
        }
        if (target == null) {
            emit(me, Event.NONE);
            return;
        }
        running = null;
        suspending(me, CoroutineState.JOINING); // a join of an ended coroutine or of a cycle returns at once: no check then
        String result;
        try {
            result = Event.JOINED.token() + " " + scheduler.join(target);
        } catch (CoroutineFailedException e) {
            result = (e.wasCancelled() ? Event.FAILED_CANCELLED : Event.FAILED).token();
        } catch (JoinCycleException e) {
            result = Event.CYCLE.token();
        } catch (CoroutineCancelledException e) {
            throw cancelled(me, e);
        } catch (RuntimeException e) {
            result = Event.ERROR.token() + " " + e.getClass().getSimpleName();
        }
        enter(me);
        emitText(me, result);
    }

    /**
     * §6.3: the coroutine was cancelled at a suspension point: report it, and let the
     * cancellation end the function (it must neither reach the handler nor count as a throw).
     */
    private CoroutineCancelledException cancelled(String me, CoroutineCancelledException e) {
        enter(me);
        emit(me, Event.CANCELLED);
        running = null;
        return e;
    }

    private void waitWrite(String me, Step.WaitWrite w) {
        emitText(me, w.text());
        awaitFd(me, w.fd(), IoEvents.WRITE, w.timeoutMillis());
    }

    /** @return "" if {@code call} returned, else " error NAME" */
    private static String executeOutcome(java.util.function.Supplier<String> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            return " " + Event.ERROR.token() + " " + e.getClass().getSimpleName();
        }
    }

    /** A hook call may suspend this coroutine (§4.4), so others may run meanwhile: it is not "running". */
    private void hook(String me, Event outcome, java.util.function.Function<SocketHooks, String> call) {
        SocketHooks h = hooks.orElseThrow(() -> new IllegalStateException("a hook step needs SOCKET_HOOKS"));
        running = null;
        String result;
        try {
            result = call.apply(h);
        } catch (RuntimeException e) {
            result = e.getClass().getSimpleName();
        }
        enter(me);
        emit(me, outcome, result);
    }

    /** Runs on a foreign thread: §5.1 says the scheduler must refuse it with WrongThreadException. */
    private String foreignCreate(int program) {
        try {
            created.add(scheduler.create(this::body, new Activation(scenario.programs().get(program))));
            return "allowed";
        } catch (WrongThreadException e) {
            return Model.REFUSED;
        } catch (RuntimeException e) {
            return Event.ERROR.token() + " " + e.getClass().getSimpleName();
        }
    }

    private void suspend(String me, Runnable op, Event resumedEvent, CoroutineState suspendedState) {
        running = null;
        suspending(me, suspendedState);
        String result = resumedEvent.token();
        try {
            op.run();
        } catch (CoroutineCancelledException e) {
            throw cancelled(me, e);
        } catch (RuntimeException e) {
            result = Event.ERROR.token() + " " + e.getClass().getSimpleName();
        }
        enter(me);
        emitText(me, result);
    }

    private void waitRead(String me, Step.WaitRead w) {
        emit(me, Event.WAIT, w.fd(), w.timeoutMillis());
        awaitFd(me, w.fd(), IoEvents.READ, w.timeoutMillis());
    }

    /**
     * One fd wait of a {@code wait} or {@code wwait} step, whose event is already emitted: emits
     * {@code ebadf} for a closed fd, else waits for {@code direction} (READ or WRITE) and emits
     * the outcome — ready, ready-other, busy, timeout, closed or error — or {@code cancelled}.
     */
    private void awaitFd(String me, int fd, int direction, long timeoutMillis) {
        if (net.isClosed(fd)) {
            emit(me, Event.EBADF);
            return;
        }
        net.enterAwait(fd, direction);
        running = null;
        suspending(me, CoroutineState.WAITING);
        String result;
        boolean suspended = true;
        try {
            int ev = scheduler.await(net.schedulerFd(fd), direction, timeoutMillis);
            result = (ev & direction) != 0 ? Event.READY.token() : Event.READY_OTHER.token() + " " + IoEvents.toString(ev);
        } catch (FdBusyException e) {
            result = Event.BUSY.token();
            suspended = false;
        } catch (WaitTimeoutException e) {
            result = Event.TIMEOUT.token();
        } catch (FdClosedException e) {
            result = Event.CLOSED.token();
        } catch (CoroutineCancelledException e) {
            net.leaveAwait(fd, direction, true, me);
            throw cancelled(me, e);
        } catch (RuntimeException e) {
            result = Event.ERROR.token() + " " + e.getClass().getSimpleName();
        }
        enter(me);
        net.leaveAwait(fd, direction, suspended, me);
        emitText(me, result);
    }

    private void close(String me, int fd) {
        if (net.isClosed(fd)) {
            emit(me, Event.CLOSE, fd, Event.EBADF.token());
            return;
        }
        boolean woke = scheduler.fdClosed(net.schedulerFd(fd));
        net.close(fd);
        emit(me, Event.CLOSE, fd, woke ? Event.WOKE.token() : "none");
    }

    private void emit(String who, Event event, Object... args) {
        guard.check();
        events.add(TraceEvent.line(millis(), who, event, args));
    }

    /** @return the virtual time since the scenario began, in whole milliseconds */
    private long millis() {
        return (clock.nanoTime() - originNanos) / 1_000_000L;
    }

    /** Records text that starts with an event's token: a step's own text, or an outcome computed above. */
    private void emitText(String who, String eventText) {
        guard.check();
        events.add(millis() + " " + who + " " + eventText);
    }

    void mainEvent(Event event, Object... args) {
        emit(TraceEvent.MAIN, event, args);
    }

    private void mainText(String eventText) {
        emitText(TraceEvent.MAIN, eventText);
    }

    List<String> events() {
        return List.copyOf(events);
    }

    List<Trace.Violation> violations() {
        return List.copyOf(violations);
    }
}
