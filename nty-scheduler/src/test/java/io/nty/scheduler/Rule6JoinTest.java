package io.nty.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.api.Coroutine;
import io.nty.api.CoroutineFailedException;
import io.nty.api.CoroutineState;
import io.nty.api.JoinCycleException;
import io.nty.api.NotInCoroutineException;
import io.nty.api.ResultCoroutine;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** §6.2 join, and the result-returning variant of create. */
class Rule6JoinTest extends SchedulerFixture {

    @Test
    void rule6_2_aJoinerWaitsForTheEndAndGetsTheResult() {
        ResultCoroutine<String> worker = scheduler.createWithResult(name -> {
            scheduler.sleep(15);
            return "hello " + name;
        }, "nty");
        scheduler.create(a -> {
            String r = worker.join();
            log("joined at " + now() + ": " + r + ", worker " + worker.state());
        }, null);

        scheduler.run();

        assertThat(trace).containsExactly("joined at 15: hello nty, worker EXITED");
    }

    @Test
    void rule6_2_createWithResultKeepsCreatesShape() {
        ResultCoroutine<Integer> a = scheduler.createWithResult(x -> x + 1, 41);
        Coroutine b = scheduler.create(x -> log("b"), null);
        assertThat(a.id()).isZero();
        assertThat(b.id()).isEqualTo(1);
        assertThat(a.state()).isEqualTo(CoroutineState.NEW);
        assertThat(a.argument()).isEqualTo(41);

        scheduler.run();

        assertThat(a.join()).isEqualTo(42);
        assertThat(b.join()).isNull(); // create's coroutines have no result
    }

    @Test
    void rule6_2_aJoinerGetsTheFailureAndTheHandlerStillSeesIt() {
        Coroutine failing = scheduler.create(a -> {
            Thread.onSpinWait();
            throw new IOException("disk on fire");
        }, null);
        scheduler.create(a -> {
            try {
                failing.join();
                log("no failure?");
            } catch (CoroutineFailedException e) {
                log("failed: " + e.getCause().getMessage() + ", cancelled " + e.wasCancelled());
            }
        }, null);

        scheduler.run();

        assertThat(trace).containsExactly("failed: disk on fire, cancelled false");
        assertThat(failures).singleElement().isInstanceOf(IOException.class); // §2.3 unchanged
    }

    @Test
    void rule6_2_joinersResumeInJoinOrderAtTheReadyTail() {
        Coroutine target = scheduler.create(a -> scheduler.sleep(5), null);
        for (int i = 0; i < 3; i++) {
            int n = i;
            scheduler.create(a -> {
                target.join();
                log("joiner " + n);
            }, null);
        }
        scheduler.run();
        assertThat(trace).containsExactly("joiner 0", "joiner 1", "joiner 2");
    }

    @Test
    void rule6_2_joiningItselfFailsAtOnce() {
        Coroutine[] self = new Coroutine[1];
        self[0] = scheduler.create(a -> {
            try {
                self[0].join();
            } catch (JoinCycleException e) {
                log(e.getMessage());
            }
            log("still running as " + self[0].state());
        }, null);

        scheduler.run();

        assertThat(trace).containsExactly("coroutine 0 (RUNNING) cannot join itself: the join would never end (§6.2)",
                "still running as RUNNING");
    }

    @Test
    void rule6_2_aCycleOfJoinsFailsAtOnceNamingTheCycle() {
        Coroutine[] c = new Coroutine[3];
        c[0] = scheduler.create(a -> c[1].join(), null);
        c[1] = scheduler.create(a -> c[2].join(), null);
        c[2] = scheduler.create(a -> {
            try {
                c[0].join();
            } catch (JoinCycleException e) {
                log(e.getMessage());
            }
        }, null);

        scheduler.run();

        assertThat(trace).containsExactly("coroutine 2 (RUNNING) cannot join coroutine 0 (JOINING): coroutine 0 joins "
                + "coroutine 1 joins coroutine 2, so the join would never end (§6.2)");
        assertThat(c).allMatch(co -> co.state() == CoroutineState.EXITED);
        assertThat(failures).isEmpty();
    }

    @Test
    void rule6_2_joiningAnExitedCoroutineReturnsAtOnceWithoutSwitching() {
        ResultCoroutine<String> done = scheduler.createWithResult(a -> "done", null);
        scheduler.create(a -> {
            scheduler.create(b -> log("other"), null);
            log("join gives " + done.join()); // no switch: "other" has not run
        }, null);

        scheduler.run();

        assertThat(trace).containsExactly("join gives done", "other");
    }

    @Test
    void rule6_2_outsideACoroutineOnlyAnExitedCoroutineCanBeJoined() {
        Coroutine pending = scheduler.create(a -> { }, null);
        assertThatThrownBy(pending::join).isInstanceOf(NotInCoroutineException.class).hasMessageContaining("join()");
        scheduler.run();
        assertThat(pending.join()).isNull();
    }

    @Test
    void rule6_2_joiningACoroutineOfAnotherSchedulerFailsClearly() throws Exception {
        Coroutine[] foreign = new Coroutine[1];
        Thread t = Thread.ofPlatform().start(() -> {
            try (NtyScheduler other = NtyScheduler.builder().poller(new ParkingPoller(Thread.currentThread())).build()) {
                foreign[0] = other.create(a -> { }, null);
                other.run();
            }
        });
        t.join();
        assertThatThrownBy(() -> scheduler.join(foreign[0])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("belongs to");
    }
}
