package io.nty.scheduler;

import io.nty.api.Coroutine;
import io.nty.api.CoroutineCallable;
import io.nty.api.CoroutineCancelledException;
import io.nty.api.CoroutineExceptionHandler;
import io.nty.api.CoroutineFailedException;
import io.nty.api.CoroutineFunction;
import io.nty.api.CoroutinePinnedException;
import io.nty.api.CoroutineState;
import io.nty.api.FdBusyException;
import io.nty.api.FdClosedException;
import io.nty.api.IoDirection;
import io.nty.api.IoEvents;
import io.nty.api.JoinCycleException;
import io.nty.api.NotInCoroutineException;
import io.nty.api.ResultCoroutine;
import io.nty.api.Scheduler;
import io.nty.api.SchedulerClosedException;
import io.nty.api.WaitTimeoutException;
import io.nty.api.WrongThreadException;
import io.nty.api.spi.ContextSwitch;
import io.nty.api.spi.MonotonicClock;
import io.nty.api.spi.Poller;
import io.nty.api.spi.SchedulerBinding;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;

/**
 * The reference scheduler: NtyCo's {@code nty_schedule} and {@code nty_schedule_run} on the JVM.
 *
 * <p>Build one on the thread that will run it, with {@link #create()} or {@link #builder()}; it
 * binds itself to that thread (§5.1) until {@link #close()}. Coroutine contexts switch through
 * {@link ContinuationSwitch}. Unless the builder is given one, the IO poller is chosen when a
 * coroutine first waits on an fd (or {@link #pollerName()} asks): the highest-priority {@link
 * io.nty.api.spi.PollerProvider} on the class path (epoll, from {@code nty-socket}), or, if there is
 * none, a poller that waits on no fds. Until then the scheduler parks its thread, so a program
 * that never waits on an fd never loads nty-socket's native layer (jnr-ffi).
 *
 * <p>See {@link Scheduler} for the contract of each method; the rules it cites are implemented
 * here as: §1.1 {@link #create}; §2.1–2.3 {@link ScheduledCoroutine#run()} and {@link #resume};
 * §3.3 {@link #round()}; §3.5 {@link #run()}; §4.1–4.3 {@link #await}, {@link #fdClosed},
 * {@link #onReady} and {@link #onClosedElsewhere}; every wait ends in {@link #withdrawWait} or
 * {@link #endWait}; §6.1 {@link #park()} and {@link #unpark}; §6.2 {@link #join} and
 * {@link #exited}; §6.3 {@link #cancel} and the check after every suspension.
 */
public final class NtyScheduler implements Scheduler {

    /*
     * Invariants, all maintained on the owner thread:
     * - a coroutine is in at most one of: the ready queue, `current`; and a WAITING coroutine
     *   with a timeout is in both the wait table and the sleep queue;
     * - state READY or NEW <=> in the ready queue; SLEEPING => in the sleep queue; WAITING <=>
     *   in the wait table in each direction of its waitEvents, with exactly those directions of
     *   its fd armed in the poller (a reader and a writer of one fd together arm the union);
     * - `current` is non-null exactly while a coroutine's context is running;
     * - `running` is true exactly while run() is on the stack;
     * - PARKED => in no queue, counted in `parked`; JOINING => in its target's `joiners`, with
     *   `joining` set to that target; the `joining` links never form a cycle (§6.2);
     * - an EXITED coroutine may still sit in the ready queue (a NEW one that was cancelled,
     *   §6.3): the round skips it, and it is in no other structure;
     * - `cancelRequested` is set only on a coroutine that is RUNNING or in the ready queue.
     * Only `submitted` and `closed` are touched by other threads.
     */

    private static final CoroutineFunction<Runnable> RUN_TASK = Runnable::run;

    private final Thread owner;
    private final String name;
    private final MonotonicClock clock;
    private final Poller poller;
    private final ContextSwitch contextSwitch;
    private final CoroutineExceptionHandler exceptionHandler;

    private final ReadyQueue ready = new ReadyQueue();
    private final SleepQueue sleepers = new SleepQueue();
    private final WaitTable waiters = new WaitTable();
    private final ConcurrentLinkedQueue<Runnable> submitted = new ConcurrentLinkedQueue<>();
    private final Poller.ReadySink readySink = new Poller.ReadySink() {
        @Override
        public void ready(int fd, int events) {
            onReady(fd, events);
        }

        @Override
        public void closed(int fd, int events) {
            onClosedElsewhere(fd, events);
        }
    };

