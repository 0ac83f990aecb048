package io.nty.socket;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A listening TCP socket over the hooks: {@link #accept()} suspends the calling coroutine until
 * a connection arrives, or blocks outside a coroutine (§3.6). {@code SO_REUSEADDR} is set before
 * binding, as servers do.
 */
public final class NtyServerSocket implements AutoCloseable {

    /** The accept backlog {@link #bind(InetSocketAddress)} uses. */
    public static final int DEFAULT_BACKLOG = 1024;

    private final FdHandle handle;
    private long timeoutMillis;

    private NtyServerSocket(int fd) {
        this.handle = new FdHandle(fd);
    }

    /**
     * {@link #bind(InetSocketAddress, int, boolean)} with the default backlog, no SO_REUSEPORT.
     *
     * @param address a resolved IPv4 or IPv6 address
     * @return the listening socket
     * @throws IOException if the system call fails, naming the errno
     */
    public static NtyServerSocket bind(InetSocketAddress address) throws IOException {
        return bind(address, DEFAULT_BACKLOG, false);
    }

    /**
     * Opens, binds and listens.
     *
     * @param address a resolved IPv4 or IPv6 address; port 0 picks a free port
     * @param backlog the accept queue length
     * @param reusePort whether to set {@code SO_REUSEPORT} (several listeners on one port, one per
     *        scheduler thread, as in NtyCo's multi-core server)
     * @return the listening socket
     * @throws ErrnoException e.g. {@code EADDRINUSE}
     */
    public static NtyServerSocket bind(InetSocketAddress address, int backlog, boolean reusePort)
            throws IOException {
        int fd = NtySockets.socketFor(address, NtySockets.SOCK_STREAM);
        NtyServerSocket server = new NtyServerSocket(fd);
        try {
            NtySockets.setOption(fd, SockOpt.SO_REUSEADDR, 1);
            if (reusePort) {
                NtySockets.setOption(fd, SockOpt.SO_REUSEPORT, 1);
            }
            NtySockets.bind(fd, address);
            NtySockets.listen(fd, backlog);
        } catch (IOException | RuntimeException e) {
            server.handle.closeAfter(e);
            throw e;
        }
        return server;
    }

    /**
     * Sets the time limit of each later {@link #accept()}.
     *
     * @param millis 0 for no limit
     * @return this server socket
     */
    public NtyServerSocket timeoutMillis(long millis) {
        if (millis < 0) {
            throw new IllegalArgumentException("timeout must be >= 0 ms (0 = no limit): " + millis);
        }
        this.timeoutMillis = millis;
        return this;
    }

    /**
     * Accepts a connection.
     *
     * @return the connected socket (non-blocking fd, §4.5)
     * @throws ErrnoException e.g. {@code EMFILE}
     * @throws io.nty.api.WaitTimeoutException if none arrived within the timeout
     * @throws java.nio.channels.ClosedChannelException if this server socket is closed
     */
    public NtySocket accept() throws IOException {
        return NtySocket.wrap(NtySockets.accept(handle.fd(), timeoutMillis));
    }

    /**
     * @return the bound address, with the port the kernel chose
     * @throws IOException if the system call fails, naming the errno
     */
    public InetSocketAddress localAddress() throws IOException {
        return NtySockets.localAddress(handle.fd());
    }

    /** @return the fd, for the fd-level hooks */
    public int fd() {
        return handle.number();
    }

    /** @return whether the socket is open */
    public boolean isOpen() {
        return handle.isOpen();
    }

    /** Closes the socket, waking a coroutine blocked in {@link #accept()} (§4.3); idempotent. */
    @Override
    public void close() throws IOException {
        handle.close();
    }

    @Override
    public String toString() {
        return "NtyServerSocket[fd=" + handle.number() + (handle.isOpen() ? "" : ", closed") + "]";
    }
}
