package io.nty.conformance.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.conformance.scenario.Step.Close;
import io.nty.conformance.scenario.Step.Send;
import io.nty.conformance.scenario.Step.Sleep;
import io.nty.conformance.scenario.Step.Spawn;
import io.nty.conformance.scenario.Step.Throw;
import io.nty.conformance.scenario.Step.Tick;
import io.nty.conformance.scenario.Step.WaitRead;
import io.nty.conformance.scenario.Step.Yield;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model against traces worked out by hand from the rules. */
class ModelTest {

    private static List<String> trace(Scenario s) {
        return Model.expected(s, Interpretation.NTY).events();
    }

    @Test
    void rule1_1And3_2_idsInCreationOrderAndYieldToTail() {
        Scenario s = Scenario.builder().program(new Yield(), new Spawn(1)).program().create(0).create(0).build();
        assertThat(trace(s)).containsExactly(
                "0 main created 0", "0 main created 1",
                "0 0 start", "0 0 yield",
                "0 1 start", "0 1 yield",
                "0 0 resumed", "0 0 created 2", "0 0 exit",
                "0 1 resumed", "0 1 created 3", "0 1 exit",
                "0 2 start", "0 2 exit", "0 3 start", "0 3 exit",
                "0 main returned");
    }

    @Test
    void rule1_3_anExecutedTaskStartsAtTheNextRoundBeforeSleepersAndAfterTheQueue() {
        // 0 executes program 1 and yields; 2 sleeps 10. The task becomes a coroutine (id 2, after
        // the roots) at the start of round 2, so it runs after 0 (queued by its yield in round 1):
        // not in round 1, and not only once the clock idles to 2's deadline.
        Scenario s = Scenario.builder()
                .program(new Step.Execute(1), new Yield()).program().program(new Sleep(10))
                .create(0).create(2).build();
        assertThat(trace(s)).containsExactly(
                "0 main created 0", "0 main created 1",
                "0 0 start", "0 0 execute 1", "0 0 yield", "0 1 start", "0 1 sleep 10",
                "0 0 resumed", "0 0 exit", "0 2 start", "0 2 exit",
                "10 1 woke", "10 1 exit", "10 main returned");
    }

    @Test
    void rule3_5_runReturnsOnlyOnceAnUntimedWaiterLeftAloneIsResolved() {
        // 1 and 2 wait without a timeout; 0 makes 2's fd readable. When the poll resumes 2, it
        // makes 1's fd readable and ends: only an untimed waiter is left, whose readiness is
        // pending, so run() must poll once more instead of returning.
        Scenario s = Scenario.builder().pairs(2)
                .program(new Spawn(1), new Spawn(2), new Send(6))
                .program(new WaitRead(3, 0))
                .program(new WaitRead(5, 0), new Send(4))
                .create(0).build();
        assertThat(trace(s)).containsExactly(
                "0 main created 0", "0 0 start", "0 0 created 1", "0 0 created 2", "0 0 send 6 ok", "0 0 exit",
                "0 1 start", "0 1 wait 3 0", "0 2 start", "0 2 wait 5 0",
                "0 2 ready", "0 2 send 4 ok", "0 2 exit",
                "0 1 ready", "0 1 exit", "0 main returned");
    }

    @Test
    void rule3_3_equalDeadlinesWakeInSleepOrderAndReadyDuringRoundWaits() {
        // 0 and 1 both sleep 10: equal deadlines wake in the order they slept. When 0 wakes in
        // step (a) and yields, it runs again only after 1 (woken in the same (a)).
        Scenario s = Scenario.builder().program(new Sleep(10), new Yield()).create(0).create(0).build();
        assertThat(trace(s)).containsExactly(
                "0 main created 0", "0 main created 1",
                "0 0 start", "0 0 sleep 10", "0 1 start", "0 1 sleep 10",
                "10 0 woke", "10 0 yield", "10 1 woke", "10 1 yield",
                "10 0 resumed", "10 0 exit", "10 1 resumed", "10 1 exit",
                "10 main returned");
    }

    @Test
    void rule3_3_tickDuringReadyStepDoesNotReorderSleepersBeforeTheSnapshot() {
        // 0 sleeps 5; 1 computes for 20 ms in (b). 0's deadline passed during (b), so 0 wakes in
        // the next round's (a), at 20 ms, not at 5.
        Scenario s = Scenario.builder().program(new Sleep(5)).program(new Tick(20)).create(0).create(1).build();
        assertThat(trace(s)).containsExactly(
                "0 main created 0", "0 main created 1",
                "0 0 start", "0 0 sleep 5", "0 1 start", "20 1 tick 20", "20 1 exit",
                "20 0 woke", "20 0 exit", "20 main returned");
    }

    @Test
    void rule4_1To4_3_busyReadyTimeoutAndClose() {
        Scenario s = Scenario.builder().pairs(1)
                .program(new WaitRead(3, 1500))
                .program(new WaitRead(3, 10), new Send(4))
                .program(new WaitRead(4, 100))
                .program(new Close(4))
                .create(0).create(1).create(2).create(3).build();
        assertThat(trace(s)).containsExactly(
                "0 main created 0", "0 main created 1", "0 main created 2", "0 main created 3",
                "0 0 start", "0 0 wait 3 1500",
                "0 1 start", "0 1 wait 3 10", "0 1 busy", "0 1 send 4 ok", "0 1 exit",
                "0 2 start", "0 2 wait 4 100",
                "0 3 start", "0 3 close 4 woke", "0 3 exit",
                "0 0 ready", "0 0 exit",
                "0 2 closed", "0 2 exit",
                "0 main returned");
    }

