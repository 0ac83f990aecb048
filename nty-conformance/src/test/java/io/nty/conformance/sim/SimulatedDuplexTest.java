package io.nty.conformance.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.api.IoEvents;
import io.nty.api.spi.Poller;
import io.nty.conformance.Rule;
import io.nty.conformance.scenario.Trace;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated network per direction (§4.1): buffers that fill, readiness by direction, the poller contract per direction. */
class SimulatedDuplexTest {

    private final SimulatedNetwork net = new SimulatedNetwork(1);
    private final Poller poller = net.newPoller();

    private List<String> poll() {
        List<String> out = new ArrayList<>();
        poller.poll(0, (fd, ev) -> out.add(fd + " " + IoEvents.toString(ev)));
        return out;
    }

    @Test
    void rule4_1_aFilledSocketIsNotWritableUntilItsPeerDrains() {
        net.enterAwait(3, IoEvents.WRITE);
        poller.arm(3, IoEvents.WRITE);
        assertThat(poll()).containsExactly("3 WRITE");

        assertThat(net.fill(3)).isEqualTo("ok");
        assertThat(net.send(3)).isEqualTo("eagain");
        assertThat(poll()).isEmpty();

        assertThat(net.drain(4)).isEqualTo("ok");
        assertThat(poll()).containsExactly("3 WRITE");
        assertThat(net.violations()).isEmpty();
    }

    @Test
    void rule4_1_aReaderAndAWriterOnOneFdAreReportedByTheirOwnDirection() {
        net.fill(3);
        net.enterAwait(3, IoEvents.READ);
        poller.arm(3, IoEvents.READ);
        net.enterAwait(3, IoEvents.WRITE);
        poller.arm(3, IoEvents.WRITE);
        assertThat(poll()).isEmpty();

        net.send(4);
        assertThat(poll()).containsExactly("3 READ");
        poller.disarm(3, IoEvents.READ);
        net.leaveAwait(3, IoEvents.READ, true, "0");

        net.close(4);
        assertThat(poll()).containsExactly("3 WRITE|HANGUP");
        poller.disarm(3, IoEvents.WRITE);
        net.leaveAwait(3, IoEvents.WRITE, true, "1");
        assertThat(net.violations()).isEmpty();
    }

    @Test
    void rule4_1_aDirectionArmedTwiceAndInterestLeftArmedAreViolations() {
        net.enterAwait(3, IoEvents.READ);
        poller.arm(3, IoEvents.READ);
        poller.arm(3, IoEvents.READ);
        net.leaveAwait(3, IoEvents.READ, true, "0");

        assertThat(net.violations()).extracting(Trace.Violation::rule).containsExactly(Rule.R4_1, Rule.R4_2);
    }
}
