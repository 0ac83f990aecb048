package io.nty.examples.server;

/**
 * An accepted connection as its handler sees it: the fd, and an activity mark the handler sets
 * whenever the peer sends something. The server closes connections whose mark is older than its
 * idle timeout, so handlers can wait without a timeout on every call (each timed wait would
 * enter and leave the scheduler's sleep structure, a cost paid on every request).
 */
public final class Connection {

    private final int fd;
    private long lastActiveNanos;

    Connection(int fd) {
        this.fd = fd;
        this.lastActiveNanos = System.nanoTime();
    }

    /** @return the connected, non-blocking socket */
    public int fd() {
        return fd;
    }

    /** Records that the peer just made progress (what counts is the handler's choice): the idle timeout starts again. */
    public void markActive() {
        lastActiveNanos = System.nanoTime();
    }

    /** @return whether the peer has sent nothing for at least {@code timeoutNanos} before {@code now} */
    boolean idleSince(long now, long timeoutNanos) {
        return now - lastActiveNanos >= timeoutNanos;
    }
}
