package io.nty.conformance.example;

import io.nty.api.Coroutine;
import io.nty.api.CoroutineExceptionHandler;
import io.nty.api.CoroutineFunction;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
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
 * not from the reference: its own use of {@code jdk.internal.vm.Continuation}, a list kept sorted
 * for sleepers, a map for waiters, and IO readiness collected first and resumed after the poll.
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
    private final Deque<Co> ready = new ArrayDeque<>();
    /** Sleepers and timed waiters, sorted by (deadline, order of suspending). */
    private final List<Co> timed = new ArrayList<>();
    private final Map<Integer, Co> waiters = new HashMap<>();
    /** Only for {@link Fault#EVENT_WITHOUT_WAITER_WAKES_SOMEONE}: the last waiter per fd. */
    private final Map<Integer, Co> lastWaiter = new HashMap<>();
    private final ConcurrentLinkedQueue<Runnable> submitted = new ConcurrentLinkedQueue<>();
    /** Only for {@link Fault#RESUMES_ON_ANOTHER_THREAD}: where coroutines are wrongly resumed. */
    private final ExecutorService worker;
    private Co current;
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
        this.worker = has(Fault.RESUMES_ON_ANOTHER_THREAD)
                ? Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().daemon(true).name("simple-worker").unstarted(r))
                : null;
        SchedulerBinding.bind(this);
    }

    private final class Co implements Coroutine {
        final long id;
        final CoroutineFunction<Object> func;
        final Object arg;
        Continuation cont;
        /** Only for {@link Fault#EXITED_COROUTINE_RUN_AGAIN}: whether it was already run again. */
        boolean reran;
        CoroutineState state = CoroutineState.NEW;
        Throwable failure;
        int waitFd = -1;
        int waitEvents;
        long deadline;
        long seq;
        /** How the last wait ended: ready events, or TIMEOUT / CLOSED. */
        int waitResult;

        @SuppressWarnings("unchecked")
        Co(long id, CoroutineFunction<?> func, Object arg) {
            this.id = id;
            this.func = (CoroutineFunction<Object>) func;
            this.arg = arg;
            this.cont = new Continuation(SCOPE, this::entry);
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
        Co co = new Co(nextId++, func, arg);
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
                if (ready.isEmpty() && timed.isEmpty() && waiters.isEmpty()) {
                    return;
                }
                expireTimed();
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
        while (!timed.isEmpty() && timed.get(0).deadline <= now) {
            Co co = timed.remove(0);
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
        boolean somethingReady = !ready.isEmpty() || !submitted.isEmpty()
                || (!timed.isEmpty() && timed.get(0).deadline <= clock.nanoTime());
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
            poller.poll(Math.max(0, timed.get(0).deadline - clock.nanoTime()), sink);
        }
        int resumed = 0;
        for (int[] e : events) {
            Co co = waiters.get(e[0]);
            if (co != null) {
                timed.remove(co);
                endWait(co, e[1]);
                resume(co);
                resumed++;
            } else if (has(Fault.EVENT_WITHOUT_WAITER_WAKES_SOMEONE) && wakeStale(e[0])) {
                resumed++;
            }
        }
        if (idle && resumed == 0) {
            clock.advanceTo(timed.get(0).deadline);
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
            co.cont = new Continuation(SCOPE, co::entry);
            co.state = CoroutineState.READY;
            makeReady(co);
            return;
        }
        if (co.cont.isDone()) {
            co.state = CoroutineState.EXITED;
            if (co.failure != null) {
                Throwable f = co.failure;
                co.failure = null;
                if (has(Fault.EXCEPTION_STOPS_SCHEDULER)) {
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
        Continuation.yield(SCOPE);
    }

    @Override
    public void sleep(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("negative sleep " + millis);
        }
        if (millis == 0 || (current == null && has(Fault.SUSPEND_OUTSIDE_COROUTINE_IGNORED))) {
            yieldNow();
            return;
        }
        Co co = inCoroutine("sleep");
        if (has(Fault.SLEEP_DOES_NOT_YIELD)) {
            return;
        }
        co.state = CoroutineState.SLEEPING;
        addTimed(co, millis);
        Continuation.yield(SCOPE);
    }

    private void addTimed(Co co, long millis) {
        co.deadline = clock.nanoTime() + millis * 1_000_000L;
        co.seq = nextSeq++;
        int i = 0;
        boolean lifo = has(Fault.EQUAL_DEADLINES_LIFO);
        while (i < timed.size() && (timed.get(i).deadline < co.deadline
                || (!lifo && timed.get(i).deadline == co.deadline))) {
            i++;
        }
        timed.add(i, co);
    }

    @Override
    public int await(int fd, int events, long timeoutMillis) {
        if (fd < 0 || events == 0 || (events & ~IoEvents.INTEREST_MASK) != 0 || timeoutMillis < 0) {
            throw new IllegalArgumentException("bad await(" + fd + ", " + events + ", " + timeoutMillis + ")");
        }
        Co co = inCoroutine("await");
        if (waiters.containsKey(fd) && !has(Fault.SECOND_WAITER_REPLACES_FIRST)) {
            throw new FdBusyException("fd " + fd + " already has a waiter (§4.1)");
        }
        if (!(has(Fault.EVENT_WITHOUT_WAITER_WAKES_SOMEONE) && lastWaiter.containsKey(fd))) {
            poller.arm(fd, events);
        }
        waiters.put(fd, co);
        lastWaiter.put(fd, co);
        co.waitFd = fd;
        co.waitEvents = events;
        co.state = CoroutineState.WAITING;
        long timeout = has(Fault.TIMEOUT_OVER_ONE_SECOND_SHORTENED) && timeoutMillis > 1000
                ? Math.max(1, timeoutMillis % 1000) : timeoutMillis;
        if (timeout > 0) {
            addTimed(co, timeout);
        }
        Continuation.yield(SCOPE);
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
        SchedulerBinding.unbind(this);
    }
}
