package io.nty.conformance.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.conformance.scenario.Step.Cancel;
import io.nty.conformance.scenario.Step.Close;
import io.nty.conformance.scenario.Step.Drain;
import io.nty.conformance.scenario.Step.Exit;
import io.nty.conformance.scenario.Step.Fill;
import io.nty.conformance.scenario.Step.Join;
import io.nty.conformance.scenario.Step.Park;
import io.nty.conformance.scenario.Step.Recv;
import io.nty.conformance.scenario.Step.Send;
import io.nty.conformance.scenario.Step.Sleep;
import io.nty.conformance.scenario.Step.Spawn;
import io.nty.conformance.scenario.Step.SpawnResult;
import io.nty.conformance.scenario.Step.Throw;
import io.nty.conformance.scenario.Step.Unpark;
import io.nty.conformance.scenario.Step.WaitRead;
import io.nty.conformance.scenario.Step.WaitWrite;
import io.nty.conformance.scenario.Step.Yield;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The model's per-direction waits and §6 steps against traces worked out by hand from the rules. */
class PrimitiveModelTest {

    private static List<String> trace(Scenario s) {
        return Model.expected(s, Interpretation.NTY).events();
    }

    @Test
    void rule4_1_aReaderAndAWriterWaitAtOnceEachWokenByItsOwnReadiness() {
        Scenario s = Scenario.builder().pairs(1)
                .program(new WaitRead(3, 1000))
                .program(new Fill(3), new WaitWrite(3, 1000))
                .program(new Yield(), new Send(4), new Yield(), new Drain(4))
                .create(0).create(1).create(2).build();
        assertThat(trace(s)).containsExactly(
                "0 main created 0", "0 main created 1", "0 main created 2",
                "0 0 start", "0 0 wait 3 1000",
                "0 1 start", "0 1 fill 3 ok", "0 1 wwait 3 1000",
                "0 2 start", "0 2 yield",
                "0 2 resumed", "0 2 send 4 ok", "0 2 yield",
                "0 0 ready", "0 0 exit", // readable; the writer stays: fd 3 is still full
                "0 2 resumed", "0 2 drain 4 ok", "0 2 exit",
                "0 1 ready", "0 1 exit",
                "0 main returned");
    }

    @Test
    void rule4_1_aSecondWriterIsBusyWhileTheFirstWaitsAndAReaderIsNot() {
        Scenario s = Scenario.builder().pairs(1)
                .program(new Fill(3), new WaitWrite(3, 100))
                .program(new WaitWrite(3, 100), new WaitRead(3, 10))
                .create(0).create(1).build();
        assertThat(trace(s)).containsExactly(
                "0 main created 0", "0 main created 1",
                "0 0 start", "0 0 fill 3 ok", "0 0 wwait 3 100",
                "0 1 start", "0 1 wwait 3 100", "0 1 busy", "0 1 wait 3 10",
                "10 1 timeout", "10 1 exit",
                "100 0 timeout", "100 0 exit",
                "100 main returned");
    }

    @Test
    void rule4_1_aCloseWakesBothTheReaderAndTheWriter() {
        Scenario s = Scenario.builder().pairs(1)
                .program(new WaitRead(3, 1000))
                .program(new Fill(3), new WaitWrite(3, 1000))
                .program(new Close(3))
                .create(0).create(1).create(2).build();
        assertThat(trace(s)).containsExactly(
                "0 main created 0", "0 main created 1", "0 main created 2",
                "0 0 start", "0 0 wait 3 1000", "0 1 start", "0 1 fill 3 ok", "0 1 wwait 3 1000",
                "0 2 start", "0 2 close 3 woke", "0 2 exit",
                "0 0 closed", "0 0 exit", "0 1 closed", "0 1 exit",
                "0 main returned");
    }

    @Test
    void rule4_1_aClosedPeerMakesAFilledFdWritableAndSendsOnAFullFdGetEagain() {
        Scenario s = Scenario.builder().pairs(1)
                .program(new Fill(3), new Send(3), new WaitWrite(3, 1000))
                .program(new Yield(), new Close(4))
                .create(0).create(1).build();
        assertThat(trace(s)).containsExactly(
                "0 main created 0", "0 main created 1",
                "0 0 start", "0 0 fill 3 ok", "0 0 send 3 eagain", "0 0 wwait 3 1000",
                "0 1 start", "0 1 yield", "0 1 resumed", "0 1 close 4 none", "0 1 exit",
                "0 0 ready", "0 0 exit",
                "0 main returned");
    }

