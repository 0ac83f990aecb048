package io.nty.examples.http;

import io.nty.examples.server.Listeners;
import io.nty.examples.server.ServerGroup;
import io.nty.socket.ErrnoException;
import io.nty.socket.NtySockets;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP hello server: {@code threads} scheduler threads, each with its own listening socket
 * on the same port ({@code SO_REUSEPORT}, so the kernel spreads connections over them: NtyCo's
 * {@code nty_server_mulcore}) and one coroutine per connection running
 * {@link HttpConnectionHandler}.
 */
public final class HttpServer {

    /** Default limit of one request, head and body: the common 8 KiB of servers. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 8192;

    private HttpServer() {
    }

    /**
     * @param address where to listen; port 0 picks a free port, shared by all threads
     * @param threads scheduler threads, {@code >= 1}
     * @param maxRequestBytes the most bytes one request may take
     * @param idleTimeoutMillis how long a connection may stay silent, {@code > 0}
     * @return the running server
     * @throws ErrnoException if the port cannot be bound; nothing is left open
     */
    public static ServerGroup start(InetSocketAddress address, int threads, int maxRequestBytes,
            long idleTimeoutMillis) throws ErrnoException, InterruptedException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        HttpConnectionHandler handler = new HttpConnectionHandler(maxRequestBytes);
        boolean reusePort = threads > 1;
        List<int[]> fds = new ArrayList<>();
        try {
            InetSocketAddress bound = address;
            for (int i = 0; i < threads; i++) {
                int fd = Listeners.open(bound, reusePort);
                fds.add(new int[] {fd});
                bound = NtySockets.localAddress(fd); // the others bind the port the first one got
            }
        } catch (ErrnoException | RuntimeException e) {
            for (int[] fd : fds) {
                NtySockets.close(fd[0]);
            }
            throw e;
        }
        return ServerGroup.start("nty-http", fds, () -> handler, idleTimeoutMillis);
    }
}
