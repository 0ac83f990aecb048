package io.nty.examples.proxy;

import io.nty.api.Coroutines;
import io.nty.api.FdClosedException;
import io.nty.api.Scheduler;
import io.nty.api.WaitTimeoutException;
import io.nty.examples.server.Listeners;
import io.nty.examples.server.ServerGroup;
import io.nty.examples.server.Service;
import io.nty.socket.ErrnoException;
import io.nty.socket.NtySockets;
import io.nty.socket.SockOpt;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A TCP port forwarder: every connection accepted on the listener is connected to the target and
 * served by two pumps, one coroutine per direction, each {@code recv} from one socket and
 * {@code send} to the other until end of stream, which it passes on as a half-close
 * ({@code shutdown(SHUT_WR)}).
 *
 * <p>Under back-pressure both pumps of a connection wait on the same socket at once — the
 * upstream pump to write the client's socket (the client reads slowly), the client pump to read
 * it — which §4.1 allows: one reader and one writer per fd.
 *
 * <p>A connection ends when both directions have ended, or at once when one fails (a reset, a
 * refused upstream): then both fds are closed, and a pump still waiting on them wakes with
 * {@link FdClosedException} (§4.3). Runs on one scheduler thread; {@link #stop} closes the
 * listener and every connection.
 */
public final class ProxyServer implements Service {

    /** Bytes one pump moves per {@code recv}/{@code send}. */
    static final int PUMP_BUFFER_BYTES = 64 * 1024;
    private static final Set<String> TRANSIENT_ACCEPT_ERRORS = Set.of("EMFILE", "ENFILE", "ENOBUFS", "ENOMEM");
    private static final long ACCEPT_BACKOFF_MILLIS = 100;

    private final int listenFd;
    private final InetSocketAddress target;
    private final int socketBufferBytes;
    private final long connectTimeoutMillis;
    private final Set<Splice> open = new LinkedHashSet<>();
    private boolean listenerOpen = true;
    private boolean stopped;
    private volatile long accepted;
    private volatile long failed;

    /**
     * @param listenFd a listening, non-blocking fd; the proxy closes it when it stops
     * @param target where to connect each accepted connection
     * @param socketBufferBytes {@code SO_RCVBUF} and {@code SO_SNDBUF} for both sockets of each
     *        connection, or 0 to keep the kernel's defaults
     * @param connectTimeoutMillis the longest an upstream connect may take, {@code > 0}
     */
    public ProxyServer(int listenFd, InetSocketAddress target, int socketBufferBytes, long connectTimeoutMillis) {
        if (socketBufferBytes < 0 || connectTimeoutMillis <= 0) {
            throw new IllegalArgumentException("socketBufferBytes must be >= 0 and connectTimeoutMillis > 0: "
                    + socketBufferBytes + ", " + connectTimeoutMillis);
        }
        this.listenFd = listenFd;
        this.target = Objects.requireNonNull(target, "target");
        this.socketBufferBytes = socketBufferBytes;
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    /**
     * Listens on {@code listen} and forwards to {@code target} on a new scheduler thread.
     *
     * @param listen where to listen; port 0 picks a free port (see {@link ServerGroup#addresses()})
     * @param target a resolved address to forward to
     * @param socketBufferBytes as in the constructor
     * @return the running proxy
     * @throws ErrnoException if the listener cannot be opened, e.g. {@code EADDRINUSE}
     */
    public static ServerGroup start(InetSocketAddress listen, InetSocketAddress target, int socketBufferBytes)
            throws ErrnoException, InterruptedException {
        int fd = Listeners.open(listen, false);
        ProxyServer proxy;
        InetSocketAddress bound;
        try {
            if (socketBufferBytes > 0) {
                // Inherited by the accepted sockets; the receive window is fixed at accept time.
                NtySockets.setOption(fd, SockOpt.SO_RCVBUF, socketBufferBytes);
            }
            bound = NtySockets.localAddress(fd);
            proxy = new ProxyServer(fd, target, socketBufferBytes, 10_000);
        } catch (ErrnoException | RuntimeException e) {
            NtySockets.close(fd);
            throw e;
        }
        return ServerGroup.startServices("nty-proxy", List.of(proxy), List.of(bound));
    }

    @Override
    public void start(Scheduler scheduler) {
        if (stopped) {
            throw new IllegalStateException("the proxy was stopped; it cannot start again");
        }
        scheduler.create(unused -> acceptLoop(scheduler), null);
    }

    @Override
    public void stop() {
        stopped = true;
        if (listenerOpen) {
            listenerOpen = false;
            try {
                NtySockets.close(listenFd);
            } catch (ErrnoException e) {
                System.err.println("proxy: closing the listener: " + e.getMessage());
            }
        }
        for (Splice s : new ArrayList<>(open)) {
            close(s);
        }
    }

    @Override
    public long accepted() {
        return accepted;
    }

    /** @return connections ended by an unexpected failure (printed to stderr), so far */
    public long failed() {
        return failed;
    }

    private void acceptLoop(Scheduler scheduler) {
        while (!stopped) {
            int fd;
            try {
                fd = NtySockets.accept(listenFd);
            } catch (FdClosedException e) {
                return; // stop() closed the listener
            } catch (ErrnoException e) {
                if (stopped || !TRANSIENT_ACCEPT_ERRORS.contains(e.errnoName())) {
                    if (!stopped) {
                        System.err.println("proxy: acceptor stops: " + e.getMessage());
                    }
                    return;
                }
                Coroutines.sleep(ACCEPT_BACKOFF_MILLIS);
                continue;
            }
            Splice splice = new Splice(accepted, fd);
            accepted = accepted + 1; // single writer: the scheduler's thread
            open.add(splice);
            scheduler.create(s -> connectAndPump(scheduler, s), splice);
        }
    }

    /** Connects upstream, then pumps client → upstream here and upstream → client beside it. */
    private void connectAndPump(Scheduler scheduler, Splice splice) {
        try {
            int up = NtySockets.socketFor(target, NtySockets.SOCK_STREAM);
            splice.upstreamOpened(up);
            if (socketBufferBytes > 0) {
                for (int fd : new int[] {splice.clientFd(), up}) {
                    NtySockets.setOption(fd, SockOpt.SO_SNDBUF, socketBufferBytes);
                    NtySockets.setOption(fd, SockOpt.SO_RCVBUF, socketBufferBytes);
                }
            }
            NtySockets.connect(up, target, connectTimeoutMillis);
        } catch (ErrnoException | WaitTimeoutException e) {
            System.err.println("proxy: " + splice + ": cannot reach " + target + ": " + e.getMessage());
            close(splice);
            return;
        } catch (FdClosedException e) {
            close(splice); // the proxy stopped while connecting
            return;
        }
        if (splice.isClosed()) {
            return;
        }
        splice.pumpsStarting();
        scheduler.create(s -> pump(s, s.upstreamFd(), s.clientFd()), splice);
        pump(splice, splice.clientFd(), splice.upstreamFd());
    }

    /**
     * Moves bytes {@code from} → {@code to} until end of stream, then half-closes {@code to}.
     * When the other pump has ended too, the connection is closed; a failure closes it at once.
     */
    private void pump(Splice splice, int from, int to) {
        boolean ok = false;
        try {
            ByteBuffer buffer = ByteBuffer.allocateDirect(PUMP_BUFFER_BYTES);
            while (NtySockets.recv(from, buffer.clear()) > 0) {
                NtySockets.send(to, buffer.flip());
            }
            NtySockets.shutdown(to, NtySockets.SHUT_WR); // pass the end of stream on
            ok = true;
        } catch (FdClosedException e) {
            // The other pump failed or the proxy stopped: the connection is closing already.
        } catch (ErrnoException e) {
            // A reset or a vanished peer ends the connection; nothing to report.
        } catch (RuntimeException e) {
            failed = failed + 1; // single writer: the scheduler's thread
            System.err.println("proxy: " + splice + " fails: " + e);
        } finally {
            if (splice.pumpEnded() || !ok) {
                close(splice);
            }
        }
    }

    private void close(Splice splice) {
        if (!splice.markClosed()) {
            return;
        }
        open.remove(splice);
        for (int fd : new int[] {splice.clientFd(), splice.upstreamFd()}) {
            if (fd >= 0) {
                try {
                    NtySockets.close(fd);
                } catch (ErrnoException e) {
                    // EBADF cannot happen for an fd the splice owns; nothing is left to undo.
                }
            }
        }
    }
}
