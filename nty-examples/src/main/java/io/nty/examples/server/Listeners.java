package io.nty.examples.server;

import io.nty.socket.ErrnoException;
import io.nty.socket.NtySockets;
import io.nty.socket.SockOpt;
import java.net.InetSocketAddress;

/** Opens listening TCP sockets the way NtyCo's servers do: socket, options, bind, listen. */
public final class Listeners {

    /** Backlog for every listener: the kernel caps it at {@code net.core.somaxconn} anyway. */
    public static final int BACKLOG = 4096;

    private Listeners() {
    }

    /**
     * Opens a non-blocking listening socket with {@code SO_REUSEADDR} (a restarted server can
     * rebind a port with connections in TIME_WAIT).
     *
     * @param address where to listen; port 0 picks a free port
     * @param reusePort also set {@code SO_REUSEPORT}, so that several sockets (one per scheduler
     *        thread) can listen on the same port and the kernel spreads connections over them
     * @return the listening fd; the caller closes it with {@link NtySockets#close}
     * @throws ErrnoException if a step fails, e.g. {@code EADDRINUSE}; nothing is left open
     */
    public static int open(InetSocketAddress address, boolean reusePort) throws ErrnoException {
        int fd = NtySockets.socketFor(address, NtySockets.SOCK_STREAM);
        try {
            NtySockets.setOption(fd, SockOpt.SO_REUSEADDR, 1);
            if (reusePort) {
                NtySockets.setOption(fd, SockOpt.SO_REUSEPORT, 1);
            }
            NtySockets.bind(fd, address);
            NtySockets.listen(fd, BACKLOG);
            return fd;
        } catch (ErrnoException | RuntimeException e) {
            closeQuietly(fd, e);
            throw e;
        }
    }

    /** Closes {@code fd} after a failure, keeping the failure as the exception that matters. */
    static void closeQuietly(int fd, Exception failure) {
        try {
            NtySockets.close(fd);
        } catch (ErrnoException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }
}
