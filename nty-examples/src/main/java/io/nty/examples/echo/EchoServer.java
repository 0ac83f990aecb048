package io.nty.examples.echo;

import io.nty.examples.server.Listeners;
import io.nty.examples.server.ServerGroup;
import io.nty.socket.ErrnoException;
import io.nty.socket.NtySockets;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * NtyCo's {@code nty_server}: an echo server on {@code ports} consecutive ports, all served by
 * one scheduler thread, one coroutine per connection.
 */
public final class EchoServer {

    /** Receive buffer per connection, NtyCo's 1 KiB. */
    public static final int BUFFER_BYTES = 1024;

    private EchoServer() {
    }

    /**
     * @param first the first address; with port 0 and {@code ports > 1}, the first port is picked
     *        by the kernel and the next ones follow it
     * @param ports how many consecutive ports, {@code >= 1}
     * @param idleTimeoutMillis how long a connection may stay silent, {@code > 0}
     * @return the running server
     * @throws ErrnoException if a port cannot be bound, e.g. {@code EADDRINUSE}; nothing is left open
     */
    public static ServerGroup start(InetSocketAddress first, int ports, long idleTimeoutMillis)
            throws ErrnoException, InterruptedException {
        if (ports < 1 || first.getPort() + ports - 1 > 65_535) {
            throw new IllegalArgumentException("ports must be >= 1 and end at or below 65535: "
                    + first.getPort() + " + " + ports);
        }
        EchoHandler handler = new EchoHandler(BUFFER_BYTES);
        int[] fds = new int[ports];
        int opened = 0;
        try {
            int base = first.getPort();
            for (; opened < ports; opened++) {
                fds[opened] = Listeners.open(new InetSocketAddress(first.getAddress(), base + opened), false);
                if (opened == 0) {
                    base = NtySockets.localAddress(fds[0]).getPort(); // port 0: the kernel chose
                }
            }
        } catch (ErrnoException | RuntimeException e) {
            for (int i = 0; i < opened; i++) {
                NtySockets.close(fds[i]);
            }
            throw e;
        }
        return ServerGroup.start("nty-echo", List.of(fds), () -> handler, idleTimeoutMillis);
    }
}
