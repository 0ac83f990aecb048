package io.nty.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.api.Coroutine;
import io.nty.api.CoroutineState;
import io.nty.api.Coroutines;
import io.nty.api.WrongThreadException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** §6.1 park/unpark. */
class Rule6ParkTest extends SchedulerFixture {

    @Test
    void rule6_1_aParkedCoroutineRunsAgainOnlyAfterAnUnpark() {
        Coroutine[] parker = new Coroutine[1];
        parker[0] = scheduler.create(a -> {
            log("park");
            scheduler.park();
            log("unparked at " + now());
        }, null);
        scheduler.create(a -> {
            for (int i = 0; i < 3; i++) {
                scheduler.sleep(10);
                log("state " + parker[0].state());
            }
            log("unpark");
            scheduler.unpark(parker[0]);
        }, null);

        scheduler.run();

        assertThat(trace).containsExactly("park", "state PARKED", "state PARKED", "state PARKED", "unpark",
                "unparked at 30");
    }

    @Test
    void rule6_1_unparkAppendsTheParkedCoroutineToTheReadyTail() {
        Coroutine[] parker = new Coroutine[1];
        parker[0] = scheduler.create(a -> {
            scheduler.park();
            log("parker");
        }, null);
        scheduler.create(a -> {
            scheduler.create(b -> log("created before unpark"), null);
            scheduler.unpark(parker[0]);
            scheduler.create(b -> log("created after unpark"), null);
            log("unparker goes on");
        }, null);

        scheduler.run();

        assertThat(trace).containsExactly("unparker goes on", "created before unpark", "parker",
                "created after unpark");
    }

    @Test
    void rule6_1_anUnparkBeforeTheParkIsNotLostAndParkThenReturnsWithoutSwitching() {
        Coroutine[] co = new Coroutine[1];
        co[0] = scheduler.create(a -> {
            scheduler.unpark(co[0]);
            log("state after self-unpark " + co[0].state());
            scheduler.create(b -> log("other"), null);
            scheduler.park(); // the permit is used: no switch, "other" has not run yet
            log("returned from park");
            Coroutines.yield();
            log("after yield");
        }, null);

        scheduler.run();

        assertThat(trace).containsExactly("state after self-unpark RUNNING", "returned from park", "other",
                "after yield");
    }

    @Test
    void rule6_1_anUnparkGivenToANewCoroutineIsKeptForItsFirstPark() {
        Coroutine co = scheduler.create(a -> {
            scheduler.park();
            log("park returned at once");
        }, null);
        scheduler.unpark(co);
        assertThat(co.state()).isEqualTo(CoroutineState.NEW);

        scheduler.run();

        assertThat(trace).containsExactly("park returned at once");
    }

    @Test
    void rule6_1_thePermitIsOneNotACount() {
        Coroutine[] co = new Coroutine[1];
        co[0] = scheduler.create(a -> {
            scheduler.park();
            log("first park returned");
            scheduler.park();
            log("second park returned at " + now());
        }, null);
        scheduler.unpark(co[0]);
        scheduler.unpark(co[0]);
        scheduler.create(a -> {
            scheduler.sleep(5);
            scheduler.unpark(co[0]);
        }, null);

        scheduler.run();

        assertThat(trace).containsExactly("first park returned", "second park returned at 5");
    }

    @Test
    void rule6_1_unparkingACoroutineThatIsNotParkedChangesNothingElse() {
        Coroutine[] sleeper = new Coroutine[1];
        sleeper[0] = scheduler.create(a -> {
            scheduler.sleep(20);
            log("sleeper woke at " + now());
        }, null);
        Coroutine yielder = scheduler.create(a -> {
            Coroutines.yield();
            log("yielder");
        }, null);
        scheduler.create(a -> {
            scheduler.unpark(sleeper[0]);
            scheduler.unpark(yielder);
            log("sleeper " + sleeper[0].state() + ", yielder " + yielder.state());
        }, null);

        scheduler.run();
        scheduler.unpark(sleeper[0]); // EXITED: nothing

        assertThat(trace).containsExactly("sleeper SLEEPING, yielder READY", "yielder", "sleeper woke at 20");
        assertThat(sleeper[0].state()).isEqualTo(CoroutineState.EXITED);
    }

    @Test
    void rule6_1_aParkedCoroutineKeepsRunGoingUntilAnUnparkComesThroughExecute() throws Exception {
        // The scripted poller cannot block; this needs the parking poller and the real clock.
        scheduler.close();
        NtyScheduler s = NtyScheduler.builder().poller(new ParkingPoller(Thread.currentThread())).build();
        try {
            Coroutine co = s.create(a -> {
                s.park();
                log("unparked");
            }, null);
            CompletableFuture<Void> other = CompletableFuture.runAsync(() -> {
                sleepQuietly(50);
                s.execute(co::unpark);
            });
            s.run();
            other.get(10, TimeUnit.SECONDS);
            assertThat(trace).containsExactly("unparked");
        } finally {
            s.close();
            scheduler = NtyScheduler.builder().clock(clock).poller(poller).name("test-scheduler").build();
        }
    }

    @Test
    void rule6_1_unparkFromAnotherThreadFailsClearlyAndNamesTheThreadSafePath() throws Exception {
        Coroutine co = scheduler.create(a -> { }, null);
        CompletableFuture<Throwable> f = CompletableFuture.supplyAsync(() -> {
            try {
                scheduler.unpark(co);
                return null;
            } catch (Throwable t) {
                return t;
            }
        });
        Throwable t = f.get(10, TimeUnit.SECONDS);
        assertThat(t).isInstanceOf(WrongThreadException.class).hasMessageContaining("execute()");
        scheduler.run();
    }

    @Test
    void rule6_1_parkOutsideACoroutineFails() {
        assertThatThrownBy(scheduler::park).hasMessageContaining("park()").hasMessageContaining("§3.6");
        assertThatThrownBy(Coroutines::park).hasMessageContaining("park()");
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
