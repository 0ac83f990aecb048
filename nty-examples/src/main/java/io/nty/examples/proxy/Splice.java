package io.nty.examples.proxy;

/**
 * One proxied connection: the client's fd, the upstream fd once it is open, and how many of its
 * two pumps are still running. Used on the proxy's scheduler thread only.
 *
 * <p>Invariant: {@link #pumpsLeft} counts the pumps started and not ended; the fds are closed
 * exactly once, by {@link ProxyServer}, when both pumps ended normally, when one failed, or when
 * the proxy stops.
 */
final class Splice {

    private final long id;
    private final int clientFd;
    private int upstreamFd = -1;
    private int pumpsLeft;
    private boolean closed;

    Splice(long id, int clientFd) {
        this.id = id;
        this.clientFd = clientFd;
    }

    int clientFd() {
        return clientFd;
    }

    int upstreamFd() {
        return upstreamFd;
    }

    void upstreamOpened(int fd) {
        upstreamFd = fd;
    }

    /** Both pumps are about to start. */
    void pumpsStarting() {
        pumpsLeft = 2;
    }

    /** @return whether this was the last pump */
    boolean pumpEnded() {
        return --pumpsLeft == 0;
    }

    /** @return whether the fds were still open: the caller closes them now */
    boolean markClosed() {
        boolean wasOpen = !closed;
        closed = true;
        return wasOpen;
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public String toString() {
        return "connection " + id + " (client fd " + clientFd + ", upstream fd " + upstreamFd + ")";
    }
}
