package io.nty.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.api.Coroutine;
import io.nty.api.CoroutineCancelledException;
import io.nty.api.Coroutines;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class BlockingOffloadTest extends SyncFixture {

    final List<String> trace = new ArrayList<>();
    BlockingOffload offload = new BlockingOffload(4, 16);

    @AfterEach
    void closeOffload() {
        offload.close();
    }

    @Test
    void onlyTheCallingCoroutineWaitsWhileTheTaskBlocksAWorker() {
        CountDownLatch release = new CountDownLatch(1);
        boolean[] returned = {false};
        scheduler.create(a -> {
            String r = offload.call(() -> {
                release.await(); // blocks a worker thread, not the scheduler
                return "done on " + Thread.currentThread().getName();
            });
            returned[0] = true;
            trace.add(r);
        }, null);
        scheduler.create(a -> {
            for (int i = 0; i < 5; i++) {
                Coroutines.yield();
                trace.add("tick " + i + ", call returned " + returned[0]);
            }
            release.countDown();
        }, null);
        scheduler.run();
        assertThat(trace).hasSize(6);
        assertThat(trace.subList(0, 5)).allMatch(s -> s.endsWith("call returned false"));
        assertThat(trace.get(5)).startsWith("done on nty-offload-worker-");
    }

    @Test
    void whatTheTaskThrowsComesBackAsExecutionException() {
        scheduler.create(a -> {
            try {
                offload.call(() -> {
                    throw new IOException("no such host");
                });
            } catch (ExecutionException e) {
                trace.add(e.getCause().getClass().getSimpleName() + ": " + e.getCause().getMessage());
            }
        }, null);
        scheduler.run();
        assertThat(trace).containsExactly("IOException: no such host");
    }

    @Test
    void cancellingTheCallerInterruptsTheWorkerAndDropsTheLateOutcome() throws Exception {
        AtomicBoolean started = new AtomicBoolean();
        CompletableFuture<Boolean> interrupted = new CompletableFuture<>();
        Coroutine caller = scheduler.create(a -> {
            try {
                offload.call(() -> {
                    started.set(true);
                    try {
                        Thread.sleep(60_000);
                        interrupted.complete(false);
                    } catch (InterruptedException e) {
                        interrupted.complete(true);
                    }
                    return "late";
                });
                trace.add("returned?");
            } catch (CoroutineCancelledException e) {
                trace.add("caller cancelled");
            }
        }, null);
        scheduler.create(a -> {
            while (!started.get()) {
                Coroutines.yield();
            }
            caller.cancel();
        }, null);
        scheduler.run();
        assertThat(trace).containsExactly("caller cancelled");
        assertThat(interrupted.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aFullPoolRejectsAtOnceWithAClearError() {
        offload.close();
        offload = new BlockingOffload(1, 1);
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < 2; i++) { // one runs, one waits in the queue
            scheduler.create(a -> trace.add(offload.call(() -> {
                release.await();
                return "ok";
            })), null);
        }
        scheduler.create(a -> {
            try {
                offload.call(() -> "never");
            } catch (RejectedExecutionException e) {
                trace.add(e.getMessage());
            }
            release.countDown();
        }, null);
        scheduler.run();
        assertThat(trace).containsExactly(
                "blocking offload is full: all 1 workers are busy and 1 tasks already wait for one; the task was not started",
                "ok", "ok");
    }

    @Test
    void atScaleAThousandCoroutinesShareEightWorkers() {
        offload.close();
        offload = new BlockingOffload(8, 1_000);
        int n = 1_000;
        long[] sum = {0};
        for (int i = 0; i < n; i++) {
            int v = i;
            scheduler.create(a -> {
                long r = offload.call(() -> {
                    Thread.sleep(1);
                    return (long) v;
                });
                sum[0] += r; // after the call: `sum[0] += call()` would read sum[0] before it
            }, null);
        }
        scheduler.run();
        assertThat(sum[0]).isEqualTo((long) n * (n - 1) / 2);
    }

    @Test
    void outsideACoroutineTheTaskRunsOnTheCallingThread() throws Exception {
        assertThat(offload.call(() -> Thread.currentThread().getName())).isEqualTo(Thread.currentThread().getName());
    }

    @Test
    void aClosedOffloadRejects() {
        offload.close();
        scheduler.create(a -> assertThatThrownBy(() -> offload.call(() -> 1))
                .isInstanceOf(RejectedExecutionException.class).hasMessage("blocking offload is closed"), null);
        scheduler.run();
    }
}
