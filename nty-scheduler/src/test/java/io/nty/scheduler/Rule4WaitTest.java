package io.nty.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.api.CoroutineState;
import io.nty.api.Coroutines;
import io.nty.api.FdBusyException;
import io.nty.api.FdClosedException;
import io.nty.api.IoEvents;
import io.nty.api.WaitTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * §4.1–4.3 as the scheduler enforces them, with a scripted poller standing in for the kernel.
 * The socket module repeats these over real fds.
 */
class Rule4WaitTest extends SchedulerFixture {

    @Test
    void rule4_1_aSecondReaderGetsAClearErrorAtOnceAndTheFirstIsUnaffected() {
        scheduler.create(a -> log("first got " + IoEvents.toString(scheduler.await(5, IoEvents.READ, 0))), null);
        scheduler.create(a -> {
            try {
                scheduler.await(5, IoEvents.READ, 0);
                log("second waited");
            } catch (FdBusyException e) {
                log("second refused at " + now() + ": " + e.getMessage());
            }
            poller.makeReady(5, IoEvents.READ);
        }, null);

        scheduler.run();

        assertThat(trace).containsExactly(
                "second refused at 0: fd 5 already has a reader, coroutine 0 (WAITING); coroutine 1 (RUNNING)"
                        + " cannot wait for READ on it too (§4.1: at most one coroutine waits to read an fd"
                        + " and one to write it)",
                "first got READ");
    }

    @Test
    void rule4_1_aSecondWriterGetsAClearErrorAtOnceAndTheFirstIsUnaffected() {
        scheduler.create(a -> log("first got " + IoEvents.toString(scheduler.await(5, IoEvents.WRITE, 0))), null);
        scheduler.create(a -> {
            try {
                scheduler.await(5, IoEvents.WRITE, 0);
                log("second waited");
            } catch (FdBusyException e) {
                log("second refused: " + e.getMessage());
            }
            poller.makeReady(5, IoEvents.WRITE);
        }, null);

        scheduler.run();

        assertThat(trace).hasSize(2);
        assertThat(trace.get(0)).startsWith("second refused: fd 5 already has a writer, coroutine 0");
        assertThat(trace.get(1)).isEqualTo("first got WRITE");
        assertThat(poller.armed).isEmpty();
    }

    @Test
    void rule4_1_aReaderAndAWriterWaitAtOnceEachWokenOnlyByItsOwnReadiness() {
        scheduler.create(a -> log("reader got " + IoEvents.toString(scheduler.await(5, IoEvents.READ, 0))
                + " at " + now()), null);
        scheduler.create(a -> log("writer got " + IoEvents.toString(scheduler.await(5, IoEvents.WRITE, 0))
                + " at " + now()), null);
        scheduler.create(a -> {
            log("both armed: " + IoEvents.toString(poller.armed.get(5)));
            poller.makeReady(5, IoEvents.WRITE);
            Coroutines.sleep(10);
            log("after WRITE, still armed: " + IoEvents.toString(poller.armed.get(5)));
            poller.clearReady(5);
            poller.makeReady(5, IoEvents.READ);
        }, null);

        scheduler.run();

        assertThat(trace).containsExactly(
                "both armed: READ|WRITE",
                "writer got WRITE at 0",
                "after WRITE, still armed: READ",
                "reader got READ at 10");
        assertThat(poller.calls).containsExactly(
                "arm 5 READ", "arm 5 WRITE", "disarm 5 WRITE", "disarm 5 READ");
    }

    @Test
    void rule4_1_readinessForBothDirectionsWakesTheReaderThenTheWriterEachWithItsOwnEvents() {
        scheduler.create(a -> log("reader got " + IoEvents.toString(scheduler.await(5, IoEvents.READ, 0))), null);
        scheduler.create(a -> log("writer got " + IoEvents.toString(scheduler.await(5, IoEvents.WRITE, 0))), null);
        scheduler.create(a -> poller.makeReady(5, IoEvents.READ | IoEvents.WRITE), null);

        scheduler.run();

        assertThat(trace).containsExactly("reader got READ", "writer got WRITE");
    }

    @Test
    void rule4_1_anErrorOrHangupWakesBothTheReaderAndTheWriter() {
        scheduler.create(a -> log("reader got " + IoEvents.toString(scheduler.await(5, IoEvents.READ, 0))), null);
        scheduler.create(a -> log("writer got " + IoEvents.toString(scheduler.await(5, IoEvents.WRITE, 0))), null);
        scheduler.create(a -> poller.makeReady(5, IoEvents.ERROR | IoEvents.HANGUP), null);

        scheduler.run();

        assertThat(trace).containsExactly("reader got ERROR|HANGUP", "writer got ERROR|HANGUP");
    }

