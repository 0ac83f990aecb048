package io.nty.socket.epoll;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.api.IoEvents;
import io.nty.socket.NtySockets;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/** {@link EpollPoller.Mode#LAZY_LEVEL}: registrations outlive waits until ready unwaited. */
class EpollPollerLazyLevelTest extends AbstractEpollPollerTest {

    @Override
    EpollPoller.Mode mode() {
        return EpollPoller.Mode.LAZY_LEVEL;
    }

    @Test
    void defaultConstructorAndProviderUseLazyLevel() {
        try (EpollPoller p = new EpollPoller()) {
            assertThat(p.mode()).isEqualTo(EpollPoller.Mode.LAZY_LEVEL);
            assertThat(p.name()).isEqualTo("epoll");
        }
    }

    @Test
    void registrationOutlivesTheWaitSoTheNextArmIsFree() throws Exception {
        NtySockets.send(client, ByteBuffer.wrap(new byte[] {1}));
        poller.arm(server, IoEvents.READ);
        assertThat(poller.poll(1_000_000_000L, sink)).isEqualTo(1);
        poller.disarm(server, IoEvents.READ);
        assertThat(poller.isRegistered(server)).as("kept registered after the wait").isTrue();
        NtySockets.recv(server, ByteBuffer.allocate(8)); // the waiter consumes the data
        poller.arm(server, IoEvents.READ); // same events, still registered: no epoll_ctl
        assertThat(poller.isRegistered(server)).isTrue();
        NtySockets.send(client, ByteBuffer.wrap(new byte[] {2}));
        assertThat(poller.poll(1_000_000_000L, sink)).isEqualTo(2 - 1);
        assertThat(reported).hasSize(2);
    }

    @Test
    void rule4_2_readyWhileNobodyWaitsIsRemovedAndWakesNobody() throws Exception {
        poller.arm(server, IoEvents.READ);
        poller.disarm(server, IoEvents.READ); // a timeout: the registration stays, unarmed
        NtySockets.send(client, ByteBuffer.wrap(new byte[] {1}));
        long start = System.nanoTime();
        // epoll_wait returns for the fd; the poller removes it and waits out the timeout.
        assertThat(poller.poll(60_000_000L, sink)).isZero();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(55_000_000L);
        assertThat(poller.isRegistered(server)).as("removed").isFalse();
        assertThat(reported).isEmpty();
        // ... and the data is still there for the next wait (level semantics).
        poller.arm(server, IoEvents.READ);
        assertThat(poller.poll(1_000_000_000L, sink)).isEqualTo(1);
    }

    @Test
    void unwaitedReadinessDoesNotEndAnInfinitePollButAWakeupDoes() throws Exception {
        poller.arm(server, IoEvents.READ);
        poller.disarm(server, IoEvents.READ);
        NtySockets.send(client, ByteBuffer.wrap(new byte[] {1}));
        Thread waker = new Thread(() -> {
            sleep(80);
            poller.wakeup();
        });
        waker.start();
        long start = System.nanoTime();
        assertThat(poller.poll(-1, sink)).isZero();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(70_000_000L);
        waker.join();
    }

    @Test
    void changingInterestModifiesTheRegistration() throws Exception {
        poller.arm(server, IoEvents.READ);
        poller.disarm(server, IoEvents.READ);
        poller.arm(server, IoEvents.WRITE); // MOD from IN to OUT
        assertThat(poller.poll(1_000_000_000L, sink)).isEqualTo(1);
        assertThat(reported.get(0)[1] & IoEvents.WRITE).isEqualTo(IoEvents.WRITE);
    }
}
