package io.nty.socket;

import java.nio.channels.ClosedChannelException;

/**
 * The fd an idiomatic socket owns, and whether it has been closed: closing twice is a no-op and
 * use after close throws {@link ClosedChannelException} instead of reaching a reused fd number.
 */
final class FdHandle {

    private final int fd;
    private boolean closed;

    FdHandle(int fd) {
        this.fd = fd;
    }

    /** {@return the fd, for a call about to use it} */
    int fd() throws ClosedChannelException {
        if (closed) {
            throw new ClosedChannelException();
        }
        return fd;
    }

    /** {@return the fd number, open or not (for messages)} */
    int number() {
        return fd;
    }

    boolean isOpen() {
        return !closed;
    }

    /** Closes the fd once; see {@link NtySockets#close}. */
    void close() throws ErrnoException {
        if (!closed) {
            closed = true;
            NtySockets.close(fd);
        }
    }

    /** Closes the fd after a failed setup, keeping the setup failure as the one reported. */
    void closeAfter(Exception failure) {
        try {
            close();
        } catch (ErrnoException e) {
            failure.addSuppressed(e);
        }
    }
}