    @Test
    void rule3_3_orderWithinOnePollIsTheKernelsButTheSetIsFixed() {
        Scenario s = Scenario.builder().pairs(2)
                .program(new WaitRead(3, 100)).program(new WaitRead(5, 100)).program(new Send(4), new Send(6))
                .create(0).create(1).create(2).build();
        List<String> head = List.of("0 main created 0", "0 main created 1", "0 main created 2",
                "0 0 start", "0 0 wait 3 100", "0 1 start", "0 1 wait 5 100",
                "0 2 start", "0 2 send 4 ok", "0 2 send 6 ok", "0 2 exit");
        Trace ascending = trace(head, "0 0 ready", "0 0 exit", "0 1 ready", "0 1 exit", "0 main returned");
        Trace descending = trace(head, "0 1 ready", "0 1 exit", "0 0 ready", "0 0 exit", "0 main returned");
        Trace oneLate = trace(head, "0 1 ready", "0 1 exit", "100 0 timeout", "100 0 exit", "100 main returned");

        assertThat(Model.expected(s, Interpretation.NTY)).isEqualTo(ascending);
        assertThat(Model.check(ascending, s)).isEmpty();
        assertThat(Model.check(descending, s)).isEmpty();
        assertThat(Model.check(oneLate, s)).get().asString().contains("expected '0 0 ready' but was '100 0 timeout'");
    }

    private static Trace trace(List<String> head, String... tail) {
        List<String> all = new java.util.ArrayList<>(head);
        all.addAll(List.of(tail));
        return new Trace(all, List.of());
    }

    @Test
    void rule4_3_timeoutOverOneSecondIsExact() {
        Scenario s = Scenario.builder().pairs(1).program(new WaitRead(3, 1500)).create(0).build();
        assertThat(trace(s)).containsExactly("0 main created 0", "0 0 start", "0 0 wait 3 1500",
                "1500 0 timeout", "1500 0 exit", "1500 main returned");
    }

    @Test
    void rule2_3_throwEndsOnlyThatCoroutine() {
        Scenario s = Scenario.builder().program(new Throw()).program(new Yield()).create(0).create(1).build();
        assertThat(trace(s)).containsExactly("0 main created 0", "0 main created 1",
                "0 0 start", "0 0 throw", "0 0 uncaught", "0 1 start", "0 1 yield",
                "0 1 resumed", "0 1 exit", "0 main returned");
    }

    @Test
    void interpretationsDifferOnlyWhereTheRulesLeaveAChoice() {
        // A sleeper and a wait timeout with the same deadline: with timeouts in the sleep
        // structure they wake in suspension order; with timeouts expired in step (c), the
        // timeout fires right after the idle jump, before the next round's step (a).
        Scenario s = Scenario.builder().pairs(1).program(new Sleep(10)).program(new WaitRead(3, 10))
                .create(0).create(1).build();
        assertThat(Model.allowed(s)).hasSize(2);
        assertThat(Model.expected(s, Interpretation.NTY).events())
                .containsSubsequence("10 0 woke", "10 1 timeout");
        assertThat(Model.expected(s, new Interpretation(false, false)).events())
                .containsSubsequence("10 1 timeout", "10 0 woke");
    }

    @Test
    void rule1_3_submittedTaskRunsNextWhenTheSchedulerWouldBlock() {
        Scenario s = ScenarioText.parse("scenario 1\npairs 1\nprogram 0\n submit 1\n wait 3 0\n recv 3\nend\n"
                + "program 1\n thread\n send 4\nend\ncreate 0\nrun\n");
        assertThat(trace(s)).containsExactly(
                "0 main created 0", "0 0 start", "0 0 submit 1", "0 0 wait 3 0",
                "0 1 start", "0 1 thread owner", "0 1 send 4 ok", "0 1 exit",
                "0 0 ready", "0 0 recv 3 1", "0 0 exit", "0 main returned");
    }

    @Test
    void rule5_1And5_2_foreignCreateRefusedAndExecuteAfterCloseRejected() {
        Scenario s = Scenario.builder().program(new Step.WhichThread(), new Step.Foreign(1)).program()
                .create(0).executeAfterClose(1).build();
        assertThat(trace(s)).containsExactly(
                "0 main created 0", "0 0 start", "0 0 thread owner", "0 0 foreign 1 refused", "0 0 exit",
                "0 main returned", "0 main execute-after-close 1 rejected");
    }

    @Test
    void rule4_4And4_5_hookRecvWaitsOnlyItsCoroutineAndReportsEofAndEpipe() {
        Scenario s = Scenario.builder().pairs(1)
                .program(new Step.HookRecv(3, 0), new Step.HookRecv(3, 0), new Step.HookSend(3, 2))
                .program(new Yield(), new Step.HookSend(4, 5), new Close(4))
                .create(0).create(1).build();
        assertThat(trace(s)).containsExactly(
                "0 main created 0", "0 main created 1",
                "0 0 start", "0 0 hrecv 3 0",
                "0 1 start", "0 1 yield", "0 1 resumed", "0 1 hsend 4 5", "0 1 sent 5", "0 1 close 4 none", "0 1 exit",
                "0 0 got 5", "0 0 hrecv 3 0", "0 0 got 0", "0 0 hsend 3 2", "0 0 sent EPIPE", "0 0 exit",
                "0 main returned");
    }

    @Test
    void threadAndHookStepsRoundTripThroughText() {
        Scenario s = Scenario.builder().pairs(1)
                .program(new Step.Submit(1), new Step.Foreign(1), new Step.WhichThread(), new Step.HookRecv(3, 7),
                        new Step.HookSend(4, 2))
                .program().create(0).executeAfterClose(1).build();
        assertThat(ScenarioText.parse(ScenarioText.format(s))).isEqualTo(s);
    }
}