    private long nextId;
    private long nextSleepSequence;
    /** How many coroutines are PARKED: they keep run() going, an unpark may come (§3.5, §6.1). */
    private int parked;
    private ScheduledCoroutine current;
    private boolean running;
    private volatile boolean closed;

    NtyScheduler(NtySchedulerBuilder builder) {
        this.owner = Thread.currentThread();
        this.name = builder.name != null ? builder.name : "nty-scheduler@" + owner.getName();
        this.clock = builder.clock;
        this.contextSwitch = builder.contextSwitch != null ? builder.contextSwitch : ContinuationSwitch.create();
        this.exceptionHandler = builder.exceptionHandler;
        SchedulerBinding.bind(this);
        try {
            this.poller = builder.poller != null ? builder.poller : Pollers.openDefault(owner);
        } catch (RuntimeException e) {
            SchedulerBinding.unbind(this);
            throw e;
        }
    }

    /**
     * {@return a scheduler for the calling thread with the system clock, the default poller and a
     *         handler that logs failures}
     * @throws IllegalStateException if the calling thread already has an open scheduler (§5.1)
     * @throws io.nty.api.ContextSwitchUnavailableException if the JVM lacks the flag the
     *         continuation switch needs, naming it
     */
    public static NtyScheduler create() {
        return builder().build();
    }

    /** {@return a builder for a scheduler owned by the thread that calls {@code build()}} */
    public static NtySchedulerBuilder builder() {
        return new NtySchedulerBuilder();
    }

    // ---------------------------------------------------------------- §1 create

    @Override
    public <T> Coroutine create(CoroutineFunction<? super T> func, T arg) {
        Objects.requireNonNull(func, "func must not be null");
        checkOwnerAndOpen("create");
        ScheduledCoroutine co = new ScheduledCoroutine(nextId++, this, func, arg);
        co.context = contextSwitch.newContext(co);
        ready.addLast(co);
        return co;
    }

    @Override
    public <T, R> ResultCoroutine<R> createWithResult(CoroutineCallable<? super T, ? extends R> func, T arg) {
        Objects.requireNonNull(func, "func must not be null");
        checkOwnerAndOpen("createWithResult");
        ScheduledCoroutine co = new ScheduledCoroutine(nextId++, this, func, arg);
        co.context = contextSwitch.newContext(co);
        ready.addLast(co);
        @SuppressWarnings("unchecked") // co keeps what func returns, an R
        ResultCoroutine<R> typed = (ResultCoroutine<R>) (ResultCoroutine<?>) co;
        return typed;
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task must not be null");
        if (closed) {
            throw new RejectedExecutionException(this + " is closed");
        }
        submitted.add(task);
        if (Thread.currentThread() != owner) {
            poller.wakeup(); // the owner thread itself cannot be blocked in poll right now
        }
    }

    // ---------------------------------------------------------------- §3 run

    @Override
    public void run() {
        checkOwnerAndOpen("run");
        if (running) {
            throw new IllegalStateException("run() re-entered: " + this + " is already running"
                    + (current != null ? " (called from " + current + ")" : ""));
        }
        running = true;
        try {
            while (true) {
                createSubmitted();
                if (ready.isEmpty() && sleepers.isEmpty() && waiters.size() == 0 && parked == 0) {
                    return; // §3.5
                }
                round();
            }
        } finally {
            running = false;
        }
    }

    /** One scheduling round, §3.3: (a) expired sleepers, (b) the ready snapshot, (c) IO. */
    private void round() {
        resumeExpired();
        for (int n = ready.size(); n > 0; n--) {
            ScheduledCoroutine co = ready.pollFirst();
            if (co.state != CoroutineState.EXITED) { // a NEW one cancelled in the queue (§6.3)
                resume(co);
            }
        }
        pollIo();
    }

    private void resumeExpired() {
        if (sleepers.isEmpty()) {
            return;
        }
        long now = clock.nanoTime();
        ScheduledCoroutine co;
        while ((co = sleepers.peek()) != null && co.deadline <= now) {
            sleepers.poll();
            if (co.state == CoroutineState.WAITING) {
                endWait(co, ScheduledCoroutine.WAIT_TIMED_OUT);
            }
            resume(co);
        }
    }

