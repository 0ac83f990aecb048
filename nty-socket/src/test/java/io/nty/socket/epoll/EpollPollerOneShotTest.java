package io.nty.socket.epoll;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.api.IoEvents;
import io.nty.socket.NtySockets;
import io.nty.socket.internal.NativeLibC;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** {@link EpollPoller.Mode#ONE_SHOT}: one {@code EPOLL_CTL_MOD} per wait. */
class EpollPollerOneShotTest extends AbstractEpollPollerTest {

    @Override
    EpollPoller.Mode mode() {
        return EpollPoller.Mode.ONE_SHOT;
    }

    @Test
    void rule4_2_reportedRegistrationIsDisabledByTheKernel() throws Exception {
        NtySockets.send(client, ByteBuffer.wrap(new byte[] {1}));
        poller.arm(server, IoEvents.READ);
        assertThat(poller.poll(1_000_000_000L, sink)).isEqualTo(1);
        poller.disarm(server, IoEvents.READ);
        assertThat(poller.isRegistered(server)).as("registered, disabled").isTrue();
        long start = System.nanoTime();
        assertThat(poller.poll(30_000_000L, sink)).isZero(); // still readable, but never woken
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(25_000_000L);
    }

    @Test
    void numberClosedBehindThePollersBackIsRegisteredAgain() throws Exception {
        poller.arm(server, IoEvents.READ);
        NtySockets.send(client, ByteBuffer.wrap(new byte[] {1}));
        assertThat(poller.poll(1_000_000_000L, sink)).isEqualTo(1);
        poller.disarm(server, IoEvents.READ);
        int oldNumber = server;
        NativeLibC.libc().close(server); // not through the hooks: the poller is not told
        int reused = socketNumbered(oldNumber);
        server = reused;
        reported.clear();
        poller.arm(reused, IoEvents.WRITE); // MOD answers ENOENT; the poller falls back to ADD
        assertThat(poller.poll(1_000_000_000L, sink)).isEqualTo(1);
        assertThat(reported.get(0)[0]).isEqualTo(reused);
    }
}
