package io.nty.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.api.Coroutine;
import io.nty.api.FdClosedException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Rule 4.3 under repetition: a coroutine suspended on an fd that another coroutine closes wakes
 * with {@link FdClosedException}, for every kind of wait (recv, send on a full buffer, accept),
 * for many pairs at once and round after round, so that fd numbers are reused while the poller
 * and wait table still remember the old ones.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class CloseWakesWaiterFaultTest {

    private static final int ROUNDS = 20;
    private static final int PAIRS_PER_ROUND = 60;
    private static final int BYSTANDERS = 4;

    /** What a waiter does on its fd until it is closed. */
    private enum WaitKind { RECV, SEND_FULL, ACCEPT }

    @Test
    void everyWaiterWakesWithClosedWhenItsFdIsClosedRoundAfterRoundWithManyPairsAtOnce() throws Exception {
        Random random = new Random(43);
        for (int round = 0; round < ROUNDS; round++) {
            WaitKind[] kinds = WaitKind.values();
            List<Victim> victims = new ArrayList<>();
            for (int i = 0; i < PAIRS_PER_ROUND; i++) {
                victims.add(Victim.open(kinds[(round + i) % kinds.length]));
            }
            try (EchoPairs bystanders = new EchoPairs(BYSTANDERS)) {
                runRound(victims, bystanders, random);
                for (Victim v : victims) {
                    assertThat(v.outcome).as("round %d, %s waiter on fd %d", round, v.kind, v.waitFd)
                            .isInstanceOf(FdClosedException.class);
                }
                assertThat(bystanders.roundTrips()).as("round %d bystanders", round).isEqualTo(BYSTANDERS * 10);
            } finally {
                victims.forEach(Victim::closePeer);
            }
        }
    }

    /** Waiters and closers are created in a shuffled order, so closes come in any order. */
    private static void runRound(List<Victim> victims, EchoPairs bystanders, Random random) {
        CoroutineRunner.run(s -> {
            bystanders.start(s, 10);
            List<Runnable> creations = new ArrayList<>();
            for (Victim v : victims) {
                Coroutine waiter = s.create(unused -> v.waitUntilClosed(), null);
                creations.add(() -> s.create(unused -> {
                    Waiting.until(waiter);
                    NtySockets.close(v.waitFd);
                }, null));
            }
            Collections.shuffle(creations, random);
            creations.forEach(Runnable::run);
        });
    }

    /** One fd a coroutine waits on, and the peer fd the test closes afterwards. */
    private static final class Victim {
        final WaitKind kind;
        final int waitFd;
        final int peerFd;
        Throwable outcome;

        private Victim(WaitKind kind, int waitFd, int peerFd) {
            this.kind = kind;
            this.waitFd = waitFd;
            this.peerFd = peerFd;
        }

        static Victim open(WaitKind kind) throws ErrnoException {
            if (kind == WaitKind.ACCEPT) {
                return new Victim(kind, Loopback.listener(Loopback.ipv4AnyPort()), -1);
            }
            int[] pair = Loopback.tcpPair();
            if (kind == WaitKind.SEND_FULL) {
                NtySockets.setOption(pair[1], SockOpt.SO_SNDBUF, 4096);
                NtySockets.setOption(pair[0], SockOpt.SO_RCVBUF, 4096);
            }
            return new Victim(kind, pair[1], pair[0]);
        }

        void waitUntilClosed() {
            try {
                switch (kind) {
                    case RECV -> NtySockets.recv(waitFd, ByteBuffer.allocate(16));
                    case SEND_FULL -> NtySockets.send(waitFd, ByteBuffer.allocate(4 * 1024 * 1024));
                    case ACCEPT -> NtySockets.accept(waitFd);
                }
                outcome = new AssertionError(kind + " returned although nothing could arrive");
            } catch (Exception | AssertionError e) {
                outcome = e;
            }
        }

        void closePeer() {
            if (peerFd >= 0) {
                Loopback.closeAll(peerFd);
            }
        }
    }

    @Test
    void closedFdNumberReusedAtOnceServesItsNewWaiterNormally() throws Exception {
        int[] first = Loopback.tcpPair();
        int closedNumber = first[1];
        int listener = Loopback.listener(Loopback.ipv4AnyPort());
        Throwable[] waiterOutcome = new Throwable[1];
        int[] reusedNumber = {-1};
        ByteBuffer received = ByteBuffer.allocate(1);
        try {
            CoroutineRunner.run(s -> {
                Coroutine waiter = s.create(fd -> {
                    try {
                        NtySockets.recv(fd, ByteBuffer.allocate(16));
                    } catch (FdClosedException e) {
                        waiterOutcome[0] = e;
                    }
                }, closedNumber);
                s.create(unused -> {
                    Waiting.until(waiter);
                    NtySockets.close(closedNumber);
                    // The lowest free number is the one just closed: the new socket gets it.
                    int client = NtySockets.socket(NtySockets.AF_INET, NtySockets.SOCK_STREAM, 0);
                    reusedNumber[0] = client;
                    int server = -1;
                    try {
                        NtySockets.connect(client, NtySockets.localAddress(listener), 5_000);
                        server = NtySockets.accept(listener, 5_000);
                        NtySockets.send(server, ByteBuffer.wrap(new byte[] {42}));
                        NtySockets.recv(client, received, 5_000); // a wait on the reused number
                    } finally {
                        Loopback.closeAll(client, server);
                    }
                }, null);
            });
        } finally {
            Loopback.closeAll(first[0], listener);
        }
        assertThat(waiterOutcome[0]).isInstanceOf(FdClosedException.class);
        assertThat(reusedNumber[0]).as("the new socket reused the closed number").isEqualTo(closedNumber);
        assertThat(received.get(0)).isEqualTo((byte) 42);
    }
}
