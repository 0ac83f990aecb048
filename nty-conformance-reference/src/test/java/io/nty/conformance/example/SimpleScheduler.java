package io.nty.conformance.example;

import io.nty.api.Coroutine;
import io.nty.api.CoroutineExceptionHandler;
import io.nty.api.CoroutineFunction;
import io.nty.api.CoroutinePinnedException;
import io.nty.api.CoroutineState;
import io.nty.api.FdBusyException;
import io.nty.api.FdClosedException;
import io.nty.api.IoEvents;
import io.nty.api.NotInCoroutineException;
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
 * ({@link TimerHeap}), an fd-indexed table for waiters ({@link WaitSlots}), and IO readiness
 * collected first and resumed after the poll.
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
    private final WaitSlots<Co> waiters;
    /** Only for {@link Fault#EVENT_WITHOUT_WAITER_WAKES_SOMEONE}: the last waiter per fd. */
    private final Map<Integer, Co> lastWaiter = new HashMap<>();
    private final ConcurrentLinkedQueue<Runnable> submitted = new ConcurrentLinkedQueue<>();
    /** Only for {@link Fault#RESUMES_ON_ANOTHER_THREAD}: where coroutines are wrongly resumed. */
    private final ExecutorService worker;
    private Co current;
    /** Only for {@link Fault#IDS_SHARED_ACROSS_SCHEDULERS}: one id counter for every scheduler. */
    private static long sharedNextId;
    /** Only for {@link Fault#DEADLINES_FROM_SCHEDULER_START}: the clock when this scheduler was made. */
    private final long epoch;
    private long nextId;
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
        this.waiters = new WaitSlots<>(has(Fault.WAIT_TABLE_MASKS_FD_TO_64_SLOTS));
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

    private final class Co extends TimerHeap.Entry implements Coroutine {
        final long id;
        final CoroutineFunction<Object> func;
        final Object arg;
        Continuation cont;
        /** Only for {@link Fault#EXITED_COROUTINE_RUN_AGAIN}: whether it was already run again. */
        boolean reran;
        CoroutineState state = CoroutineState.NEW;
        Throwable failure;
        int waitFd = -1;
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
                func.run(arg);
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
                if (ready.isEmpty() && timed.isEmpty() && (waiters.isEmpty() || has(Fault.RUN_RETURNS_WITH_UNTIMED_WAITERS))) {
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
            resume(ready.pollFirst());
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
        boolean io = !waiters.isEmpty();
        boolean idle = false;
        if (somethingReady) {
            if (io) {
                poller.poll(0, sink);
            }
        } else if (timed.isEmpty()) {
            if (io) {
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
            Co co = waiters.get(e[0]);
            if (co != null) {
                timed.remove(co);
                endWait(co, e[1]);
                co.resumedByIo = true;
                resume(co);
                co.resumedByIo = false;
                resumed++;
            } else if (has(Fault.EVENT_WITHOUT_WAITER_WAKES_SOMEONE) && wakeStale(e[0])) {
                resumed++;
            }
        }
        if (idle && resumed == 0) {
            clock.advanceTo(timed.peek().deadline);
        }
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
        waiters.remove(co.waitFd);
        if (!has(Fault.EVENT_WITHOUT_WAITER_WAKES_SOMEONE) || result >= 0) {
            poller.disarm(co.waitFd);
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
        co.state = CoroutineState.SLEEPING;
        addTimed(co, millis);
        try {
            Continuation.yield(SCOPE);
        } catch (CoroutinePinnedException e) {
            timed.remove(co);
            co.state = CoroutineState.RUNNING;
            throw e;
        }
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
        if (waiters.get(fd) != null && !has(Fault.SECOND_WAITER_REPLACES_FIRST)) {
            throw new FdBusyException("fd " + fd + " already has a waiter (§4.1)");
        }
        if (!(has(Fault.EVENT_WITHOUT_WAITER_WAKES_SOMEONE) && lastWaiter.containsKey(fd))) {
            poller.arm(fd, events);
        }
        waiters.put(fd, co);
        lastWaiter.put(fd, co);
        co.waitFd = fd;
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
        Co co = waiters.get(fd);
        if (co == null || has(Fault.CLOSE_DOES_NOT_WAKE_WAITER)) {
            return false;
        }
        timed.remove(co);
        endWait(co, CLOSED);
        co.state = CoroutineState.READY;
        makeReady(co);
        return true;
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
        ready.clear();
        timed.clear();
        waiters.clear();
        poller.close();
        if (worker != null) {
            worker.shutdown();
        }
        if (!has(Fault.CLOSE_DOES_NOT_UNBIND)) {
            SchedulerBinding.unbind(this);
        }
    }
}