    @Test
    void rule4_1_closingTheFdWakesBothTheReaderAndTheWriterWithClosed() {
        scheduler.create(a -> awaitLoggingClose("reader", IoEvents.READ), null);
        scheduler.create(a -> awaitLoggingClose("writer", IoEvents.WRITE), null);
        scheduler.create(a -> log("woken: " + scheduler.fdClosed(5)), null);

        scheduler.run();

        assertThat(trace).containsExactly("woken: true", "reader closed", "writer closed");
        assertThat(poller.armed).isEmpty();
    }

    @Test
    void rule4_1_aTwoWayWaiterHoldsBothDirectionsSoASecondReaderOrWriterIsRefused() {
        scheduler.create(a -> log("both got " + IoEvents.toString(
                scheduler.await(5, IoEvents.READ | IoEvents.WRITE, 0))), null);
        scheduler.create(a -> {
            for (int events : new int[] {IoEvents.READ, IoEvents.WRITE}) {
                try {
                    scheduler.await(5, events, 0);
                } catch (FdBusyException e) {
                    log(IoEvents.toString(events) + " refused: " + e.getMessage().substring(0, 49));
                }
            }
            poller.makeReady(5, IoEvents.WRITE);
        }, null);

        scheduler.run();

        assertThat(trace).containsExactly(
                "READ refused: fd 5 already has a reader and writer, coroutine 0",
                "WRITE refused: fd 5 already has a reader and writer, coroutine 0",
                "both got WRITE");
    }

    @Test
    void rule4_2_aReaderThatThenWaitsToWriteGetsNoWriteReadinessFromBeforeItsWait() {
        scheduler.create(a -> {
            log("reader got " + IoEvents.toString(scheduler.await(5, IoEvents.READ, 0)));
            poller.clearReady(5);
            try {
                scheduler.await(5, IoEvents.WRITE, 50);
                log("woken by the old WRITE");
            } catch (WaitTimeoutException e) {
                log("writer timed out at " + now());
            }
        }, null);
        scheduler.create(a -> poller.makeReady(5, IoEvents.READ | IoEvents.WRITE), null);

        scheduler.run();

        assertThat(trace).containsExactly("reader got READ", "writer timed out at 50");
    }

    @Test
    void rule4_3_aCloseOnAnotherThreadReportedByThePollerEndsTheArmedWaitsAsClosed() {
        scheduler.create(a -> awaitLoggingClose("reader", IoEvents.READ), null);
        scheduler.create(a -> log("writer on 6 got " + IoEvents.toString(scheduler.await(6, IoEvents.WRITE, 0))),
                null);
        scheduler.create(a -> {
            poller.closeElsewhere(5);
            poller.makeReady(6, IoEvents.WRITE);
        }, null);

        scheduler.run();

        assertThat(trace).containsExactly("writer on 6 got WRITE", "reader closed");
        assertThat(poller.armed).isEmpty();
    }

    @Test
    void rule4_1_aReaderWhoseWaitAnotherThreadsCloseEndedDoesNotMakeTheNextReaderBusy() {
        scheduler.create(a -> awaitLoggingClose("old reader", IoEvents.READ), null);
        scheduler.create(a -> {
            poller.closeElsewhere(5); // the number is then reused on this thread
            log("new reader got " + IoEvents.toString(scheduler.await(5, IoEvents.READ, 0)));
        }, null);
        scheduler.create(a -> poller.makeReady(5, IoEvents.READ), null);

        scheduler.run();

        // The old reader is queued (it runs next round); the new one resumes inside the poll.
        assertThat(trace).containsExactly("new reader got READ", "old reader closed");
        assertThat(failures).isEmpty();
    }

    private void awaitLoggingClose(String who, int events) {
        try {
            scheduler.await(5, events, 0);
            log(who + " woken without close");
        } catch (FdClosedException e) {
            log(who + " closed");
        }
    }

    @Test
    void rule4_2_interestIsArmedBeforeTheWaiterSuspendsAndDisarmedAsItResumes() {
        scheduler.create(a -> {
            poller.calls.add("before await");
            scheduler.await(4, IoEvents.READ, 0);
            poller.calls.add("resumed");
        }, null);
        scheduler.create(a -> {
            poller.calls.add("other runs while waiting");
            poller.makeReady(4, IoEvents.READ);
        }, null);

        scheduler.run();

        assertThat(poller.calls).containsExactly(
                "before await", "arm 4 READ", "other runs while waiting", "disarm 4 READ", "resumed");
    }

