package io.nty.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.api.Coroutines;
import io.nty.api.NotInCoroutineException;
import io.nty.api.IoEvents;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** §3 yield/resume ordering, in virtual time. */
class Rule3OrderingTest extends SchedulerFixture {

    @Test
    void rule3_1_aCoroutineRunsUntilItSuspendsNoPreemption() {
        scheduler.create(a -> {
            log("busy start");
            long end = System.nanoTime() + Duration.ofMillis(30).toNanos();
            while (System.nanoTime() < end) {
                Thread.onSpinWait();
            }
            log("busy end");
        }, null);
        scheduler.create(a -> log("other"), null);

        scheduler.run();

        assertThat(trace).containsExactly("busy start", "busy end", "other");
    }

    @Test
    void rule3_2_yieldAppendsToReadyTail() {
        for (String name : new String[] {"a", "b", "c"}) {
            scheduler.create(n -> {
                log(n + "1");
                Coroutines.yield();
                log(n + "2");
                Coroutines.yield();
                log(n + "3");
            }, name);
        }

        scheduler.run();

        assertThat(trace).containsExactly("a1", "b1", "c1", "a2", "b2", "c2", "a3", "b3", "c3");
    }

    @Test
    void rule3_2_sleepZeroIsYield() {
        scheduler.create(a -> {
            log("a1");
            Coroutines.sleep(0);
            log("a2");
        }, null);
        scheduler.create(a -> log("b"), null);

        scheduler.run();

        assertThat(trace).containsExactly("a1", "b", "a2");
        assertThat(now()).isZero();
    }

    @Test
    void rule3_3_coroutinesMadeReadyDuringStepBWaitForTheNextRound() {
        scheduler.create(a -> {
            Coroutines.sleep(1);
            log("sleeper");
        }, null);
        scheduler.create(a -> {
            log("a1");
            clock.advance(Duration.ofMillis(1)); // the sleeper's deadline passes during step (b)
            Coroutines.yield();
            log("a2");
        }, null);
        scheduler.create(a -> log("b"), null);

        scheduler.run();

        // a2 was made ready during round 1's step (b): it runs in round 2, after round 2's step (a).
        assertThat(trace).containsExactly("a1", "b", "sleeper", "a2");
    }

    @Test
    void rule3_3_expiredSleepersRunBeforeTheReadyQueueInOrderOfDeadline() {
        scheduler.create(a -> {
            Coroutines.sleep(10);
            log("s10");
        }, null);
        scheduler.create(a -> {
            Coroutines.sleep(5);
            log("s5");
        }, null);
        scheduler.create(a -> {
            Coroutines.yield();
            clock.advance(Duration.ofMillis(20));
            Coroutines.yield();
            log("ready");
        }, null);

        scheduler.run();

        assertThat(trace).containsExactly("s5", "s10", "ready");
    }

    @Test
    void rule3_3_equalDeadlinesWakeInOrderOfSleepingNotOfCreation() {
        scheduler.create(a -> {
            Coroutines.yield(); // sleeps one round later than y, at the same virtual time
            Coroutines.sleep(10);
            log("x");
        }, null);
        scheduler.create(a -> {
            Coroutines.sleep(10);
            log("y");
        }, null);
        scheduler.create(a -> {
            Coroutines.sleep(10);
            log("z");
        }, null);

        scheduler.run();

        assertThat(trace).containsExactly("y", "z", "x");
        assertThat(now()).isEqualTo(10);
    }

    @Test
    void rule3_3_ioWaitersResumeInStepCAfterTheReadySnapshot() {
        poller.makeReady(7, IoEvents.READ);
        scheduler.create(a -> {
            log("waiter got " + IoEvents.toString(scheduler.await(7, IoEvents.READ, 0)));
        }, null);
        scheduler.create(a -> {
            log("r1");
            Coroutines.yield();
            log("r2");
        }, null);

        scheduler.run();

        // Round 1: (b) waiter arms and suspends, r1 yields; (c) fd 7 ready -> waiter. Round 2: r2.
        assertThat(trace).containsExactly("r1", "waiter got READ", "r2");
    }

    @Test
    void rule3_4_sleepSuspendsForAtLeastTheGivenTime() {
        long[] woke = new long[3];
        long[] durations = {1, 250, 1_500};
        for (int i = 0; i < 3; i++) {
            int index = i;
            scheduler.create(a -> {
                Coroutines.sleep(durations[index]);
                woke[index] = now();
            }, null);
        }

        scheduler.run();

        assertThat(woke).containsExactly(1, 250, 1_500);
    }

    @Test
    void rule3_4_sleepWithRealClockSleepsAtLeastThatLong() {
        scheduler.close();
        scheduler = NtyScheduler.create();
        long[] elapsed = new long[1];
        scheduler.create(a -> {
            long start = System.nanoTime();
            Coroutines.sleep(20);
            elapsed[0] = System.nanoTime() - start;
        }, null);

        scheduler.run();

        assertThat(elapsed[0]).isGreaterThanOrEqualTo(Duration.ofMillis(20).toNanos());
    }

    @Test
    void rule3_4_sleepDurationRoundsUpToWholeMilliseconds() {
        scheduler.create(a -> scheduler.sleep(Duration.ofNanos(1_000_001)), null);
        scheduler.run();
        assertThat(now()).isEqualTo(2);
    }

    @Test
    void rule3_5_runReturnsWhenNothingIsReadySleepingOrWaiting() {
        scheduler.run(); // nothing at all
        scheduler.create(a -> {
            Coroutines.sleep(100);
            log("slept");
        }, null);
        scheduler.run();
        assertThat(trace).containsExactly("slept");
        scheduler.create(a -> log("again"), null);
        scheduler.run();
        assertThat(trace).containsExactly("slept", "again");
    }

    @Test
    void rule3_5_runKeepsGoingWhileACoroutineWaitsOnAnFd() {
        scheduler.create(a -> {
            scheduler.await(3, IoEvents.READ, 0);
            log("woke");
        }, null);
        scheduler.create(a -> {
            Coroutines.sleep(50);
            poller.makeReady(3, IoEvents.READ);
        }, null);

        scheduler.run();

        assertThat(trace).containsExactly("woke");
    }

    @Test
    void rule3_6_suspendingOutsideACoroutineFailsClearly() {
        assertThatThrownBy(Coroutines::yield)
                .isInstanceOf(NotInCoroutineException.class)
                .hasMessageContaining("§3.6");
        assertThatThrownBy(() -> scheduler.sleep(5))
                .isInstanceOf(NotInCoroutineException.class)
                .hasMessageContaining("inside a coroutine");
        assertThatThrownBy(() -> scheduler.await(3, IoEvents.READ, 0))
                .isInstanceOf(NotInCoroutineException.class);
        assertThat(Coroutines.current()).isEmpty();
        assertThat(Coroutines.inCoroutine()).isFalse();
    }

    @Test
    void rule3_6_suspendingOnAThreadWithoutSchedulerFailsClearly() throws Exception {
        Throwable[] thrown = new Throwable[1];
        Thread t = new Thread(() -> {
            try {
                Coroutines.sleep(1);
            } catch (Throwable e) {
                thrown[0] = e;
            }
        }, "plain-thread");
        t.start();
        t.join();
        assertThat(thrown[0]).isInstanceOf(NotInCoroutineException.class)
                .hasMessageContaining("plain-thread").hasMessageContaining("no nty scheduler");
    }
}
