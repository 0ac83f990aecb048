package io.nty.conformance.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.api.IoEvents;
import io.nty.api.spi.Poller;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulated network's high fd numbers: the scheduler sees numbers past 64 and 1024. */
class SimulatedNetworkTest {

    @Test
    void rule4_1_highFdsCrossSixtyFourAndTenTwentyFourAndMapBack() {
        SimulatedNetwork net = SimulatedNetwork.withHighFds(2);
        assertThat(List.of(net.schedulerFd(3), net.schedulerFd(4), net.schedulerFd(5), net.schedulerFd(6)))
                .containsExactly(63, 64, 1023, 1024);
        Poller p = net.newPoller();
        net.enterAwait(5, IoEvents.READ);
        p.arm(1023, IoEvents.READ);
        assertThat(net.send(6)).isEqualTo("ok");
        List<Integer> ready = new ArrayList<>();
        p.poll(0, (fd, ev) -> ready.add(fd));
        assertThat(ready).containsExactly(1023);
        p.disarm(1023, IoEvents.READ);
        net.leaveAwait(5, IoEvents.READ, true, "0");
        assertThat(net.violations()).isEmpty();
    }

    @Test
    void rule4_2_aPollThatWouldBlockForeverFailsAtOnceWhenNoOtherThreadActs() {
        SimulatedNetwork net = SimulatedNetwork.withHighFds(1);
        net.failWhenStuck();
        Poller p = net.newPoller();
        net.enterAwait(3, IoEvents.READ);
        p.arm(63, IoEvents.READ);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.poll(-1, (fd, ev) -> { }))
                .hasMessageContaining("would block forever");
    }
}