    /**
     * Step (c): poll IO without blocking if anything is ready, else until the earliest deadline,
     * else (only waiters left) until readiness. With a virtual clock, IO that is already ready
     * is taken first and only an idle scheduler moves the clock to the earliest deadline.
     */
    private void pollIo() {
        boolean io = waiters.size() > 0;
        if (!ready.isEmpty() || !submitted.isEmpty()) {
            if (io) {
                poller.poll(0, readySink);
            }
            return;
        }
        ScheduledCoroutine next = sleepers.peek();
        if (next == null) {
            if (io || parked > 0) {
                poller.poll(-1, readySink); // parked only: until execute() brings an unpark
            }
            return; // without waiters or parked coroutines, nothing is left: run() returns (§3.5)
        }
        if (clock.isVirtual()) {
            if (!io || poller.poll(0, readySink) == 0) {
                clock.advanceTo(next.deadline);
            }
            return;
        }
        long remaining = next.deadline - clock.nanoTime();
        if (remaining > 0 || io) {
            poller.poll(Math.max(0, remaining), readySink);
        }
    }

    /**
     * Step (c): a ready fd resumes its reader if the events make reading ready, then its writer
     * if they make writing ready (§4.1: each by its own readiness, {@code ERROR}/{@code HANGUP}
     * both); readiness with no waiter wakes nobody (§4.2). Both are taken before either runs,
     * and the writer is woken only if it still holds its slot after the reader ran: the reader
     * may have closed the fd, which already ended the writer's wait, and a writer that started
     * waiting while the reader ran must not get readiness from before its wait.
     */
    private void onReady(int fd, int events) {
        ScheduledCoroutine reader = waiters.get(fd, IoDirection.READ);
        ScheduledCoroutine writer = waiters.get(fd, IoDirection.WRITE);
        if (reader != null && readiness(reader, events) != 0) {
            wakeWaiter(reader, events);
        }
        if (writer != null && writer != reader && readiness(writer, events) != 0
                && waiters.get(fd, IoDirection.WRITE) == writer) {
            wakeWaiter(writer, events);
        }
    }

    /** {@return the part of {@code events} that is readiness for {@code co}'s wait, 0 if none} */
    private static int readiness(ScheduledCoroutine co, int events) {
        return events & (co.waitEvents | IoEvents.ERROR | IoEvents.HANGUP);
    }

    private void wakeWaiter(ScheduledCoroutine co, int events) {
        withdrawWait(co, readiness(co, events));
        resume(co);
    }

    /** The poller learned that another thread closed {@code fd}: those waits end as closed (§4.3). */
    private void onClosedElsewhere(int fd, int events) {
        wakeClosed(fd, events);
    }

    /**
     * Ends the waits on {@code fd} in the directions of {@code interest} as closed; each waiter
     * goes to the ready tail and its {@link #await} throws {@link FdClosedException}.
     *
     * @return whether a waiter was woken
     */
    private boolean wakeClosed(int fd, int interest) {
        boolean woken = false;
        for (IoDirection d : IoDirection.values()) {
            ScheduledCoroutine co = d.isIn(interest) ? waiters.get(fd, d) : null;
            if (co != null) { // a two-way waiter is found once: withdrawWait frees both slots
                withdrawWait(co, ScheduledCoroutine.WAIT_FD_CLOSED);
                co.state = CoroutineState.READY;
                ready.addLast(co);
                woken = true;
            }
        }
        return woken;
    }

    /**
     * Takes a WAITING coroutine out of its wait without resuming it: out of the sleep queue (a
     * timed wait) and the wait table, its interest disarmed (§4.2), {@code result} recorded for
     * its {@link #await} to report. Every way a wait ends before its timeout — readiness, a close
     * here or on another thread, and cancellation (§6.3, which passes its own result) — comes
     * through here; the caller then resumes the coroutine or queues it.
     *
     * @param co a coroutine in state WAITING
     * @param result the ready events, or {@link ScheduledCoroutine#WAIT_FD_CLOSED} and the like
     */
    void withdrawWait(ScheduledCoroutine co, int result) {
        sleepers.remove(co);
        endWait(co, result);
    }

    /**
     * Frees {@code co}'s wait-table slots and disarms exactly its directions of its fd, so a
     * waiter of the other direction stays armed (§4.1, §4.2). The sleep queue is the caller's.
     */
    private void endWait(ScheduledCoroutine co, int result) {
        waiters.remove(co.waitFd, co.waitEvents, co);
        poller.disarm(co.waitFd, co.waitEvents);
        co.waitResult = result;
    }

    private void resume(ScheduledCoroutine co) {
        current = co;
        co.state = CoroutineState.RUNNING;
        boolean finished;
        try {
            finished = co.context.resume();
        } finally {
            current = null;
        }
        if (finished) {
            exited(co);
        }
    }

