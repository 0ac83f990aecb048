package io.nty.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.api.Coroutine;
import io.nty.api.CoroutineState;
import io.nty.api.Coroutines;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** §1 create. */
class Rule1CreateTest extends SchedulerFixture {

    @Test
    void rule1_1_createGivesNextIdStateNewAndDoesNotRunFunc() {
        Coroutine a = scheduler.create(x -> log("a"), null);
        Coroutine b = scheduler.create(x -> log("b"), null);
        Coroutine c = scheduler.create(x -> log("c"), null);

        assertThat(List.of(a.id(), b.id(), c.id())).containsExactly(0L, 1L, 2L);
        assertThat(a.state()).isEqualTo(CoroutineState.NEW);
        assertThat(trace).isEmpty();
    }

    @Test
    void rule1_1_createAppendsToReadyTail() {
        scheduler.create(x -> {
            log("a");
            scheduler.create(y -> log("child of a"), null);
            Coroutines.yield();
            log("a again");
        }, null);
        scheduler.create(x -> log("b"), null);

        scheduler.run();

        assertThat(trace).containsExactly("a", "b", "child of a", "a again");
    }

    @Test
    void rule1_1_idsArePerScheduler() throws Exception {
        scheduler.create(x -> { }, null);
        long[] otherId = new long[1];
        Thread t = new Thread(() -> {
            try (NtyScheduler other = NtyScheduler.create()) {
                otherId[0] = other.create(x -> { }, null).id();
            }
        });
        t.start();
        t.join();
        assertThat(otherId[0]).isZero();
    }

    @Test
    void rule1_2_createNeverSwitchesInsideACoroutine() {
        scheduler.create(x -> {
            log("parent before");
            Coroutine child = scheduler.create(y -> log("child"), null);
            log("parent after, child " + child.state());
        }, null);

        scheduler.run();

        assertThat(trace).containsExactly("parent before", "parent after, child NEW", "child");
    }

    @Test
    void rule1_2_createNeverSwitchesOutsideACoroutine() {
        scheduler.create(x -> log("co"), null);
        log("caller continues");
        assertThat(trace).containsExactly("caller continues");
    }

    @Test
    @Timeout(10)
    void rule1_3_executeFromAnotherThreadWakesABlockedPoll() throws Exception {
        AtomicReference<NtyScheduler> remote = new AtomicReference<>();
        CountDownLatch parked = new CountDownLatch(1);
        CountDownLatch ran = new CountDownLatch(1);
        Thread schedulerThread = new Thread(() -> {
            try (NtyScheduler s = NtyScheduler.create()) {
                remote.set(s);
                // The only coroutine sleeps a minute: run() parks in the poller for that long
                // unless execute() wakes it.
                s.create(x -> {
                    parked.countDown();
                    s.sleep(60_000);
                }, null);
                s.run();
            }
        }, "remote-scheduler");
        schedulerThread.setDaemon(true);
        schedulerThread.start();
        parked.await();
        Thread.sleep(50);

        remote.get().execute(() -> {
            log("ran on " + Thread.currentThread().getName() + " as coroutine "
                    + Coroutines.current().orElseThrow().id());
            ran.countDown();
        });

        assertThat(ran.await(5, TimeUnit.SECONDS)).as("task submitted from another thread ran").isTrue();
        assertThat(trace).containsExactly("ran on remote-scheduler as coroutine 1");
    }
}
