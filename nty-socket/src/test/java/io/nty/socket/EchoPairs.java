package io.nty.socket;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.api.Coroutines;
import io.nty.api.Scheduler;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Bystander connections for fault tests: loopback pairs whose server side echoes in a coroutine
 * while a client coroutine checks round trips, so a test can show that a fault on one
 * connection leaves the others working.
 */
final class EchoPairs implements AutoCloseable {

    private final List<int[]> pairs = new ArrayList<>();
    private int roundTrips;

    /** Opens {@code count} connected pairs with the blocking hooks (call outside a coroutine). */
    EchoPairs(int count) throws ErrnoException {
        for (int i = 0; i < count; i++) {
            pairs.add(Loopback.tcpPair());
        }
    }

    /**
     * Creates, per pair, an echoing server coroutine and a client coroutine that does
     * {@code exchanges} round trips, yielding between them so they interleave with the fault.
     */
    void start(Scheduler scheduler, int exchanges) {
        for (int[] pair : pairs) {
            scheduler.create(fd -> echo(fd), pair[1]);
            scheduler.create(fd -> exchange(fd, exchanges), pair[0]);
        }
    }

    /** @return the round trips completed, all checked byte for byte */
    int roundTrips() {
        return roundTrips;
    }

    private static void echo(int fd) {
        ByteBuffer buffer = ByteBuffer.allocate(256);
        try {
            while (NtySockets.recv(fd, buffer) > 0) {
                buffer.flip();
                NtySockets.send(fd, buffer);
                buffer.clear();
            }
        } catch (ErrnoException e) {
            throw new AssertionError("a bystander connection failed: " + e.getMessage(), e);
        }
    }

    private void exchange(int fd, int exchanges) {
        ByteBuffer out = ByteBuffer.allocate(16);
        ByteBuffer in = ByteBuffer.allocate(16);
        try {
            for (int i = 0; i < exchanges; i++) {
                out.clear().putLong(fd).putLong(i).flip();
                NtySockets.send(fd, out);
                in.clear();
                while (in.hasRemaining() && NtySockets.recv(fd, in, 5_000) > 0) {
                    // a round trip may come back in pieces
                }
                assertThat(in.flip()).isEqualTo(out.flip());
                roundTrips++;
                Coroutines.sleep(1);
            }
            NtySockets.shutdown(fd, NtySockets.SHUT_WR); // the echo coroutine reads EOF and ends
        } catch (ErrnoException e) {
            throw new AssertionError("a bystander connection failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        for (int[] pair : pairs) {
            Loopback.closeAll(pair);
        }
    }
}