    /**
     * §2.2: EXITED, context freed; §6.2: joiners queued in join order; §2.3: a failure reaches
     * the handler, the others run on — except a cancellation, the expected end of a cancelled
     * coroutine (§6.3).
     */
    private void exited(ScheduledCoroutine co) {
        co.state = CoroutineState.EXITED;
        co.context = null;
        co.cancelRequested = false;
        co.permit = false;
        Throwable failure = co.failure;
        co.failure = null;
        co.endFailure = failure;
        wakeJoiners(co);
        if (failure != null && !(failure instanceof CoroutineCancelledException)) {
            try {
                exceptionHandler.uncaught(co, failure);
            } catch (Throwable handlerFailure) {
                LoggingExceptionHandler.logHandlerFailure(co, failure, handlerFailure);
            }
        }
    }

    private void createSubmitted() {
        Runnable task;
        while ((task = submitted.poll()) != null) {
            create(RUN_TASK, task);
        }
    }

    // ---------------------------------------------------------------- coroutine side

    @Override
    public Optional<Coroutine> current() {
        checkOwner("current");
        return Optional.ofNullable(current);
    }

    @Override
    public void yieldNow() {
        ScheduledCoroutine co = requireCoroutine("yield");
        deliverCancellation(co, "yield");
        co.state = CoroutineState.READY;
        ready.addLast(co);
        try {
            contextSwitch.suspend();
        } catch (CoroutinePinnedException e) {
            ready.removeLast(co);
            co.state = CoroutineState.RUNNING;
            throw e;
        }
        deliverCancellation(co, "yield");
    }

