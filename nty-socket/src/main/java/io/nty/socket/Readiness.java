package io.nty.socket;

import io.nty.api.IoEvents;
import io.nty.api.Scheduler;
import io.nty.api.WaitTimeoutException;
import io.nty.api.spi.SchedulerBinding;
import io.nty.socket.internal.LibC;
import io.nty.socket.internal.NativeLibC;

/**
 * Waits until a non-blocking fd is ready, the one place where the hooks choose between the two
 * worlds: inside a coroutine they suspend through {@link Scheduler#await} (the scheduler thread
 * goes on running others, §4.4); outside any coroutine they block the calling thread in
 * {@code poll(2)} (§3.6). Either way the caller retries its syscall afterwards.
 *
 * <p>Timeouts are deadlines on {@link System#nanoTime()} so that a call that waits several times
 * (a large {@code send}) honours one limit in total. A deadline of {@link #NO_DEADLINE} waits
 * without limit.
 */
final class Readiness {

    /** The deadline of a call without a time limit. */
    static final long NO_DEADLINE = Long.MIN_VALUE;

    private Readiness() {
    }

    /**
     * {@return the deadline to pass to {@link #await}}
     *
     * @param timeoutMillis {@code 0} for no limit, else the longest the whole call may wait
     * @throws IllegalArgumentException if {@code timeoutMillis < 0}
     */
    static long deadline(long timeoutMillis) {
        if (timeoutMillis < 0) {
            throw new IllegalArgumentException("timeoutMillis must be >= 0 (0 = no limit): "
                    + timeoutMillis);
        }
        if (timeoutMillis == 0) {
            return NO_DEADLINE;
        }
        long now = System.nanoTime();
        long nanos = timeoutMillis >= Long.MAX_VALUE / 1_000_000L ? Long.MAX_VALUE / 2
                : timeoutMillis * 1_000_000L;
        return now + nanos;
    }

    /**
     * Waits until {@code fd} is ready for {@code events} or the deadline passes.
     *
     * @param call the hook waiting, for messages
     * @return the ready events (may include ERROR or HANGUP)
     * @throws WaitTimeoutException if the deadline passes first (§4.3)
     * @throws io.nty.api.FdClosedException if another coroutine closes the fd meanwhile (§4.3)
     * @throws io.nty.api.FdBusyException if another coroutine already waits on the fd (§4.1)
     * @throws ErrnoException if {@code poll(2)} reports the fd invalid ({@code EBADF})
     */
    static int await(int fd, int events, long deadline, String call) throws ErrnoException {
        long millis = remainingMillis(fd, deadline, call);
        Scheduler s = SchedulerBinding.current();
        if (s != null && s.current().isPresent()) {
            return s.await(fd, events, millis);
        }
        return block(fd, events, deadline, call);
    }

    /** Plain blocking wait in {@code poll(2)}, for callers outside any coroutine (§3.6). */
    private static int block(int fd, int events, long deadline, String call) throws ErrnoException {
        LibC libc = NativeLibC.libc();
        // struct pollfd { int fd; short events; short revents; } as two ints, little-endian.
        int[] pollfd = new int[2];
        for (;;) {
            long millis = remainingMillis(fd, deadline, call);
            pollfd[0] = fd;
            pollfd[1] = events & 0xffff;
            int n = libc.poll(pollfd, 1, millis == 0 ? -1 : (int) Math.min(millis, Integer.MAX_VALUE));
            if (n < 0) {
                int errno = NativeLibC.errno();
                if (errno == LibC.EINTR) {
                    continue;
                }
                throw new ErrnoException("poll", fd, errno);
            }
            int revents = pollfd[1] >>> 16;
            if ((revents & LibC.POLLNVAL) != 0) {
                throw new ErrnoException(call, fd, LibC.EBADF);
            }
            if (n > 0 && revents != 0) {
                return revents & (IoEvents.READ | IoEvents.WRITE | IoEvents.ERROR | IoEvents.HANGUP);
            }
            // n == 0: poll timed out; the next remainingMillis reports it.
        }
    }

    /**
     * {@return the whole milliseconds left, at least 1, or 0 for no deadline}
     * @throws WaitTimeoutException if the deadline has passed
     */
    private static long remainingMillis(int fd, long deadline, String call) {
        if (deadline == NO_DEADLINE) {
            return 0;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new WaitTimeoutException(call + "(fd=" + fd + "): timed out waiting for the fd"
                    + " to become ready (§4.3)");
        }
        return Math.max(1, (left + 999_999L) / 1_000_000L);
    }
}
