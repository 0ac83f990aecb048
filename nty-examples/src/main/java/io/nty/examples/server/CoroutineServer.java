package io.nty.examples.server;

import io.nty.api.Coroutines;
import io.nty.api.FdClosedException;
import io.nty.api.Scheduler;
import io.nty.api.WaitTimeoutException;
import io.nty.socket.ErrnoException;
import io.nty.socket.NtySockets;
import java.util.Set;

/**
 * NtyCo's server loop on one scheduler: an acceptor coroutine per listening fd, and a new
 * coroutine per accepted connection running a {@link ConnectionHandler}.
 *
 * <p>Lifecycle: construct with listening fds (it takes ownership of them), call
 * {@link #start} on the scheduler's thread before or while the scheduler runs, and call
 * {@link #stop} on that thread (from another thread: {@code scheduler.execute(server::stop)}).
 * {@code stop} closes the listeners and every open connection; the coroutines waiting on them
 * wake with {@link FdClosedException} and end, so {@code scheduler.run()} returns.
 *
 * <p>A connection ends when its handler returns or throws: the peer closed or reset it, it was
 * idle (no progress, see {@link Connection#markActive()}) for the server's idle timeout, or
 * the server stopped. Each such end closes the fd; other connections are unaffected. A reaper
 * coroutine looks for idle connections four times per timeout, so an idle connection is closed
 * between one and 1.25 timeouts after its last data. Running out of fds ({@code EMFILE}) pauses
 * accepting briefly instead of stopping the server.
 */
public final class CoroutineServer implements Service {

    private static final Set<String> TRANSIENT_ACCEPT_ERRORS = Set.of("EMFILE", "ENFILE", "ENOBUFS", "ENOMEM");
    private static final long ACCEPT_BACKOFF_MILLIS = 100;
    /** The reaper's longest sleep, so that it notices a stop soon. */
    private static final long REAPER_MAX_SLEEP_MILLIS = 250;

    private final int[] listenFds;
    private final ConnectionHandler handler;
    private final long idleTimeoutMillis;
    private final ConnectionSet connections = new ConnectionSet();
    private boolean listenersOpen = true;
    private boolean stopped;
    private long accepted;
    private boolean warnedExhaustion;

    /**
     * @param listenFds listening, non-blocking fds (e.g. from {@link Listeners#open}); the
     *        server closes them when it stops
     * @param handler serves each connection
     * @param idleTimeoutMillis close connections that received nothing for this long, {@code > 0}
     */
    public CoroutineServer(int[] listenFds, ConnectionHandler handler, long idleTimeoutMillis) {
        if (listenFds.length == 0) {
            throw new IllegalArgumentException("a server needs at least one listening fd");
        }
        if (idleTimeoutMillis <= 0) {
            throw new IllegalArgumentException("idleTimeoutMillis must be > 0: " + idleTimeoutMillis);
        }
        this.listenFds = listenFds.clone();
        this.handler = handler;
        this.idleTimeoutMillis = idleTimeoutMillis;
    }

    /**
     * Creates one acceptor coroutine per listener on {@code scheduler}; they run when it runs.
     *
     * @param scheduler the scheduler of the calling thread
     */
    @Override
    public void start(Scheduler scheduler) {
        if (stopped) {
            throw new IllegalStateException("the server was stopped; it cannot start again");
        }
        for (int fd : listenFds) {
            scheduler.create(this::acceptLoop, fd);
        }
        scheduler.create(unused -> reapIdle(), null);
    }

    /**
     * Closes the listeners and all open connections. Idempotent. Call it on the scheduler's
     * thread; before {@link #start} (or after a failed start) any thread may call it.
     */
    @Override
    public void stop() {
        stopped = true;
        closeListeners();
        connections.closeAll();
    }

    /** @return connections accepted so far */
    @Override
    public long accepted() {
        return accepted;
    }

    /** @return connections open now */
    public int openConnections() {
        return connections.size();
    }

    private void acceptLoop(int listenFd) {
        Scheduler scheduler = Scheduler.ofCurrentThread().orElseThrow();
        while (!stopped) {
            int fd;
            try {
                fd = NtySockets.accept(listenFd);
            } catch (FdClosedException e) {
                return; // stop() closed the listener
            } catch (ErrnoException e) {
                if (stopped || !TRANSIENT_ACCEPT_ERRORS.contains(e.errnoName())) {
                    reportAcceptFailure(e);
                    return;
                }
                warnExhaustion(e);
                Coroutines.sleep(ACCEPT_BACKOFF_MILLIS);
                continue;
            }
            accepted++;
            scheduler.create(this::serve, connections.add(fd));
        }
    }

    private void serve(Connection connection) {
        try {
            handler.serve(connection);
        } catch (ErrnoException | FdClosedException | WaitTimeoutException e) {
            // The peer reset, the server stopped, or the connection idled out: it just ends.
        } finally {
            connections.close(connection);
        }
    }

    /** Closes idle connections: checks every quarter timeout, and ends soon after a stop. */
    private void reapIdle() {
        long timeoutNanos = idleTimeoutMillis * 1_000_000L;
        long interval = Math.max(1, idleTimeoutMillis / 4);
        long nextSweep = System.nanoTime();
        while (!stopped) {
            long now = System.nanoTime();
            if (now - nextSweep >= 0) {
                connections.closeIdle(timeoutNanos);
                nextSweep = now + interval * 1_000_000L;
            }
            Coroutines.sleep(Math.min(REAPER_MAX_SLEEP_MILLIS, Math.max(1, (nextSweep - now) / 1_000_000L)));
        }
    }

    private void closeListeners() {
        if (!listenersOpen) {
            return;
        }
        listenersOpen = false;
        for (int fd : listenFds) {
            try {
                NtySockets.close(fd);
            } catch (ErrnoException e) {
                System.err.println("closing listener: " + e.getMessage());
            }
        }
    }

    private void warnExhaustion(ErrnoException e) {
        if (!warnedExhaustion) {
            warnedExhaustion = true;
            System.err.println(e.getMessage() + ": out of file descriptors or memory with "
                    + connections.size() + " connections open (raise 'ulimit -n'); accepting again in "
                    + ACCEPT_BACKOFF_MILLIS + " ms");
        }
    }

    private void reportAcceptFailure(ErrnoException e) {
        if (!stopped) {
            System.err.println("acceptor stops: " + e.getMessage());
        }
    }
}
