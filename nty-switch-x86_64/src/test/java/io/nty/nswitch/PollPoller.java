package io.nty.nswitch;

import io.nty.api.spi.Poller;
import java.util.LinkedHashMap;
import java.util.Map;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * A minimal {@link Poller} over {@code poll(2)}, so the scheduler tests can wait on real fds
 * without the epoll poller of nty-socket (another module). Armed fds are polled level-triggered;
 * a self-pipe implements {@link #wakeup()}. POLLIN/POLLOUT/POLLERR/POLLHUP have the same values
 * as {@link io.nty.api.IoEvents}.
 */
final class PollPoller implements Poller {

    /** The libc calls used here. */
    public interface LibC {
        int poll(Pointer fds, long nfds, int timeoutMillis);

        long read(int fd, byte[] buf, long count);

        long write(int fd, byte[] buf, long count);

        int close(int fd);
    }

    private static final int POLLFD_SIZE = 8;
    private static final LibC LIBC = LibraryLoader.create(LibC.class).failImmediately().load("c");

    private final Map<Integer, Integer> armed = new LinkedHashMap<>();
    private final int[] wakePipe = new int[2];

    PollPoller() {
        if (TestNatives.helpers().nty_test_pipe(wakePipe) != 0) {
            throw new IllegalStateException("pipe2 failed");
        }
    }

    @Override
    public String name() {
        return "poll(2) test poller";
    }

    @Override
    public boolean supportsFds() {
        return true;
    }

    @Override
    public void arm(int fd, int events) {
        armed.merge(fd, events, (a, b) -> a | b);
    }

    @Override
    public void disarm(int fd, int events) {
        armed.computeIfPresent(fd, (k, v) -> (v & ~events) == 0 ? null : v & ~events);
    }

    @Override
    public int poll(long timeoutNanos, ReadySink sink) {
        int n = armed.size() + 1;
        Pointer fds = Memory.allocateDirect(Runtime.getSystemRuntime(), (long) n * POLLFD_SIZE, true);
        int[] order = new int[n];
        int i = 0;
        for (Map.Entry<Integer, Integer> e : armed.entrySet()) {
            put(fds, i, e.getKey(), e.getValue());
            order[i++] = e.getKey();
        }
        put(fds, i, wakePipe[0], io.nty.api.IoEvents.READ);
        order[i] = wakePipe[0];
        LIBC.poll(fds, n, timeoutMillis(timeoutNanos));
        int reported = 0;
        for (int k = 0; k < n; k++) {
            int revents = fds.getShort((long) k * POLLFD_SIZE + 6) & 0xffff;
            if (revents == 0) {
                continue;
            }
            if (order[k] == wakePipe[0]) {
                LIBC.read(wakePipe[0], new byte[64], 64);
            } else {
                sink.ready(order[k], revents);
                reported++;
            }
        }
        return reported;
    }

    @Override
    public void wakeup() {
        LIBC.write(wakePipe[1], new byte[] {1}, 1);
    }

    @Override
    public void close() {
        LIBC.close(wakePipe[0]);
        LIBC.close(wakePipe[1]);
    }

    private static void put(Pointer fds, int index, int fd, int events) {
        fds.putInt((long) index * POLLFD_SIZE, fd);
        fds.putShort((long) index * POLLFD_SIZE + 4, (short) events);
    }

    private static int timeoutMillis(long nanos) {
        if (nanos < 0) {
            return -1;
        }
        return (int) Math.min(Integer.MAX_VALUE, (nanos + 999_999) / 1_000_000);
    }
}