    @Test
    void rule4_2_readinessForAnFdNobodyWaitsOnWakesNobody() {
        poller.reportUnarmed(9, IoEvents.READ);
        scheduler.create(a -> {
            log("waiter on 4 got " + IoEvents.toString(scheduler.await(4, IoEvents.READ, 100)));
        }, null);
        scheduler.create(a -> {
            try {
                scheduler.await(4, IoEvents.READ, 0);
            } catch (FdBusyException expected) {
                log("busy");
            }
        }, null);

        scheduler.run();

        // The stray event for fd 9 neither crashed (as NtyCo does) nor woke the waiter on fd 4.
        assertThat(trace).containsExactly("busy");
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0)).isInstanceOf(WaitTimeoutException.class);
    }

    @Test
    void rule4_3_aWaiterResumesWithTheReadyEvents() {
        scheduler.create(a -> log(IoEvents.toString(scheduler.await(6, IoEvents.READ | IoEvents.WRITE, 0))), null);
        poller.makeReady(6, IoEvents.WRITE);

        scheduler.run();

        assertThat(trace).containsExactly("WRITE");
        assertThat(poller.armed).isEmpty();
    }

    @Test
    void rule4_3_aTimeoutIsReportedAsATimeoutAtTheDeadline() {
        scheduler.create(a -> {
            try {
                scheduler.await(6, IoEvents.READ, 1_500);
                log("ready?");
            } catch (WaitTimeoutException e) {
                log("timeout at " + now() + " ms: " + e.getMessage());
            }
        }, null);

        scheduler.run();

        // NtyCo turns timeouts over one second into the wrong duration; 1500 ms must be 1500 ms.
        assertThat(trace).containsExactly(
                "timeout at 1500 ms: timed out after 1500 ms waiting for fd 6 to be ready for READ (§4.3)");
        assertThat(poller.armed).as("interest disarmed after the timeout").isEmpty();
    }

    @Test
    void rule4_3_closingTheFdWakesItsWaiterWithClosed() {
        scheduler.create(a -> {
            try {
                scheduler.await(8, IoEvents.READ, 60_000);
            } catch (FdClosedException e) {
                log("closed at " + now() + ": " + e.getMessage());
            }
        }, null);
        scheduler.create(a -> {
            Coroutines.sleep(5);
            log("closer woke nobody else: " + scheduler.fdClosed(8) + " then " + scheduler.fdClosed(8));
        }, null);

        scheduler.run();

        assertThat(trace).containsExactly(
                "closer woke nobody else: true then false",
                "closed at 5: fd 8 was closed while coroutine 0 (RUNNING) waited on it (§4.3)");
        assertThat(poller.armed).isEmpty();
    }

    @Test
    void rule4_3_closingAnFdAlwaysMakesThePollerForgetItWaiterOrNot() {
        scheduler.create(a -> {
            try {
                scheduler.await(8, IoEvents.READ, 0);
            } catch (FdClosedException expected) {
                log("closed");
            }
        }, null);
        scheduler.create(a -> {
            scheduler.fdClosed(9);
            scheduler.fdClosed(8);
        }, null);

        scheduler.run();

        assertThat(trace).containsExactly("closed");
        assertThat(poller.calls).containsExactly("arm 8 READ", "forget 9", "disarm 8 READ", "forget 8");
    }

    @Test
    void rule4_3_readinessBeforeTheTimeoutWinsAndCancelsTheTimeout() {
        scheduler.create(a -> {
            log("got " + IoEvents.toString(scheduler.await(6, IoEvents.READ, 100)) + " at " + now());
            Coroutines.sleep(1_000);
            log("slept to " + now());
        }, null);
        scheduler.create(a -> {
            Coroutines.sleep(40);
            poller.makeReady(6, IoEvents.READ);
        }, null);

        scheduler.run();

        assertThat(trace).containsExactly("got READ at 40", "slept to 1040");
    }

    @Test
    void rule4_3_readinessThatArrivedBeforeTheWaitIsNotLost() {
        poller.makeReady(6, IoEvents.READ);
        scheduler.create(a -> log("got " + IoEvents.toString(scheduler.await(6, IoEvents.READ, 10)) + " at " + now()),
                null);

        scheduler.run();

        assertThat(trace).containsExactly("got READ at 0");
    }

    @Test
    void rule4_3_theWaiterIsInStateWaiting() {
        var waiter = scheduler.create(a -> scheduler.await(6, IoEvents.READ, 0), null);
        scheduler.create(a -> {
            log(waiter.state().name());
            poller.makeReady(6, IoEvents.READ);
        }, null);
        scheduler.run();
        assertThat(trace).containsExactly(CoroutineState.WAITING.name());
    }

    @Test
    void rule4_badWaitArgumentsAreRejectedBeforeAnythingIsArmed() {
        scheduler.create(a -> {
            assertThatThrownBy(() -> scheduler.await(-1, IoEvents.READ, 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid fd");
            assertThatThrownBy(() -> scheduler.await(3, 0, 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-empty");
            assertThatThrownBy(() -> scheduler.await(3, IoEvents.HANGUP, 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HANGUP");
            assertThatThrownBy(() -> scheduler.await(3, IoEvents.READ, -5))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeout");
            log("checked");
        }, null);
        scheduler.run();
        assertThat(trace).containsExactly("checked");
        assertThat(poller.calls).isEmpty();
    }
}
