package io.nty.examples.server;

import io.nty.socket.ErrnoException;
import io.nty.socket.NtySockets;
import java.util.BitSet;

/**
 * The connection fds one scheduler thread has open, so that a server can close them all when it
 * stops, and each fd is closed exactly once whichever side (the connection's coroutine or the
 * stopping server) gets there first. Used on the scheduler's thread only.
 */
final class ConnectionSet {

    private final BitSet open = new BitSet();
    private int count;

    /** Records a newly accepted fd. */
    void add(int fd) {
        if (!open.get(fd)) {
            open.set(fd);
            count++;
        }
    }

    /** @return how many fds are open */
    int size() {
        return count;
    }

    /**
     * Closes {@code fd} if it is still recorded: a coroutine waiting on it wakes with
     * {@link io.nty.api.FdClosedException} (§4.3).
     *
     * @return whether this call closed it
     */
    boolean close(int fd) {
        if (!open.get(fd)) {
            return false;
        }
        open.clear(fd);
        count--;
        try {
            NtySockets.close(fd);
        } catch (ErrnoException e) {
            // EBADF cannot happen for a recorded fd; anything else leaves nothing to undo.
        }
        return true;
    }

    /** Closes every recorded fd. */
    void closeAll() {
        for (int fd = open.nextSetBit(0); fd >= 0; fd = open.nextSetBit(fd + 1)) {
            close(fd);
        }
    }
}
