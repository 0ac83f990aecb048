package io.nty.socket;

import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * A listening TCP socket over the hooks: {@link #accept()} suspends the calling coroutine until
 * a connection arrives, or blocks outside a coroutine (§3.6). {@code SO_REUSEADDR} is set before
 * binding, as servers do.
 */
public final class NtyServerSocket extends FdSocket<NtyServerSocket> {

    /** The accept backlog {@link #bind(InetSocketAddress)} uses. */
    public static final int DEFAULT_BACKLOG = 1024;

    private NtyServerSocket(int fd) {
        super(fd);
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
        NtyServerSocket server = new NtyServerSocket(NtySockets.socketFor(address, NtySockets.SOCK_STREAM));
        return setUp(server, fd -> {
            NtySockets.setOption(fd, SockOpt.SO_REUSEADDR, 1);
            if (reusePort) {
                NtySockets.setOption(fd, SockOpt.SO_REUSEPORT, 1);
            }
            NtySockets.bind(fd, address);
            NtySockets.listen(fd, backlog);
        });
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
}
