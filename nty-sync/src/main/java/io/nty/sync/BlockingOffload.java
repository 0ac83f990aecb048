package io.nty.sync;

import io.nty.api.Coroutine;
import io.nty.api.CoroutineCancelledException;
import io.nty.api.CoroutineState;
import io.nty.api.Scheduler;
import java.util.Objects;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs blocking code (JDK name lookups, file IO, a blocking driver) on a bounded pool of worker
 * threads while only the calling coroutine waits: the scheduler's thread runs the other
 * coroutines meanwhile.
 *
 * <p>{@link #call} submits the task to a worker and parks the caller (§6.1). When the task ends,
 * the worker hands the outcome back through the scheduler's thread-safe path,
 * {@link Scheduler#execute} (§1.3), which wakes a blocked poll; the task submitted there unparks
 * the caller on the scheduler's own thread. A parked caller keeps the scheduler's
 * {@code run()} going (§3.5), so the result is never stranded.
 *
 * <p>Bounded: at most {@code workers} tasks run at once and at most {@code queueCapacity} more
 * wait for a worker; a call beyond that fails at once with a {@link RejectedExecutionException}
 * naming the limits, and nothing runs. Cancelling the caller (§6.3) interrupts its worker and
 * the call throws {@link CoroutineCancelledException}; the late outcome is dropped. Outside a
 * coroutine {@code call} runs the task on the calling thread, as the socket hooks block there
 * (§3.6). One offload may serve any number of schedulers; it is thread-safe.
 */
public final class BlockingOffload implements AutoCloseable {

    private final ThreadPoolExecutor pool;
    private final int workers;
    private final int queueCapacity;

    /**
     * Creates an offload with a fixed pool of {@code workers} daemon threads and a bounded queue of
     * {@code queueCapacity} waiting tasks ({@code 0}: a task is accepted only when a worker is free).
     * Idle workers end after 30 seconds and are started again on demand, so an unused offload holds
     * no threads; {@link #close()} stops them for good.
     *
     * @param workers the most tasks running at once, {@code >= 1}
     * @param queueCapacity the most tasks waiting for a worker, {@code >= 0}
     * @throws IllegalArgumentException if a bound is out of range
     */
    public BlockingOffload(int workers, int queueCapacity) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        if (queueCapacity < 0) {
            throw new IllegalArgumentException("queueCapacity must be >= 0, got " + queueCapacity);
        }
        this.workers = workers;
        this.queueCapacity = queueCapacity;
        BlockingQueue<Runnable> queue = queueCapacity == 0 ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(queueCapacity);
        this.pool = new ThreadPoolExecutor(workers, workers, 30, TimeUnit.SECONDS, queue, new WorkerFactory(),
                new ThreadPoolExecutor.AbortPolicy());
        this.pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code task} on a worker and waits for it; only the calling coroutine is suspended.
     *
     * @param task the blocking code
     * @param <T> its result type
     * @return what {@code task} returned
     * @throws ExecutionException if {@code task} threw (the cause is what it threw)
     * @throws RejectedExecutionException if every worker is busy and the queue is full, or the
     *         offload is closed; the task was not started
     * @throws CoroutineCancelledException if the caller is cancelled while it waits; the worker
     *         is interrupted and the outcome dropped
     */
    public <T> T call(Callable<T> task) throws ExecutionException {
        Objects.requireNonNull(task, "task must not be null");
        Scheduler scheduler = Scheduler.ofCurrentThread().orElse(null);
        Coroutine caller = scheduler == null ? null : scheduler.current().orElse(null);
        if (caller == null) {
            return callHere(task);
        }
        Outcome<T> outcome = new Outcome<>(scheduler, caller);
        Future<?> running;
        try {
            running = pool.submit(() -> outcome.runOnWorker(task));
        } catch (RejectedExecutionException e) {
            throw new RejectedExecutionException(pool.isShutdown() ? "blocking offload is closed"
                    : "blocking offload is full: all " + workers + " workers are busy and " + queueCapacity
                    + " tasks already wait for one; the task was not started", e);
        }
        try {
            while (!outcome.delivered) {
                scheduler.park();
            }
        } catch (CoroutineCancelledException e) {
            if (!outcome.delivered) {
                outcome.abandoned = true;
                running.cancel(true); // interrupts the worker if it has started
                throw e;
            }
            scheduler.cancel(caller); // the outcome came first: keep it, cancel at the next suspension
        }
        return outcome.get();
    }

    private static <T> T callHere(Callable<T> task) throws ExecutionException {
        try {
            return task.call();
        } catch (Exception e) {
            throw new ExecutionException(e);
        }
    }

    /**
     * Stops accepting calls and interrupts running tasks; their callers get an
     * {@link ExecutionException} caused by whatever the interrupt made the task throw.
     * Idempotent.
     */
    @Override
    public void close() {
        pool.shutdownNow();
    }

    @Override
    public String toString() {
        return "BlockingOffload[" + pool.getActiveCount() + "/" + workers + " busy, " + pool.getQueue().size() + "/"
                + queueCapacity + " queued]";
    }

    /**
     * One call's outcome: written by the worker, published to the scheduler's thread through
     * {@code execute} (its queue orders the writes before the read), read only there.
     */
    private static final class Outcome<T> {
        private final Scheduler scheduler;
        private final Coroutine caller;
        private T value;
        private Throwable failure;
        /** Scheduler thread only: the outcome has arrived. */
        boolean delivered;
        /** Scheduler thread only: the caller was cancelled and no longer waits. */
        boolean abandoned;

        Outcome(Scheduler scheduler, Coroutine caller) {
            this.scheduler = scheduler;
            this.caller = caller;
        }

        void runOnWorker(Callable<T> task) {
            try {
                value = task.call();
            } catch (Throwable t) {
                failure = t;
            }
            try {
                scheduler.execute(this::deliver);
            } catch (RejectedExecutionException closed) {
                // The scheduler is closed: its coroutines are abandoned, nobody waits.
            }
        }

        /** Runs on the scheduler's thread (§1.3). */
        private void deliver() {
            if (abandoned) {
                return;
            }
            delivered = true;
            if (caller.state() == CoroutineState.PARKED) {
                scheduler.unpark(caller);
            }
        }

        T get() throws ExecutionException {
            if (failure != null) {
                throw new ExecutionException(failure);
            }
            return value;
        }
    }

    private static final class WorkerFactory implements ThreadFactory {
        private final AtomicInteger threads = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            // Daemon: a forgotten offload must not keep the JVM alive.
            return Thread.ofPlatform().daemon(true).name("nty-offload-worker-" + threads.incrementAndGet())
                    .unstarted(r);
        }
    }
}
