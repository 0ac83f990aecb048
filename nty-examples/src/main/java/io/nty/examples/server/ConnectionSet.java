package io.nty.examples.server;

import io.nty.socket.ErrnoException;
import io.nty.socket.NtySockets;
import java.util.Arrays;

/**
 * The connections one scheduler thread has open, indexed by fd, so that a server can close idle
 * ones and all of them when it stops, and each fd is closed exactly once whichever side (the
 * connection's coroutine or the server) gets there first. Used on the scheduler's thread only.
 */
final class ConnectionSet {

    private Connection[] byFd = new Connection[1024];
    private int count;

    /** Records a newly accepted fd. */
    Connection add(int fd) {
        if (fd >= byFd.length) {
            byFd = Arrays.copyOf(byFd, Math.max(fd + 1, byFd.length * 2));
        }
        Connection c = new Connection(fd);
        if (byFd[fd] == null) {
            count++;
        }
        byFd[fd] = c;
        return c;
    }

    /** @return how many connections are open */
    int size() {
        return count;
    }

    /**
     * Closes {@code connection} if it is still open: a coroutine waiting on its fd wakes with
     * {@link io.nty.api.FdClosedException} (§4.3).
     *
     * @return whether this call closed it
     */
    boolean close(Connection connection) {
        int fd = connection.fd();
        if (fd >= byFd.length || byFd[fd] != connection) {
            return false;
        }
        byFd[fd] = null;
        count--;
        try {
            NtySockets.close(fd);
        } catch (ErrnoException e) {
            // EBADF cannot happen for a recorded fd; anything else leaves nothing to undo.
        }
        return true;
    }

    /**
     * Closes the connections idle for at least {@code timeoutNanos}.
     *
     * @return how many were closed
     */
    int closeIdle(long timeoutNanos) {
        long now = System.nanoTime();
        int closed = 0;
        for (Connection c : byFd) {
            if (c != null && c.idleSince(now, timeoutNanos) && close(c)) {
                closed++;
            }
        }
        return closed;
    }

    /** Closes every connection. */
    void closeAll() {
        for (Connection c : byFd) {
            if (c != null) {
                close(c);
            }
        }
    }
}
