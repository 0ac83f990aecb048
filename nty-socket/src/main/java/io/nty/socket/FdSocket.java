package io.nty.socket;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * What the idiomatic sockets share: the fd each owns (through {@link FdHandle}, so use after
 * close fails clearly instead of reaching a reused fd number), the time limit of each later call,
 * and closing, which wakes a coroutine waiting on the socket (§4.3).
 *
 * <p>Not thread-safe: a socket belongs to the coroutine (or thread) that uses it.
 *
 * @param <S> the concrete socket type, returned by the fluent setters
 */
public abstract sealed class FdSocket<S extends FdSocket<S>> implements AutoCloseable
        permits NtySocket, NtyServerSocket, NtyDatagramSocket {

    /** The fd this socket owns. */
    final FdHandle handle;
    /** The time limit of each later call in ms; 0 = none. */
    long timeoutMillis;

    FdSocket(int fd) {
        this.handle = new FdHandle(fd);
    }

    /**
     * Runs the set-up of a socket that was just opened, closing it if the set-up fails, so a
     * failed bind or connect leaks no fd.
     *
     * @param socket the freshly opened socket
     * @param setUp what to do with its fd (options, bind, listen, connect)
     * @param <S> the socket type
     * @return {@code socket}, set up
     * @throws IOException what {@code setUp} threw, with any failure to close suppressed in it
     */
    static <S extends FdSocket<S>> S setUp(S socket, SetUp setUp) throws IOException {
        try {
            setUp.run(socket.handle.number());
        } catch (IOException | RuntimeException e) {
            socket.handle.closeAfter(e);
            throw e;
        }
        return socket;
    }

    /** A set-up step for {@link #setUp}. */
    @FunctionalInterface
    interface SetUp {
        void run(int fd) throws IOException;
    }

    /**
     * Sets the time limit of each later call.
     *
     * @param millis 0 for no limit
     * @return this socket
     * @throws IllegalArgumentException if {@code millis < 0}
     */
    public S timeoutMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout must be >= 0 ms (0 = no limit): " + millis);
        }
        this.timeoutMillis = millis;
        return self();
    }

    /**
     * {@return the bound address, with the port the kernel chose}
     * @throws IOException if the system call fails, naming the errno, or the socket is closed
     */
    public InetSocketAddress localAddress() throws IOException {
        return NtySockets.localAddress(handle.fd());
    }

    /** {@return the fd, for the fd-level hooks} */
    public int fd() {
        return handle.number();
    }

    /** {@return whether the socket is open} */
    public boolean isOpen() {
        return handle.isOpen();
    }

    /** Closes the socket, waking a coroutine waiting on it (§4.3); idempotent. */
    @Override
    public void close() throws IOException {
        handle.close();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[fd=" + handle.number() + (handle.isOpen() ? "" : ", closed") + "]";
    }

    @SuppressWarnings("unchecked")
    private S self() {
        return (S) this;
    }
}
