package io.nty.conformance.example;

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
import io.nty.api.IoEvents;
import io.nty.api.JoinCycleException;
import io.nty.api.NotInCoroutineException;
import io.nty.api.ResultCoroutine;
import io.nty.api.Scheduler;
import io.nty.api.SchedulerClosedException;
import io.nty.api.WaitTimeoutException;
import io.nty.api.WrongThreadException;
import io.nty.api.spi.MonotonicClock;
import io.nty.api.spi.Poller;
import io.nty.api.spi.SchedulerBinding;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import jdk.internal.vm.Continuation;
import jdk.internal.vm.ContinuationScope;

/**
 * A deliberately simple second implementation of {@link Scheduler}, written from the rules and
 * not from the reference: its own use of {@code jdk.internal.vm.Continuation}, a ring buffer for
 * the ready queue ({@link ReadyRing}), a binary heap for sleepers and timed waiters
 * ({@link TimerHeap}), two fd-indexed tables for waiters ({@link WaitSlots}: readers and writers,
 * §4.1: one of each per fd), and IO readiness collected first and resumed after the poll; §6 with
 * a permit per coroutine, a list of joiners and a pending-cancellation flag that every suspension
 * point checks.
 * Without faults it must pass the whole suite, which shows the suite is not tied to the
 * reference's internals; with a {@link Fault} it must fail that fault's rule.
 */
public final class SimpleScheduler implements Scheduler {

    private static final ContinuationScope SCOPE = new ContinuationScope("nty-conformance-simple");

    private final Thread owner = Thread.currentThread();
    private final MonotonicClock clock;
    private final Poller poller;
    private final CoroutineExceptionHandler handler;
    private final Set<Fault> faults;
    private final ReadyRing<Co> ready;
    /** Sleepers and timed waiters, by (deadline, order of suspending). */
    private final TimerHeap timed;
    /** §4.1: the one coroutine waiting to read each fd, and the one waiting to write it. */
    private final WaitSlots<Co> readers;
    private final WaitSlots<Co> writers;
    /** Only for {@link Fault#SECOND_READER_ACCEPTED}: readers beyond the first, woken with it. */
    private final Map<Integer, List<Co>> extraReaders = new HashMap<>();
    /** Only for {@link Fault#EVENT_WITHOUT_WAITER_WAKES_SOMEONE}: the last waiter per fd. */
    private final Map<Integer, Co> lastWaiter = new HashMap<>();
    private final ConcurrentLinkedQueue<Runnable> submitted = new ConcurrentLinkedQueue<>();
    /** Only for {@link Fault#RESUMES_ON_ANOTHER_THREAD}: where coroutines are wrongly resumed. */
    private final ExecutorService worker;
    private Co current;
    /** §6.1: parked coroutines keep run() going, since an unpark may come through execute. */
    private int parked;
    private long nextId;
    /** Only for {@link Fault#IDS_SHARED_ACROSS_SCHEDULERS}: one id counter for every scheduler. */
    private static long sharedNextId;
    /** Only for {@link Fault#DEADLINES_FROM_SCHEDULER_START}: the clock when this scheduler was made. */
    private final long epoch;
    private long nextSeq;
    private boolean running;
    private volatile boolean closed;