    @Test
    void rule4_1_aScenarioThatFillsAPairMayNotCountBytesOnIt() {
        assertThatThrownBy(() -> Scenario.builder().pairs(1).program(new Fill(3), new Recv(4)).create(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("drain");
    }

    @Test
    void rule6_1_anEarlyUnparkIsKeptAndOneParkUsesIt() {
        Scenario s = Scenario.builder()
                .program(new Yield(), new Park(), new Park())
                .program(new Unpark(0), new Unpark(0), new Sleep(10), new Unpark(0))
                .create(0).create(1).build();
        assertThat(trace(s)).containsExactly(
                "0 main created 0", "0 main created 1",
                "0 0 start", "0 0 yield",
                "0 1 start", "0 1 unpark 0 ok", "0 1 unpark 0 ok", "0 1 sleep 10",
                "0 0 resumed", "0 0 park", "0 0 unparked", "0 0 park", // one permit, not two
                "10 1 woke", "10 1 unpark 0 ok", "10 1 exit",
                "10 0 unparked", "10 0 exit",
                "10 main returned");
    }

    @Test
    void rule6_1_aCoroutineParkedForeverIsStuckAndNotDefinite() {
        Scenario s = Scenario.builder().program(new Park()).create(0).build();
        assertThat(trace(s)).endsWith("0 main " + Model.STUCK);
        assertThat(Model.definite(s)).isFalse();
    }

    @Test
    void rule6_2_joinersGetTheResultOrTheFailureInJoinOrderAndCyclesAreRefused() {
        Scenario s = Scenario.builder()
                .program(new SpawnResult(1), new SpawnResult(2), new Join(1), new Join(2), new Join(0))
                .program(new Yield(), new Join(0), new Exit())
                .program(new Throw())
                .create(0).build();
        assertThat(trace(s)).containsExactly(
                "0 main created 0",
                "0 0 start", "0 0 created 1", "0 0 created 2", "0 0 join 1",
                "0 1 start", "0 1 yield",
                "0 2 start", "0 2 throw", "0 2 uncaught",
                "0 1 resumed", "0 1 join 0", "0 1 cycle", "0 1 exit",
                "0 0 joined r1", "0 0 join 2", "0 0 failed", "0 0 join 0", "0 0 cycle", "0 0 exit",
                "0 main returned");
    }

    @Test
    void rule6_3_aCancelledWaiterResumesAtItsWaitAndLaterReadinessWakesNobody() {
        Scenario s = Scenario.builder().pairs(1)
                .program(new WaitRead(3, 1000), new Yield())
                .program(new Cancel(0), new Send(4), new Spawn(2))
                .program(new WaitRead(3, 50))
                .create(0).create(1).build();
        assertThat(trace(s)).containsExactly(
                "0 main created 0", "0 main created 1",
                "0 0 start", "0 0 wait 3 1000",
                "0 1 start", "0 1 cancel 0 ok", "0 1 send 4 ok", "0 1 created 2", "0 1 exit",
                "0 0 cancelled", // no exit, no uncaught: the cancellation ends the function
                "0 2 start", "0 2 wait 3 50", "0 2 ready", "0 2 exit",
                "0 main returned");
    }

    @Test
    void rule6_3_aNewCoroutineCancelledNeverRunsAndItsJoinersGetTheCancellation() {
        Scenario s = Scenario.builder()
                .program(new Spawn(1), new Cancel(1), new Cancel(1), new Join(1), new Cancel(5))
                .program(new Yield())
                .create(0).build();
        assertThat(trace(s)).containsExactly(
                "0 main created 0",
                "0 0 start", "0 0 created 1", "0 0 cancel 1 ok", "0 0 cancel 1 ok",
                "0 0 join 1", "0 0 failed-cancelled", "0 0 cancel 5 none", "0 0 exit",
                "0 main returned");
    }

    @Test
    void rule6_3_aCoroutineThatCancelsItselfIsCancelledAtItsNextSuspendingStep() {
        Scenario s = Scenario.builder()
                .program(new Cancel(0), new Send(3), new Yield(), new Yield())
                .create(0).pairs(1).build();
        assertThat(trace(s)).containsExactly(
                "0 main created 0",
                "0 0 start", "0 0 cancel 0 ok", "0 0 send 3 ok", "0 0 yield", "0 0 cancelled",
                "0 main returned");
    }

    @Test
    void rule6_3_aSelfCancelledCoroutineMeetingAParkWithAPermitIsLeftOpen() {
        Scenario s = Scenario.builder().program(new Unpark(0), new Cancel(0), new Park()).create(0).build();
        assertThat(Model.definite(s)).isFalse();
    }

    @Test
    void theNewStepsReadBackFromTheirTextForm() {
        Scenario s = Scenario.builder().pairs(1)
                .program(new WaitWrite(3, 10), new Fill(4), new Drain(3), new Park(), new Unpark(1), new Join(1),
                        new Cancel(1), new SpawnResult(1))
                .program()
                .create(0).build();
        assertThat(ScenarioText.parse(ScenarioText.format(s))).isEqualTo(s);
    }
}
