package io.nty.conformance.jvm;

import io.nty.api.Scheduler;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/**
 * The other threads of the thread steps ({@code foreign}, {@code submit}): calls on a scheduler
 * from a thread that is not its own (§1.3, §5.1, §5.2).
 */
final class ForeignThread {

    /** Real time a foreign call may take before it counts as hung. */
    static final long CALL_TIMEOUT_MILLIS = 2_000;
    /**
     * Real time the trace must stay unchanged before the scheduler counts as blocked in its poll.
     * Rounds in virtual time take microseconds, so a pause this long means nothing runs.
     */
    static final long QUIET_MILLIS = 100;
    /**
     * Real time within which a task submitted to a blocked scheduler must start (§1.3). A poll
     * that is not woken only ends by giving up (the simulated poller after 2 s) or never.
     */
    static final long WAKE_LIMIT_MILLIS = 1_000;
    private static final long POLL_MILLIS = 10;

    private ForeignThread() {
    }

    /**
     * Makes a call on a new thread and waits for it.
     *
     * @param call the call, returning its outcome as trace text
     * @return the outcome, or {@code hung} if the call did not return in time
     */
    static String outcome(Supplier<String> call) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread.ofPlatform().daemon(true).name("nty-conformance-foreign").start(() -> {
            try {
                result.complete(call.get());
            } catch (Throwable t) {
                result.complete("error " + t.getClass().getSimpleName());
            }
        });
        try {
            return result.get(CALL_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            return "hung";
        } catch (ExecutionException e) {
            return "error " + e.getCause().getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /**
     * On a new thread: waits until the scheduler is blocked — the trace has not grown for
     * {@link #QUIET_MILLIS} — then submits {@code task} through {@code Executor.execute}.
     *
     * @param scheduler the scheduler
     * @param task the task
     * @param traceLength the number of events so far
     * @param failure told what went wrong if {@code execute} throws or the task starts late
     */
    static void submitWhenBlocked(Scheduler scheduler, Runnable task, IntSupplier traceLength, Consumer<String> failure) {
        Thread.ofPlatform().daemon(true).name("nty-conformance-submit").start(() -> {
            awaitQuiet(traceLength);
            long submitted = System.nanoTime();
            try {
                scheduler.execute(() -> {
                    long late = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - submitted);
                    if (late > WAKE_LIMIT_MILLIS) {
                        failure.accept("a task submitted with execute() while the scheduler blocked in its poll started "
                                + late + " ms later: execute() did not wake the poll");
                    }
                    task.run();
                });
            } catch (RuntimeException e) {
                failure.accept("execute() from another thread threw " + e);
            }
        });
    }

    private static void awaitQuiet(IntSupplier traceLength) {
        int seen = -1;
        long quietSince = System.nanoTime();
        while (true) {
            int n = traceLength.getAsInt();
            if (n != seen) {
                seen = n;
                quietSince = System.nanoTime();
            } else if (System.nanoTime() - quietSince >= TimeUnit.MILLISECONDS.toNanos(QUIET_MILLIS)) {
                return;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }
}
