package io.nty.socket.epoll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.api.IoEvents;
import io.nty.api.NtyException;
import io.nty.api.spi.Poller;
import io.nty.api.spi.PollerProvider;
import io.nty.socket.Loopback;
import io.nty.socket.NtySockets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Drives {@link EpollPoller} directly, without a scheduler: the behaviour both modes share.
 * Subclasses pick the mode and add what is particular to it.
 */
@Timeout(20)
abstract class AbstractEpollPollerTest {

    EpollPoller poller;
    int client;
    int server;
    final List<int[]> reported = new ArrayList<>();
    final Poller.ReadySink sink = (fd, events) -> reported.add(new int[] {fd, events});

    abstract EpollPoller.Mode mode();

    @BeforeEach
    void open() throws Exception {
        poller = new EpollPoller(mode(), 64);
        int[] pair = Loopback.tcpPair();
        client = pair[0];
        server = pair[1];
    }

    @AfterEach
    void close() {
        poller.close();
        Loopback.closeAll(client, server);
    }

    @Test
    void serviceLoaderFindsTheEpollProvider() {
        List<PollerProvider> providers = new ArrayList<>();
        assertThat(poller.mode()).isEqualTo(mode());
        ServiceLoader.load(PollerProvider.class).forEach(providers::add);
        assertThat(providers).anySatisfy(p -> {
            assertThat(p).isInstanceOf(EpollPollerProvider.class);
            assertThat(p.name()).isEqualTo("epoll");
            assertThat(p.isAvailable()).isTrue();
        });
        try (Poller p = new EpollPollerProvider().open()) {
            assertThat(p.supportsFds()).isTrue();
            assertThat(p.name()).isEqualTo("epoll");
        }
    }

    @Test
    void armedReadableFdIsReported() throws Exception {
        NtySockets.send(client, ByteBuffer.wrap(new byte[] {1}));
        poller.arm(server, IoEvents.READ);
        assertThat(poller.poll(1_000_000_000L, sink)).isEqualTo(1);
        assertThat(reported).hasSize(1);
        assertThat(reported.get(0)[0]).isEqualTo(server);
        assertThat(reported.get(0)[1] & IoEvents.READ).isEqualTo(IoEvents.READ);
        assertThat(poller.isArmed(server)).as("poll does not disarm; the scheduler does").isTrue();
        poller.disarm(server, IoEvents.READ);
        assertThat(poller.isArmed(server)).isFalse();
    }

    @Test
    void rule4_2_readinessWithoutArmedInterestIsNotReported() throws Exception {
        NtySockets.send(client, ByteBuffer.wrap(new byte[] {1}));
        assertThat(poller.poll(30_000_000L, sink)).isZero();
        assertThat(reported).isEmpty();
    }

    @Test
    void rule4_2_reportedOnceUntilArmedAgain() throws Exception {
        NtySockets.send(client, ByteBuffer.wrap(new byte[] {1}));
        poller.arm(server, IoEvents.READ);
        assertThat(poller.poll(1_000_000_000L, sink)).isEqualTo(1);
        poller.disarm(server, IoEvents.READ);
        // Still readable (level), but nobody waits: nothing is reported.
        assertThat(poller.poll(30_000_000L, sink)).isZero();
        // Armed again: the data still there is reported again (level semantics, as NtyCo's ADD).
        poller.arm(server, IoEvents.READ);
        assertThat(poller.poll(1_000_000_000L, sink)).isEqualTo(1);
        assertThat(reported).hasSize(2);
    }

    @Test
    void rule4_2_disarmWithoutReportReallyDisarmsEvenForHangup() throws Exception {
        poller.arm(server, IoEvents.READ);
        poller.disarm(server, IoEvents.READ); // as on a timeout: the registration was never reported
        assertThat(poller.isArmed(server)).isFalse();
        NtySockets.send(client, ByteBuffer.wrap(new byte[] {1}));
        NtySockets.close(client);
        assertThat(poller.poll(30_000_000L, sink)).isZero();
        assertThat(reported).isEmpty();
        // and arming again after the DEL adds it back
        poller.arm(server, IoEvents.READ);
        assertThat(poller.poll(1_000_000_000L, sink)).isEqualTo(1);
    }