    @Override
    public void sleep(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("sleep time must not be negative: " + millis + " ms");
        }
        if (millis == 0) {
            yieldNow(); // §3.2: NtyCo's nty_coroutine_sleep(0)
            return;
        }
        ScheduledCoroutine co = requireCoroutine("sleep");
        deliverCancellation(co, "sleep");
        co.state = CoroutineState.SLEEPING;
        addSleeper(co, millis);
        try {
            contextSwitch.suspend();
        } catch (CoroutinePinnedException e) {
            sleepers.remove(co);
            co.state = CoroutineState.RUNNING;
            throw e;
        }
        deliverCancellation(co, "sleep");
    }

    @Override
    public int await(int fd, int events, long timeoutMillis) {
        checkWaitArguments(fd, events, timeoutMillis);
        ScheduledCoroutine co = requireCoroutine("await");
        deliverCancellation(co, "await");
        ScheduledCoroutine other = waiters.occupant(fd, events);
        if (other != null) {
            // The slot may be held by a wait that another thread's close has already ended.
            poller.drainClosed(readySink);
            other = waiters.occupant(fd, events);
            if (other != null) {
                throw busy(fd, events, co, other);
            }
        }
        poller.arm(fd, events);
        waiters.put(fd, events, co);
        co.waitFd = fd;
        co.waitEvents = events;
        co.state = CoroutineState.WAITING;
        if (timeoutMillis > 0) {
            addSleeper(co, timeoutMillis);
        }
        try {
            contextSwitch.suspend();
        } catch (CoroutinePinnedException e) {
            withdrawWait(co, 0);
            co.waitFd = -1;
            co.state = CoroutineState.RUNNING;
            throw e;
        }
        co.waitFd = -1;
        deliverCancellation(co, "await"); // cancel() already disarmed the fd (§6.3, §4.2)
        return waitOutcome(co, fd, events, timeoutMillis);
    }

    private static FdBusyException busy(int fd, int events, ScheduledCoroutine co, ScheduledCoroutine other) {
        String role = other.waitEvents == IoEvents.INTEREST_MASK ? "a reader and writer"
                : IoDirection.READ.isIn(other.waitEvents) ? "a reader" : "a writer";
        return new FdBusyException("fd " + fd + " already has " + role + ", " + other + "; " + co
                + " cannot wait for " + IoEvents.toString(events) + " on it too (§4.1: at most one"
                + " coroutine waits to read an fd and one to write it)");
    }

    private static int waitOutcome(ScheduledCoroutine co, int fd, int events, long timeoutMillis) {
        int result = co.waitResult;
        if (result == ScheduledCoroutine.WAIT_TIMED_OUT) {
            throw new WaitTimeoutException("timed out after " + timeoutMillis + " ms waiting for fd " + fd
                    + " to be ready for " + IoEvents.toString(events) + " (§4.3)");
        }
        if (result == ScheduledCoroutine.WAIT_FD_CLOSED) {
            throw new FdClosedException("fd " + fd + " was closed while " + co + " waited on it (§4.3)");
        }
        return result;
    }

    // ---------------------------------------------------------------- §6 park, join, cancel

    @Override
    public void park() {
        ScheduledCoroutine co = requireCoroutine("park");
        deliverCancellation(co, "park");
        if (co.permit) {
            co.permit = false; // §6.1: the unpark that came first is not lost
            return;
        }
        co.state = CoroutineState.PARKED;
        parked++;
        try {
            contextSwitch.suspend();
        } catch (CoroutinePinnedException e) {
            parked--;
            co.state = CoroutineState.RUNNING;
            throw e;
        }
        deliverCancellation(co, "park");
    }

    @Override
    public void unpark(Coroutine coroutine) {
        ScheduledCoroutine co = own(coroutine, "unpark");
        switch (co.state) {
            case PARKED -> {
                parked--;
                co.state = CoroutineState.READY;
                ready.addLast(co);
            }
            // §6.1: not parked: only the permit, nothing else changes.
            case NEW, READY, RUNNING, SLEEPING, WAITING, JOINING -> co.permit = true;
            case EXITED -> {
                // nothing: it will never park
            }
        }
    }

    @Override
    public Object join(Coroutine coroutine) {
        ScheduledCoroutine target = own(coroutine, "join");
        if (target.state != CoroutineState.EXITED) {
            ScheduledCoroutine co = requireCoroutine("join");
            checkJoinCycle(co, target);
            deliverCancellation(co, "join");
            co.state = CoroutineState.JOINING;
            co.joining = target;
            target.addJoiner(co);
            try {
                contextSwitch.suspend();
            } catch (CoroutinePinnedException e) {
                target.joiners.remove(co);
                co.joining = null;
                co.state = CoroutineState.RUNNING;
                throw e;
            }
            deliverCancellation(co, "join");
        }
        if (target.endFailure != null) {
            throw new CoroutineFailedException(target + " joined by "
                    + (current != null ? current.toString() : "the scheduler's thread") + " "
                    + (target.endFailure instanceof CoroutineCancelledException ? "was cancelled" : "failed")
                    + ": " + target.endFailure + " (§6.2)", target.endFailure);
        }
        return target.result;
    }

    /** §6.2: following the joins from {@code target} must not lead back to {@code co}. */
    private static void checkJoinCycle(ScheduledCoroutine co, ScheduledCoroutine target) {
        StringBuilder chain = null;
        for (ScheduledCoroutine c = target; c != null; c = c.joining) {
            if (c == co) {
                if (chain == null) {
                    throw new JoinCycleException(co + " cannot join itself: the join would never end (§6.2)");
                }
                throw new JoinCycleException(co + " cannot join " + target + ": " + chain.append(" joins coroutine ")
                        .append(co.id()) + ", so the join would never end (§6.2)");
            }
            chain = (chain == null ? new StringBuilder("coroutine ").append(c.id())
                    : chain.append(" joins coroutine ").append(c.id()));
        }
    }

    private void wakeJoiners(ScheduledCoroutine co) {
        List<ScheduledCoroutine> joiners = co.joiners;
        if (joiners == null) {
            return;
        }
        co.joiners = null;
        for (ScheduledCoroutine joiner : joiners) {
            joiner.joining = null;
            joiner.state = CoroutineState.READY;
            ready.addLast(joiner);
        }
    }

    @Override
    public void cancel(Coroutine coroutine) {
        ScheduledCoroutine co = own(coroutine, "cancel");
        switch (co.state) {
            case NEW -> {
                // §6.3: never runs. It stays in the ready queue as a tombstone the round skips.
                co.context = null;
                co.state = CoroutineState.EXITED;
                co.endFailure = new CoroutineCancelledException(co + " was cancelled before it ran (§6.3)");
                co.permit = false;
                wakeJoiners(co);
            }
            // Already in the ready queue, or running: the next suspension point throws.
            case READY, RUNNING -> co.cancelRequested = true;
            case SLEEPING -> {
                sleepers.remove(co);
                queueCancelled(co);
            }
            case WAITING -> {
                sleepers.remove(co);
                disarmCancelledWait(co);
                queueCancelled(co);
            }
            case PARKED -> {
                parked--;
                queueCancelled(co);
            }
            case JOINING -> {
                co.joining.joiners.remove(co);
                co.joining = null;
                queueCancelled(co);
            }
            case EXITED -> {
                // §6.3: harmless
            }
        }
    }

    /**
     * §6.3 with §4.2: a cancelled waiter leaves the wait table and its interest is disarmed at
     * once, so readiness that comes later wakes nobody. The one place cancellation touches the
     * wait internals.
     */
    private void disarmCancelledWait(ScheduledCoroutine co) {
        endWait(co, ScheduledCoroutine.WAIT_CANCELLED);
    }

    private void queueCancelled(ScheduledCoroutine co) {
        co.cancelRequested = true;
        co.state = CoroutineState.READY;
        ready.addLast(co);
    }

    /** §6.3: at a suspension point, a pending cancellation is thrown, and so consumed. */
    private static void deliverCancellation(ScheduledCoroutine co, String operation) {
        if (co.cancelRequested) {
            co.cancelRequested = false;
            throw new CoroutineCancelledException("coroutine " + co.id() + " was cancelled in " + operation
                    + "() (§6.3)");
        }
    }

    private ScheduledCoroutine own(Coroutine coroutine, String operation) {
        Objects.requireNonNull(coroutine, "coroutine must not be null");
        checkOwnerAndOpen(operation);
        if (!(coroutine instanceof ScheduledCoroutine co) || co.scheduler() != this) {
            throw new IllegalArgumentException(operation + "(" + coroutine + "): it belongs to "
                    + coroutine.scheduler() + ", not " + this + "; call " + operation
                    + " on its own scheduler's thread, through its execute() from elsewhere (§1.3)");
        }
        return co;
    }

    @Override
    public boolean fdClosed(int fd) {
        checkOwnerAndOpen("fdClosed");
        boolean woken = wakeClosed(fd, IoEvents.INTEREST_MASK);
        poller.forget(fd);
        return woken;
    }

    private void addSleeper(ScheduledCoroutine co, long millis) {
        long now = clock.nanoTime();
        long nanos = millis > Long.MAX_VALUE / 1_000_000L ? Long.MAX_VALUE : millis * 1_000_000L;
        co.deadline = now + Math.min(nanos, Long.MAX_VALUE - now);
        co.sleepSequence = nextSleepSequence++;
        sleepers.add(co);
    }

    private static void checkWaitArguments(int fd, int events, long timeoutMillis) {
        if (fd < 0) {
            throw new IllegalArgumentException("invalid fd: " + fd);
        }
        if (events == 0 || (events & ~IoEvents.INTEREST_MASK) != 0) {
            throw new IllegalArgumentException("events must be a non-empty combination of READ and WRITE, got "
                    + IoEvents.toString(events));
        }
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("timeout must be >= 0 ms (0 = no limit), got " + timeoutMillis);
        }
    }

    // ---------------------------------------------------------------- checks and lifecycle

    private ScheduledCoroutine requireCoroutine(String operation) {
        checkOwnerAndOpen(operation);
        ScheduledCoroutine co = current;
        if (co == null) {
            throw new NotInCoroutineException(operation + "() must be called from inside a coroutine of "
                    + this + " (§3.6)");
        }
        return co;
    }

    private void checkOwnerAndOpen(String operation) {
        checkOwner(operation);
        if (closed) {
            throw new SchedulerClosedException(operation + "() on " + this + ", which is closed");
        }
    }

    private void checkOwner(String operation) {
        if (Thread.currentThread() != owner) {
            throw new WrongThreadException(operation + "() called on thread '" + Thread.currentThread().getName()
                    + "' but " + this + " belongs to thread '" + owner.getName()
                    + "' (§5.1); other threads may only use execute() (§1.3)");
        }
    }

    @Override
    public Thread thread() {
        return owner;
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        checkOwner("close");
        if (closed) {
            return;
        }
        if (running) {
            throw new IllegalStateException("close() called while " + this + " is running"
                    + (current != null ? " (from " + current + ")" : ""));
        }
        closed = true;
        parked = 0;
        ready.clear();
        sleepers.clear();
        waiters.clear();
        submitted.clear();
        try {
            poller.close();
        } finally {
            SchedulerBinding.unbind(this);
        }
    }

    /** {@return the clock this scheduler reads} */
    public MonotonicClock clock() {
        return clock;
    }

    /**
     * {@return the name of the poller in use, e.g. {@code "epoll"} or {@code "parking"}; chooses
     * the default poller now if no coroutine has waited on an fd yet}
     */
    public String pollerName() {
        return poller.name();
    }

    @Override
    public String toString() {
        return name;
    }
}
