package io.nty.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.api.Coroutine;
import io.nty.api.CoroutineCancelledException;
import io.nty.api.CoroutineFailedException;
import io.nty.api.CoroutineState;
import io.nty.api.Coroutines;
import io.nty.api.IoEvents;
import io.nty.api.WrongThreadException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** §6.3 cancellation, at each suspension point. */
class Rule6CancelTest extends SchedulerFixture {

    /** Runs {@code suspend} in a coroutine that a second coroutine cancels; returns the trace. */
    private void cancelWhile(String point, Runnable suspend) {
        Coroutine victim = scheduler.create(a -> {
            try {
                suspend.run();
                log(point + " returned");
            } catch (CoroutineCancelledException e) {
                log(point + " threw: " + e.getMessage());
                throw e;
            } finally {
                log("finally");
            }
        }, null);
        scheduler.create(a -> {
            log("cancel " + victim.state());
            victim.cancel();
            log("after cancel " + victim.state());
        }, null);
        scheduler.run();
        assertThat(victim.state()).isEqualTo(CoroutineState.EXITED);
        assertThat(failures).isEmpty(); // a cancellation is not a failure for the handler
    }

    @Test
    void rule6_3_aYieldingCoroutineResumesAtItsYieldWithTheCancellation() {
        cancelWhile("yield", Coroutines::yield);
        assertThat(trace).containsExactly("cancel READY", "after cancel READY",
                "yield threw: coroutine 0 was cancelled in yield() (§6.3)", "finally");
    }

    @Test
    void rule6_3_aSleeperResumesAtOnceAtItsSleep() {
        cancelWhile("sleep", () -> scheduler.sleep(1_000));
        assertThat(trace).containsExactly("cancel SLEEPING", "after cancel READY",
                "sleep threw: coroutine 0 was cancelled in sleep() (§6.3)", "finally");
        assertThat(now()).isZero();
    }

    @Test
    void rule6_3_aWaiterResumesAtItsWaitAndItsFdInterestIsDisarmed() {
        cancelWhile("await", () -> scheduler.await(7, IoEvents.READ, 500));
        assertThat(trace).containsExactly("cancel WAITING", "after cancel READY",
                "await threw: coroutine 0 was cancelled in await() (§6.3)", "finally");
        assertThat(poller.calls).containsExactly("arm 7 READ", "disarm 7 READ");
        assertThat(poller.armed).isEmpty();
        assertThat(now()).isZero(); // the timeout no longer counts
    }

    @Test
    void rule6_3_readinessAfterACancelledWaitWakesNobodyAndTheFdCanBeWaitedOnAgain() {
        Coroutine victim = scheduler.create(a -> scheduler.await(7, IoEvents.READ, 0), null);
        scheduler.create(a -> {
            victim.cancel();
            poller.makeReady(7, IoEvents.READ);
            log("second waiter got " + IoEvents.toString(scheduler.await(7, IoEvents.READ, 0)));
        }, null);
        scheduler.run();
        assertThat(trace).containsExactly("second waiter got READ");
    }

    @Test
    void rule6_3_aParkedCoroutineResumesAtItsPark() {
        cancelWhile("park", scheduler::park);
        assertThat(trace).containsExactly("cancel PARKED", "after cancel READY",
                "park threw: coroutine 0 was cancelled in park() (§6.3)", "finally");
    }

    @Test
    void rule6_3_aJoinerResumesAtItsJoinAndTheJoinedCoroutineRunsOn() {
        Coroutine target = scheduler.create(a -> {
            scheduler.sleep(10);
            log("target done");
        }, null);
        cancelWhile("join", target::join);
        assertThat(trace).containsExactly("cancel JOINING", "after cancel READY",
                "join threw: coroutine 1 was cancelled in join() (§6.3)", "finally", "target done");
    }

    @Test
    void rule6_3_aNewCoroutineThatIsCancelledNeverRunsAndIsExited() {
        Coroutine never = scheduler.create(a -> log("ran"), null);
        scheduler.cancel(never);
        assertThat(never.state()).isEqualTo(CoroutineState.EXITED);
        scheduler.create(a -> {
            try {
                never.join();
            } catch (CoroutineFailedException e) {
                log("joiner: cancelled " + e.wasCancelled());
            }
        }, null);

        scheduler.run();

        assertThat(trace).containsExactly("joiner: cancelled true");
        assertThat(failures).isEmpty();
    }

    @Test
    void rule6_3_aJoinerOfACancelledCoroutineGetsTheCancellationAsFailure() {
        Coroutine victim = scheduler.create(a -> scheduler.park(), null);
        scheduler.create(a -> {
            try {
                victim.join();
            } catch (CoroutineFailedException e) {
                log("cancelled " + e.wasCancelled() + ": " + e.getCause().getMessage());
            }
        }, null);
        scheduler.create(a -> victim.cancel(), null);
        scheduler.run();
        assertThat(trace).containsExactly("cancelled true: coroutine 0 was cancelled in park() (§6.3)");
    }

    @Test
    void rule6_3_cancellingItselfThrowsFromTheNextSuspendingCallAtOnce() {
        Coroutine[] self = new Coroutine[1];
        self[0] = scheduler.create(a -> {
            self[0].cancel();
            log("still running");
            try {
                scheduler.sleep(100);
            } catch (CoroutineCancelledException e) {
                log("sleep threw at " + now());
            }
            scheduler.sleep(5); // consumed: suspends normally now
            log("slept to " + now());
        }, null);
        scheduler.run();
        assertThat(trace).containsExactly("still running", "sleep threw at 0", "slept to 5");
    }

    @Test
    void rule6_3_cancellingTwiceDeliversOneCancellationAndAfterExitIsHarmless() {
        Coroutine victim = scheduler.create(a -> {
            try {
                scheduler.sleep(50);
            } catch (CoroutineCancelledException e) {
                log("cancelled once");
            }
            scheduler.sleep(10);
            log("slept on to " + now());
        }, null);
        scheduler.create(a -> {
            victim.cancel();
            victim.cancel();
        }, null);
        scheduler.run();
        scheduler.cancel(victim);
        scheduler.cancel(victim);
        assertThat(trace).containsExactly("cancelled once", "slept on to 10");
        assertThat(victim.state()).isEqualTo(CoroutineState.EXITED);
    }

    @Test
    void rule6_3_finallyBlocksMaySuspendAfterTheCancellation() {
        Coroutine victim = scheduler.create(a -> {
            try {
                scheduler.park();
            } finally {
                scheduler.sleep(3);
                log("cleanup done at " + now());
            }
        }, null);
        scheduler.create(a -> victim.cancel(), null);
        scheduler.run();
        assertThat(trace).containsExactly("cleanup done at 3");
        assertThat(failures).isEmpty();
    }

    @Test
    void rule6_3_cancelFromAnotherThreadFailsClearlyAndExecuteIsTheWay() throws Exception {
        Coroutine victim = scheduler.create(a -> {
            try {
                scheduler.sleep(1_000);
            } catch (CoroutineCancelledException e) {
                log("cancelled at " + now());
            }
        }, null);
        Throwable t = CompletableFuture.supplyAsync(() -> {
            try {
                victim.cancel();
                return null;
            } catch (Throwable e) {
                return e;
            }
        }).get(10, TimeUnit.SECONDS);
        assertThat(t).isInstanceOf(WrongThreadException.class).hasMessageContaining("execute()");
        scheduler.execute(victim::cancel);
        scheduler.run();
        assertThat(trace).containsExactly("cancelled at 0");
    }
}