    @Test
    void rule4_3_readinessArrivingAfterArmIsKeptUntilPolled() throws Exception {
        poller.arm(server, IoEvents.READ);
        NtySockets.send(client, ByteBuffer.wrap(new byte[] {1}));
        sleep(20); // the event sits in the kernel's ready list until the next epoll_wait
        assertThat(poller.poll(0, sink)).isEqualTo(1);
        assertThat(reported.get(0)[0]).isEqualTo(server);
    }

    @Test
    void writableFdIsReportedForWrite() {
        poller.arm(client, IoEvents.WRITE);
        assertThat(poller.poll(1_000_000_000L, sink)).isEqualTo(1);
        assertThat(reported.get(0)[1] & IoEvents.WRITE).isEqualTo(IoEvents.WRITE);
    }

    @Test
    void wakeupFromAnotherThreadEndsAnInfinitePoll() throws Exception {
        Thread waker = new Thread(() -> {
            sleep(50);
            poller.wakeup();
        });
        waker.start();
        long start = System.nanoTime();
        assertThat(poller.poll(-1, sink)).isZero();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(40_000_000L);
        waker.join();
    }

    @Test
    void wakeupsCoalesceAndAreConsumedByOnePoll() {
        poller.wakeup();
        poller.wakeup();
        poller.wakeup();
        assertThat(poller.poll(-1, sink)).isZero(); // returns at once: a wakeup is pending
        long start = System.nanoTime();
        assertThat(poller.poll(40_000_000L, sink)).isZero(); // nothing pending any more
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(35_000_000L);
    }

    @Test
    void forgetResetsTheFdSoTheNextArmAdds() throws Exception {
        poller.arm(server, IoEvents.READ);
        poller.forget(server);
        assertThat(poller.isArmed(server)).isFalse();
        NtySockets.send(client, ByteBuffer.wrap(new byte[] {1}));
        assertThat(poller.poll(30_000_000L, sink)).isZero();
        poller.arm(server, IoEvents.READ);
        assertThat(poller.poll(1_000_000_000L, sink)).isEqualTo(1);
    }

