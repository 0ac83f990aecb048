package io.nty.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.api.Coroutine;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A peer that closes with {@code SO_LINGER 0} sends a TCP reset. The coroutine suspended on that
 * connection, in {@code recv} or in a {@code send} held up by a full buffer, must wake with an
 * {@link ErrnoException} naming the errno, while every other connection of the scheduler keeps
 * echoing.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class PeerResetFaultTest {

    private static final int BYSTANDERS = 8;
    private static final int EXCHANGES = 40;
    /** Far more than loopback socket buffers hold, so the send surely suspends. */
    private static final int HUGE_SEND = 32 * 1024 * 1024;

    @Test
    void resetDuringRecvFailsThatRecvWithEconnresetAndOtherConnectionsKeepEchoing() throws Exception {
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        AtomicInteger roundTripsAtReset = new AtomicInteger(-1);
        int[] victim = Loopback.tcpPair();
        try (EchoPairs bystanders = new EchoPairs(BYSTANDERS)) {
            CoroutineRunner.run(s -> {
                bystanders.start(s, EXCHANGES);
                Coroutine reader = s.create(fd -> outcome.set(failureOf(() ->
                        NtySockets.recv(fd, ByteBuffer.allocate(64)))), victim[1]);
                s.create(fd -> {
                    Waiting.until(reader);
                    roundTripsAtReset.set(bystanders.roundTrips());
                    reset(fd);
                }, victim[0]);
            });
            assertResetSeen(outcome.get(), "recv", "ECONNRESET");
            assertThat(roundTripsAtReset.get()).as("round trips when the reset came").isLessThan(BYSTANDERS * EXCHANGES);
            assertThat(bystanders.roundTrips()).isEqualTo(BYSTANDERS * EXCHANGES);
        } finally {
            Loopback.closeAll(victim[1]);
        }
    }

    @Test
    void resetDuringASendSuspendedOnAFullBufferFailsThatSendAndOtherConnectionsKeepEchoing() throws Exception {
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        AtomicInteger roundTripsAtReset = new AtomicInteger(-1);
        int[] victim = Loopback.tcpPair();
        NtySockets.setOption(victim[1], SockOpt.SO_SNDBUF, 4096);
        NtySockets.setOption(victim[0], SockOpt.SO_RCVBUF, 4096);
        ByteBuffer payload = ByteBuffer.allocateDirect(HUGE_SEND);
        try (EchoPairs bystanders = new EchoPairs(BYSTANDERS)) {
            CoroutineRunner.run(s -> {
                bystanders.start(s, EXCHANGES);
                Coroutine writer = s.create(fd -> outcome.set(failureOf(() -> NtySockets.send(fd, payload))), victim[1]);
                s.create(fd -> {
                    Waiting.until(writer); // the peer never reads: the send is suspended on a full buffer
                    roundTripsAtReset.set(bystanders.roundTrips());
                    reset(fd);
                }, victim[0]);
            });
            // Which errno depends on whether the kernel reports the reset itself or the closed pipe.
            assertResetSeen(outcome.get(), "send", "ECONNRESET", "EPIPE");
            assertThat(payload.position()).as("bytes sent before the reset").isBetween(1, HUGE_SEND - 1);
            assertThat(roundTripsAtReset.get()).as("round trips when the reset came").isLessThan(BYSTANDERS * EXCHANGES);
            assertThat(bystanders.roundTrips()).isEqualTo(BYSTANDERS * EXCHANGES);
        } finally {
            Loopback.closeAll(victim[1]);
        }
    }

    /** Closes with {@code SO_LINGER} 0: the kernel sends RST instead of FIN. */
    private static void reset(int fd) throws ErrnoException {
        NtySockets.setLinger(fd, 0);
        NtySockets.close(fd);
    }

    private static void assertResetSeen(Throwable failure, String call, String... errnoNames) {
        assertThat(failure).as("what the suspended %s ended with", call).isInstanceOf(ErrnoException.class);
        ErrnoException e = (ErrnoException) failure;
        assertThat(e.call()).isEqualTo(call);
        assertThat(e.errnoName()).isIn((Object[]) errnoNames);
        assertThat(e.getMessage()).contains(e.errnoName());
    }

    /** @return what {@code call} threw, or an AssertionError saying that it returned */
    private static Throwable failureOf(IoCall call) {
        try {
            int n = call.run();
            return new AssertionError("the call returned " + n + " instead of failing");
        } catch (Exception e) {
            return e;
        }
    }

    /** A socket call that returns a count. */
    @FunctionalInterface
    private interface IoCall {
        int run() throws Exception;
    }
}