    /**
     * Binds a new scheduler to the calling thread.
     *
     * @param clock the clock
     * @param poller the poller it owns
     * @param handler where coroutine exceptions go
     * @param faults the faults to exhibit; empty for a correct scheduler
     */
    public SimpleScheduler(MonotonicClock clock, Poller poller, CoroutineExceptionHandler handler, Set<Fault> faults) {
        this.clock = clock;
        this.poller = poller;
        this.handler = handler;
        this.faults = faults.isEmpty() ? EnumSet.noneOf(Fault.class) : EnumSet.copyOf(faults);
        this.ready = new ReadyRing<>(has(Fault.READY_RING_LOSES_ENTRIES_ON_GROWTH));
        this.timed = new TimerHeap(has(Fault.EQUAL_DEADLINES_LIFO), has(Fault.TIMER_HEAP_REMOVE_DOES_NOT_SIFT_UP));
        this.readers = new WaitSlots<>(has(Fault.WAIT_TABLE_MASKS_FD_TO_64_SLOTS));
        this.writers = new WaitSlots<>(has(Fault.WAIT_TABLE_MASKS_FD_TO_64_SLOTS));
        this.epoch = clock.nanoTime();
        this.worker = has(Fault.RESUMES_ON_ANOTHER_THREAD)
                ? Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon(true).name("simple-worker").unstarted(r))
                : null;
        SchedulerBinding.bind(this);
    }

    /** A continuation that reports pinning as the API's exception, so a refused suspension can be undone. */
    private static final class Context extends Continuation {
        Context(Runnable entry) {
            super(SCOPE, entry);
        }

        @Override
        protected void onPinned(Continuation.Pinned reason) {
            throw new CoroutinePinnedException("cannot suspend the coroutine here: it is pinned (" + reason
                    + "); move the yield, sleep or wait out of that region");
        }
    }

    private final class Co extends TimerHeap.Entry implements ResultCoroutine<Object> {
        final long id;
        final CoroutineFunction<Object> func;
        final Object arg;
        /** §6: the permit, a pending cancellation, the coroutine joined, joiners, the outcome. */
        boolean permit;
        boolean cancelPending;
        Co joining;
        final List<Co> joiners = new ArrayList<>();
        Object result;
        Throwable outcome;
        Continuation cont;
        /** Only for {@link Fault#EXITED_COROUTINE_RUN_AGAIN}: whether it was already run again. */
        boolean reran;
        CoroutineState state = CoroutineState.NEW;
        Throwable failure;
        int waitFd = -1;
        int waitEvents;
        /** How the last wait ended: ready events, or TIMEOUT / CLOSED. */
        int waitResult;
        /** Whether its last resume came from the poll (step (c)). */
        boolean resumedByIo;

        @SuppressWarnings("unchecked")
        Co(long id, CoroutineFunction<?> func, Object arg) {
            this.id = id;
            this.func = (CoroutineFunction<Object>) func;
            this.arg = arg;
            this.cont = new Context(this::entry);
        }

        /** The entry trampoline, NtyCo's {@code _exec}: calls func(arg) once (§2.1). */
        void entry() {
            try {
                if (func instanceof Returning r) {
                    result = r.callable.call(arg);
                } else {
                    func.run(arg);
                }
            } catch (Throwable t) {
                failure = t;
            }
        }

        @Override
        public long id() {
            return id;
        }

        @Override
        public CoroutineState state() {
            return state;
        }

        @Override
        public CoroutineFunction<?> function() {
            return func;
        }

        @Override
        public Object argument() {
            return arg;
        }

        @Override
        public Scheduler scheduler() {
            return SimpleScheduler.this;
        }

        @Override
        public String toString() {
            return "simple-coroutine-" + id;
        }
    }

    /** The function of a createWithResult coroutine: the entry keeps what the callable returns. */
    private record Returning(CoroutineCallable<Object, ?> callable) implements CoroutineFunction<Object> {
        @Override
        public void run(Object arg) throws Exception {
            callable.call(arg);
        }
    }

    private static final int TIMEOUT = -1;
    private static final int CLOSED = -2;

    @Override
    public <T> Coroutine create(CoroutineFunction<? super T> func, T arg) {
        Objects.requireNonNull(func, "func");
        checkOpen("create");
        Co co = new Co(has(Fault.IDS_SHARED_ACROSS_SCHEDULERS) ? sharedNextId++ : nextId++, func, arg);
        if (has(Fault.CREATED_STATE_READY)) {
            co.state = CoroutineState.READY;
        }
        if (has(Fault.CREATE_RUNS_FUNC)) {
            Co caller = current;
            resume(co);
            current = caller;
        } else {
            makeReady(co);
        }
        return co;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T, R> ResultCoroutine<R> createWithResult(CoroutineCallable<? super T, ? extends R> func, T arg) {
        Objects.requireNonNull(func, "func");
        return (ResultCoroutine<R>) create(new Returning((CoroutineCallable<Object, ?>) func), arg);
    }

    private void makeReady(Co co) {
        if (has(Fault.LIFO_READY_QUEUE)) {
            ready.addFirst(co);
        } else {
            ready.addLast(co);
        }
    }

    @Override
    public void execute(Runnable task) {
        Objects.requireNonNull(task, "task");
        if (closed && !has(Fault.EXECUTE_ACCEPTED_AFTER_CLOSE)) {
            throw new RejectedExecutionException("scheduler closed");
        }
        submitted.add(task);
        if (!has(Fault.EXECUTE_DOES_NOT_WAKE_POLL)) {
            poller.wakeup();
        }
    }

    @Override
    public void run() {
        checkOpen("run");
        if (running) {
            throw new IllegalStateException("run() re-entered");
        }
        running = true;
        try {
            while (true) {
                for (Runnable r; (r = submitted.poll()) != null; ) {
                    create(Runnable::run, r);
                }
                boolean waiters = !readers.isEmpty() || !writers.isEmpty();
                if (ready.isEmpty() && timed.isEmpty() && (!waiters || has(Fault.RUN_RETURNS_WITH_UNTIMED_WAITERS))
                        && parked == 0) {
                    return;
                }
                expireTimed();
                if (has(Fault.IO_POLLED_BEFORE_READY_SNAPSHOT)) {
                    pollIo();
                    runReady();
                    continue;
                }
                runReady();
                pollIo();
            }
        } finally {
            running = false;
        }
    }

    /** (a): what had expired when (a) began, by (deadline, order). */
    private void expireTimed() {
        long now = clock.nanoTime();
        while (!timed.isEmpty() && timed.peek().deadline <= now) {
            Co co = (Co) timed.poll();
            if (co.state == CoroutineState.WAITING) {
                endWait(co, TIMEOUT);
            }
            resume(co);
        }
    }

    /** (b): the snapshot of the ready queue, FIFO. */
    private void runReady() {
        if (has(Fault.READY_DURING_ROUND_RUNS_SAME_ROUND)) {
            while (!ready.isEmpty()) {
                resume(ready.pollFirst());
            }
            return;
        }
        for (int n = ready.size(); n > 0; n--) {
            Co co = ready.pollFirst();
            if (co.cont != null) { // null: cancelled while NEW (§6.3), a tombstone never run
                resume(co);
            }
        }
    }

    /**
     * (c): collect ready fds, then resume their waiters if they still wait. A virtual clock idles
     * to the earliest deadline only if the non-blocking poll resumed nobody.
     */
    private void pollIo() {
        List<int[]> events = new ArrayList<>();
        Poller.ReadySink sink = (fd, ev) -> events.add(new int[] {fd, ev});
        boolean somethingReady = !ready.isEmpty() || (!submitted.isEmpty() && !has(Fault.EXECUTE_PENDING_IGNORED_WHEN_IDLE))
                || (!timed.isEmpty() && timed.peek().deadline <= clock.nanoTime());
        boolean io = !readers.isEmpty() || !writers.isEmpty();
        boolean idle = false;
        if (somethingReady) {
            if (io) {
                poller.poll(0, sink);
            }
        } else if (timed.isEmpty()) {
            if (io || parked > 0) {
                poller.poll(-1, sink);
            }
        } else if (clock.isVirtual()) {
            if (io) {
                poller.poll(0, sink);
            }
            idle = true;
        } else {
            long deadline = timed.peek().deadline;
            poller.poll(has(Fault.POLL_TIMEOUT_IS_THE_DEADLINE) ? deadline : Math.max(0, deadline - clock.nanoTime()), sink);
        }
        int resumed = 0;
        for (int[] e : events) {
            // §4.1: the reader by read readiness, the writer by write readiness; ERROR/HANGUP both.
            Co reader = readers.get(e[0]);
            Co writer = writers.get(e[0]);
            List<Co> extra = extraReaders.remove(e[0]);
            boolean woke = false;
            if (reader != null && readyFor(reader, e[1])) {
                wake(reader, e[1]);
                woke = true;
            }
            for (Co co : extra == null ? List.<Co>of() : extra) {
                if (co.state == CoroutineState.WAITING && readyFor(co, e[1])) {
                    wake(co, e[1]);
                }
            }
            if (writer != null && writer != reader && writers.get(e[0]) == writer && readyFor(writer, e[1])) {
                wake(writer, e[1]); // only if it still waits: the reader may have closed the fd
                woke = true;
            }
            if (woke) {
                resumed++;
            } else if (reader == null && writer == null && has(Fault.EVENT_WITHOUT_WAITER_WAKES_SOMEONE) && wakeStale(e[0])) {
                resumed++;
            }
        }
        if (idle && resumed == 0) {
            clock.advanceTo(timed.peek().deadline);
        }
    }

    private static boolean readyFor(Co co, int events) {
        return (events & (co.waitEvents | IoEvents.ERROR | IoEvents.HANGUP)) != 0;
    }

    private void wake(Co co, int events) {
        timed.remove(co);
        endWait(co, events & (co.waitEvents | IoEvents.ERROR | IoEvents.HANGUP));
        co.resumedByIo = true;
        resume(co);
        co.resumedByIo = false;
    }

    private boolean wakeStale(int fd) {
        Co co = lastWaiter.get(fd);
        if (co != null && co.state == CoroutineState.SLEEPING) {
            timed.remove(co);
            resume(co);
            return true;
        }
        return false;
    }

    private void endWait(Co co, int result) {
        endWait(co, result, true);
    }

    /** Frees {@code co}'s slots and, if {@code disarm}, exactly its directions of the fd (§4.2). */
    private void endWait(Co co, int result, boolean disarm) {
        boolean stillArmedByOthers = false;
        if ((co.waitEvents & IoEvents.READ) != 0) {
            List<Co> extra = extraReaders.get(co.waitFd);
            if (extra != null && extra.remove(co)) {
                stillArmedByOthers = true; // Fault.SECOND_READER_ACCEPTED: the first reader's arm stays
            } else {
                readers.remove(co.waitFd, co);
                if (extra != null && !extra.isEmpty()) {
                    readers.put(co.waitFd, extra.remove(0));
                    stillArmedByOthers = true;
                }
            }
        }
        if ((co.waitEvents & IoEvents.WRITE) != 0) {
            writers.remove(co.waitFd, co);
        }
        if (disarm && !stillArmedByOthers && (!has(Fault.EVENT_WITHOUT_WAITER_WAKES_SOMEONE) || result >= 0)) {
            poller.disarm(co.waitFd, co.waitEvents);
        }
        co.waitResult = result;
        co.waitFd = -1;
    }

    private void resume(Co co) {
        current = co;
        co.state = CoroutineState.RUNNING;
        try {
            if (worker != null) {
                runOnWorker(co.cont);
            } else {
                co.cont.run();
            }
        } finally {
            current = null;
        }
        if (co.cont.isDone() && has(Fault.EXITED_COROUTINE_RUN_AGAIN) && !co.reran && co.failure == null) {
            co.reran = true;
            co.cont = new Context(co::entry);
            co.state = CoroutineState.READY;
            makeReady(co);
            return;
        }
        if (co.cont.isDone()) {
            co.state = CoroutineState.EXITED;
            co.outcome = co.failure;
            for (Co j : co.joiners) {
                j.joining = null;
                j.state = CoroutineState.READY;
                makeReady(j);
            }
            co.joiners.clear();
            if (co.failure instanceof CoroutineCancelledException) {
                co.failure = null;
            }
            if (co.failure != null) {
                Throwable f = co.failure;
                co.failure = null;
                if (has(Fault.EXCEPTION_STOPS_SCHEDULER)
                        || (has(Fault.EXCEPTION_AFTER_IO_WAIT_STOPS_SCHEDULER) && co.resumedByIo)) {
                    throw new IllegalStateException("coroutine " + co.id + " failed", f);
                }
                try {
                    handler.uncaught(co, f);
                } catch (RuntimeException ignored) {
                    // The rules say a failing handler must not stop the scheduler.
                }
            }
        }
    }

    private void runOnWorker(Continuation cont) {
        try {
            worker.submit(cont::run).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public Optional<Coroutine> current() {
        checkThread("current");
        return Optional.ofNullable(current);
    }

    @Override
    public void yieldNow() {
        if (current == null && has(Fault.SUSPEND_OUTSIDE_COROUTINE_IGNORED)) {
            return;
        }
        Co co = inCoroutine("yield");
        cancellationPoint(co, "yield");
        co.state = CoroutineState.READY;
        makeReady(co);
        try {
            Continuation.yield(SCOPE);
        } catch (CoroutinePinnedException e) {
            if (!has(Fault.PINNED_YIELD_LEFT_QUEUED)) {
                ready.undoAdd(co);
            }
            co.state = CoroutineState.RUNNING;
            throw e;
        }
        cancellationPoint(co, "yield");
    }

    @Override
    public void sleep(long millis) {
        if (millis < 0 && !has(Fault.NEGATIVE_SLEEP_YIELDS)) {
            throw new IllegalArgumentException("negative sleep " + millis);
        }
        if (millis <= 0 || (current == null && has(Fault.SUSPEND_OUTSIDE_COROUTINE_IGNORED))) {
            yieldNow();
            return;
        }
        Co co = inCoroutine("sleep");
        if (has(Fault.SLEEP_DOES_NOT_YIELD)) {
            return;
        }
        cancellationPoint(co, "sleep");
        co.state = CoroutineState.SLEEPING;
        addTimed(co, millis);
        try {
            Continuation.yield(SCOPE);
        } catch (CoroutinePinnedException e) {
            timed.remove(co);
            co.state = CoroutineState.RUNNING;
            throw e;
        }
        cancellationPoint(co, "sleep");
    }

    private void addTimed(Co co, long millis) {
        long now = has(Fault.DEADLINES_FROM_SCHEDULER_START) ? clock.nanoTime() - epoch : clock.nanoTime();
        co.deadline = now + millis * 1_000_000L;
        co.seq = nextSeq++;
        timed.add(co);
    }

    @Override
    public int await(int fd, int events, long timeoutMillis) {
        if (fd < 0 || events == 0 || (events & ~IoEvents.INTEREST_MASK) != 0 || timeoutMillis < 0) {
            throw new IllegalArgumentException("bad await(" + fd + ", " + events + ", " + timeoutMillis + ")");
        }
        Co co = inCoroutine("await");
        cancellationPoint(co, "await");
        boolean read = (events & IoEvents.READ) != 0;
        boolean write = (events & IoEvents.WRITE) != 0;
        Co reader = read ? readers.get(fd) : null;
        Co writer = write ? writers.get(fd) : null;
        if (has(Fault.ONE_WAITER_PER_FD) && (readers.get(fd) != null || writers.get(fd) != null)) {
            throw new FdBusyException("fd " + fd + " already has a waiter (one waiter per fd)");
        }
        if (reader != null && has(Fault.SECOND_READER_ACCEPTED) && !write) {
            // The fault: the second reader joins a list and shares the first one's arm.
            extraReaders.computeIfAbsent(fd, k -> new ArrayList<>()).add(co);
            return suspendWaiting(co, fd, events, timeoutMillis);
        }
        if ((reader != null || writer != null) && !has(Fault.SECOND_WAITER_REPLACES_FIRST)) {
            throw new FdBusyException("fd " + fd + " already has a " + (reader != null ? "reader, " + reader : "writer, " + writer)
                    + "; " + co + " cannot wait for " + IoEvents.toString(events) + " on it too (§4.1)");
        }
        if (!(has(Fault.EVENT_WITHOUT_WAITER_WAKES_SOMEONE) && lastWaiter.containsKey(fd))) {
            poller.arm(fd, events);
        }
        if (read) {
            readers.put(fd, co);
        }
        if (write) {
            writers.put(fd, co);
        }
        return suspendWaiting(co, fd, events, timeoutMillis);
    }

    private int suspendWaiting(Co co, int fd, int events, long timeoutMillis) {
        lastWaiter.put(fd, co);
        co.waitFd = fd;
        co.waitEvents = events;
        co.state = CoroutineState.WAITING;
        long timeout = has(Fault.TIMEOUT_OVER_ONE_SECOND_SHORTENED) && timeoutMillis > 1000
                ? Math.max(1, timeoutMillis % 1000) : timeoutMillis;
        if (timeout > 0) {
            addTimed(co, timeout);
        }
        try {
            Continuation.yield(SCOPE);
        } catch (CoroutinePinnedException e) {
            timed.remove(co);
            endWait(co, 0);
            co.state = CoroutineState.RUNNING;
            throw e;
        }
        cancellationPoint(co, "await");
        if (co.waitResult == TIMEOUT) {
            throw new WaitTimeoutException("fd " + fd + " timed out after " + timeoutMillis + " ms");
        }
        if (co.waitResult == CLOSED) {
            throw new FdClosedException("fd " + fd + " closed while waiting");
        }
        return co.waitResult;
    }

    @Override
    public boolean fdClosed(int fd) {
        checkOpen("fdClosed");
        if (has(Fault.CLOSE_DOES_NOT_WAKE_WAITER)) {
            return false;
        }
        List<Co> woken = new ArrayList<>(extraReaders.getOrDefault(fd, List.of()));
        for (Co co : new Co[] {readers.get(fd), writers.get(fd)}) {
            if (co != null && !woken.contains(co)) {
                woken.add(co); // §4.1: the reader, then the writer; a two-way waiter once
            }
        }
        for (Co co : woken) {
            timed.remove(co);
            endWait(co, CLOSED);
            co.state = CoroutineState.READY;
            makeReady(co);
        }
        return !woken.isEmpty();
    }

    @Override
    public void park() {
        Co co = inCoroutine("park");
        cancellationPoint(co, "park");
        if (co.permit) {
            co.permit = false;
            return;
        }
        co.state = CoroutineState.PARKED;
        parked++;
        Continuation.yield(SCOPE);
        cancellationPoint(co, "park");
    }

    @Override
    public void unpark(Coroutine coroutine) {
        Co co = mine(coroutine, "unpark");
        if (co.state == CoroutineState.PARKED) {
            parked--;
            co.state = CoroutineState.READY;
            makeReady(co);
        } else if (co.state != CoroutineState.EXITED && !has(Fault.LOST_EARLY_UNPARK)) {
            co.permit = true;
        }
    }

    @Override
    public Object join(Coroutine coroutine) {
        Co target = mine(coroutine, "join");
        if (target.state != CoroutineState.EXITED) {
            Co co = inCoroutine("join");
            for (Co c = target; c != null; c = c.joining) {
                if (c == co) {
                    throw new JoinCycleException(co + " joining " + target + " would never end (§6.2)");
                }
            }
            cancellationPoint(co, "join");
            co.state = CoroutineState.JOINING;
            co.joining = target;
            target.joiners.add(co);
            Continuation.yield(SCOPE);
            cancellationPoint(co, "join");
        }
        if (target.outcome != null && !has(Fault.JOIN_MISSES_FAILURE)) {
            throw new CoroutineFailedException(target + " failed (§6.2)", target.outcome);
        }
        return target.result;
    }

    @Override
    public void cancel(Coroutine coroutine) {
        Co co = mine(coroutine, "cancel");
        switch (co.state) {
            case NEW -> {
                co.state = CoroutineState.EXITED; // stays queued; runReady skips it
                co.cont = null;
                co.outcome = new CoroutineCancelledException(co + " cancelled before it ran (§6.3)");
                for (Co j : co.joiners) {
                    j.joining = null;
                    j.state = CoroutineState.READY;
                    makeReady(j);
                }
                co.joiners.clear();
            }
            case READY, RUNNING -> co.cancelPending = true;
            case SLEEPING, WAITING, PARKED, JOINING -> {
                timed.remove(co);
                if (co.state == CoroutineState.WAITING) {
                    endWait(co, CLOSED, !has(Fault.CANCEL_LEAVES_INTEREST_ARMED));
                } else if (co.state == CoroutineState.PARKED) {
                    parked--;
                } else if (co.state == CoroutineState.JOINING) {
                    co.joining.joiners.remove(co);
                    co.joining = null;
                }
                co.cancelPending = true;
                co.state = CoroutineState.READY;
                makeReady(co);
            }
            case EXITED -> {
                // harmless (§6.3)
            }
        }
    }

    private static void cancellationPoint(Co co, String op) {
        if (co.cancelPending) {
            co.cancelPending = false;
            throw new CoroutineCancelledException(co + " cancelled in " + op + "() (§6.3)");
        }
    }

    private Co mine(Coroutine coroutine, String op) {
        Objects.requireNonNull(coroutine, "coroutine");
        checkOpen(op);
        if (!(coroutine instanceof Co co) || co.scheduler() != this) {
            throw new IllegalArgumentException(op + "(" + coroutine + "): not a coroutine of this scheduler");
        }
        return co;
    }

    private boolean has(Fault f) {
        return faults.contains(f);
    }

    private Co inCoroutine(String op) {
        checkOpen(op);
        if (current == null) {
            throw new NotInCoroutineException(op + "() outside a coroutine (§3.6)");
        }
        return current;
    }

    private void checkOpen(String op) {
        checkThread(op);
        if (closed) {
            throw new SchedulerClosedException(op + "() on a closed scheduler");
        }
    }

    private void checkThread(String op) {
        boolean onWorker = worker != null && Thread.currentThread().getName().equals("simple-worker");
        if (Thread.currentThread() != owner && !has(Fault.NO_OWNER_THREAD_CHECK) && !onWorker) {
            throw new WrongThreadException(op + "() from thread " + Thread.currentThread().getName() + " (§5.1)");
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
        checkThread("close");
        if (closed) {
            return;
        }
        if (running) {
            throw new IllegalStateException("close() while running");
        }
        closed = true;
        parked = 0;
        ready.clear();
        timed.clear();
        readers.clear();
        writers.clear();
        extraReaders.clear();
        poller.close();
        if (worker != null) {
            worker.shutdown();
        }
        if (!has(Fault.CLOSE_DOES_NOT_UNBIND)) {
            SchedulerBinding.unbind(this);
        }
    }
}