    @Test
    void badArgumentsAreRefusedByName() throws Exception {
        assertThatThrownBy(() -> poller.arm(-1, IoEvents.READ))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative fd");
        assertThatThrownBy(() -> poller.arm(server, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("READ|WRITE");
        assertThatThrownBy(() -> poller.arm(server, IoEvents.HANGUP))
                .isInstanceOf(IllegalArgumentException.class);
        poller.arm(server, IoEvents.READ);
        assertThatThrownBy(() -> poller.arm(server, IoEvents.READ))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("§4.1");
        int closedFd = NtySockets.socket(NtySockets.AF_INET, NtySockets.SOCK_STREAM, 0);
        NtySockets.close(closedFd);
        assertThatThrownBy(() -> poller.arm(closedFd, IoEvents.READ))
                .isInstanceOf(NtyException.class).hasMessageContaining("EBADF");
        assertThatThrownBy(() -> new EpollPoller(mode(), 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closingThroughTheHooksLetsAReusedNumberBeArmed() throws Exception {
        poller.poll(0, sink); // the poller now polls on this thread
        poller.arm(server, IoEvents.READ);
        NtySockets.send(client, ByteBuffer.wrap(new byte[] {1}));
        assertThat(poller.poll(1_000_000_000L, sink)).isEqualTo(1);
        poller.disarm(server, IoEvents.READ);
        int oldNumber = server;
        NtySockets.close(server); // tells this thread's poller first
        assertThat(poller.isRegistered(oldNumber)).isFalse();
        int reused = socketNumbered(oldNumber);
        server = reused;
        reported.clear();
        poller.arm(reused, IoEvents.WRITE); // an unconnected TCP socket reports HANGUP|WRITE
        assertThat(poller.poll(1_000_000_000L, sink)).isEqualTo(1);
        assertThat(reported.get(0)[0]).isEqualTo(reused);
    }

    @Test
    void closeOnAnotherThreadIsNoticedBeforeTheNextArm() throws Exception {
        poller.poll(0, sink);
        poller.arm(server, IoEvents.READ);
        NtySockets.send(client, ByteBuffer.wrap(new byte[] {1}));
        assertThat(poller.poll(1_000_000_000L, sink)).isEqualTo(1);
        poller.disarm(server, IoEvents.READ);
        int oldNumber = server;
        Thread closer = new Thread(() -> Loopback.closeAll(oldNumber));
        closer.start();
        closer.join();
        int reused = socketNumbered(oldNumber);
        server = reused;
        reported.clear();
        poller.arm(reused, IoEvents.WRITE); // an unconnected TCP socket reports HANGUP|WRITE
        assertThat(poller.poll(1_000_000_000L, sink)).isEqualTo(1);
        assertThat(reported.get(0)[0]).isEqualTo(reused);
    }

    @Test
    void rule4_1_aReaderAndAWriterShareOneRegistrationEachReportedForItsOwnReadiness() throws Exception {
        poller.arm(server, IoEvents.READ);
        poller.arm(server, IoEvents.WRITE);
        assertThat(poller.armedEvents(server)).isEqualTo(IoEvents.READ | IoEvents.WRITE);
        assertThat(poller.registeredEvents(server)).isEqualTo(IoEvents.READ | IoEvents.WRITE);
        assertThatThrownBy(() -> poller.arm(server, IoEvents.WRITE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("already armed for WRITE");
        // Writable at once, not readable: only WRITE is reported.
        assertThat(poller.poll(1_000_000_000L, sink)).isEqualTo(1);
        assertThat(reported.get(0)[1] & (IoEvents.READ | IoEvents.WRITE)).isEqualTo(IoEvents.WRITE);
        poller.disarm(server, IoEvents.WRITE); // the writer resumes
        assertThat(poller.armedEvents(server)).isEqualTo(IoEvents.READ);
        // Still writable, but nobody waits to write: the reader is not woken by it.
        reported.clear();
        assertThat(poller.poll(30_000_000L, sink)).isZero();
        assertThat(reported).isEmpty();
        // Data arrives: the reader, still armed, is reported for READ.
        NtySockets.send(client, ByteBuffer.wrap(new byte[] {1}));
        assertThat(poller.poll(1_000_000_000L, sink)).isEqualTo(1);
        assertThat(reported.get(0)[0]).isEqualTo(server);
        assertThat(reported.get(0)[1] & (IoEvents.READ | IoEvents.WRITE)).isEqualTo(IoEvents.READ);
        poller.disarm(server, IoEvents.READ);
        assertThat(poller.isArmed(server)).isFalse();
    }

    @Test
    void rule4_1_disarmingOneDirectionLeavesTheOtherArmed() throws Exception {
        poller.arm(server, IoEvents.WRITE);
        poller.arm(server, IoEvents.READ);
        poller.disarm(server, IoEvents.WRITE); // the writer timed out, unreported
        assertThat(poller.armedEvents(server)).isEqualTo(IoEvents.READ);
        NtySockets.send(client, ByteBuffer.wrap(new byte[] {1}));
        assertThat(poller.poll(1_000_000_000L, sink)).isEqualTo(1);
        assertThat(reported.get(0)[1] & (IoEvents.READ | IoEvents.WRITE)).isEqualTo(IoEvents.READ);
    }

    @Test
    void rule4_3_aCloseOnAnotherThreadWakesTheOwningPollerAndIsReportedAsClosed() throws Exception {
        List<int[]> closedReports = new ArrayList<>();
        Poller.ReadySink both = new Poller.ReadySink() {
            @Override
            public void ready(int fd, int events) {
                reported.add(new int[] {fd, events});
            }

            @Override
            public void closed(int fd, int events) {
                closedReports.add(new int[] {fd, events});
            }
        };
        poller.poll(0, both); // the poller now polls on this thread
        poller.arm(server, IoEvents.READ);
        assertThat(FdOwners.PROCESS.owner(server)).isSameAs(poller);
        int fd = server;
        Thread closer = new Thread(() -> Loopback.closeAll(fd));
        closer.start();
        closer.join();
        server = -1;
        // The close woke this poller (an infinite poll returns) and is reported with the
        // direction that was armed; the fd is forgotten.
        assertThat(poller.poll(-1, both)).isEqualTo(1);
        assertThat(closedReports).hasSize(1);
        assertThat(closedReports.get(0)).containsExactly(fd, IoEvents.READ);
        assertThat(reported).isEmpty();
        assertThat(poller.isArmed(fd)).isFalse();
        assertThat(poller.isRegistered(fd)).isFalse();
        assertThat(FdOwners.PROCESS.owner(fd)).isNull();
    }

    @Test
    void aCloseOnAnotherThreadIsToldOnlyToThePollerThatOwnsTheFd() throws Exception {
        try (EpollPoller bystander = new EpollPoller(mode(), 8)) {
            poller.arm(server, IoEvents.READ);
            int fd = server;
            Thread closer = new Thread(() -> Loopback.closeAll(fd));
            closer.start();
            closer.join();
            server = -1;
            // Directed, not broadcast: the bystander's poll is not woken by the close.
            long start = System.nanoTime();
            assertThat(bystander.poll(30_000_000L, sink)).isZero();
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(25_000_000L);
            List<int[]> closedReports = new ArrayList<>();
            assertThat(poller.drainClosed(new Poller.ReadySink() {
                @Override
                public void ready(int f, int events) {
                    throw new AssertionError("drainClosed reports no readiness");
                }

                @Override
                public void closed(int f, int events) {
                    closedReports.add(new int[] {f, events});
                }
            })).isEqualTo(1);
            assertThat(closedReports.get(0)).containsExactly(fd, IoEvents.READ);
        }
    }

    @Test
    void closedPollerRefusesWork() {
        poller.close();
        poller.close(); // idempotent
        assertThatThrownBy(() -> poller.poll(0, sink)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
        poller.wakeup(); // harmless after close
    }

    @Test
    void timeoutsRoundUpToWholeMilliseconds() {
        assertThat(EpollPoller.toMillis(-5)).isEqualTo(-1);
        assertThat(EpollPoller.toMillis(0)).isZero();
        assertThat(EpollPoller.toMillis(1)).isEqualTo(1);
        assertThat(EpollPoller.toMillis(1_000_000)).isEqualTo(1);
        assertThat(EpollPoller.toMillis(1_000_001)).isEqualTo(2);
        assertThat(EpollPoller.toMillis(Long.MAX_VALUE)).isEqualTo(Integer.MAX_VALUE);
    }

    /**
     * Opens TCP sockets until one gets {@code number} (the kernel hands out the lowest free
     * number, and a few lower ones may be free), closing the others; bounded to 32 tries.
     */
    static int socketNumbered(int number) throws Exception {
        List<Integer> others = new ArrayList<>();
        try {
            for (int i = 0; i < 32; i++) {
                int fd = NtySockets.socket(NtySockets.AF_INET, NtySockets.SOCK_STREAM, 0);
                if (fd == number) {
                    return fd;
                }
                others.add(fd);
            }
            throw new AssertionError("fd number " + number + " was not reused; got " + others);
        } finally {
            others.forEach(Loopback::closeAll);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
