package io.nty.examples.echo;

import io.nty.api.Coroutines;
import io.nty.api.NtyException;
import io.nty.scheduler.NtyScheduler;
import io.nty.socket.ErrnoException;
import io.nty.socket.NtySockets;
import io.nty.socket.SockOpt;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * NtyCo's {@code nty_bench}-style load client: {@code connections} coroutines on one scheduler
 * (on the calling thread), each connecting to an echo server and then, until the time is up,
 * sending a message and waiting for all of it to come back, recording each round trip.
 *
 * <p>A connection that fails (refused, reset, closed early, silent for {@code ioTimeout}, or an
 * echo that differs from what was sent) counts as one error and ends; the others go on. The
 * run ends at {@code duration} plus at most {@code ioTimeout} for a connection stuck in a call.
 */
public final class EchoLoadClient {

    /**
     * What to run.
     *
     * @param target the echo server
     * @param connections concurrent connections, {@code > 0}
     * @param duration how long to send, {@code > 0}
     * @param messageBytes bytes per message, {@code > 0}
     * @param perSourceAddress connections per source address before spreading over
     *        127.0.0.x (see {@link SourceAddresses}), {@code > 0}
     * @param ioTimeout the longest one connect, send or receive may wait, {@code > 0}
     */
    public record Options(InetSocketAddress target, int connections, Duration duration, int messageBytes,
            int perSourceAddress, Duration ioTimeout) {

        /** Checks the values, with messages that name the option. */
        public Options {
            Objects.requireNonNull(target, "target");
            require(connections > 0, "connections must be > 0: " + connections);
            require(!duration.isNegative() && !duration.isZero(), "duration must be > 0: " + duration);
            require(messageBytes > 0, "message size must be > 0: " + messageBytes);
            require(perSourceAddress > 0, "connections per source address must be > 0: " + perSourceAddress);
            require(ioTimeout.toMillis() > 0, "io timeout must be at least 1 ms: " + ioTimeout);
        }

        private static void require(boolean ok, String message) {
            if (!ok) {
                throw new IllegalArgumentException(message);
            }
        }
    }

    private static final long PROGRESS_INTERVAL_NANOS = 1_000_000_000L;

    private final Options options;
    private final PrintStream progress;
    private final SourceAddresses sources;
    private final LatencyHistogram latency = new LatencyHistogram();
    private long start;
    private long deadline;
    private int connected;
    private int open;
    private int finished;
    private long requests;
    private long errors;
    private String firstError;
    private long allConnectedNanos = -1;
    private long requestsWhenAllConnected;

    /**
     * @param options what to run
     * @param progress where to print a progress line each second, or null for none
     */
    public EchoLoadClient(Options options, PrintStream progress) {
        this.options = options;
        this.progress = progress;
        this.sources = new SourceAddresses(options.target(), options.connections(), options.perSourceAddress());
    }

    /** @return whether connections bind source addresses 127.0.0.x */
    public boolean spreadsSourceAddresses() {
        return sources.spreads();
    }

    /**
     * Runs the load on a scheduler of the calling thread and returns when every connection has
     * ended. One run per client.
     *
     * @return the figures
     * @throws IllegalStateException if the calling thread already has a scheduler, or the client ran already
     */
    public LoadResult run() {
        if (start != 0) {
            throw new IllegalStateException("this client has run already; make a new one");
        }
        try (NtyScheduler scheduler = NtyScheduler.builder().name("bench-echo").build()) {
            start = System.nanoTime();
            deadline = start + options.duration().toNanos();
            for (int i = 0; i < options.connections(); i++) {
                scheduler.create(this::connection, i);
            }
            if (progress != null) {
                scheduler.create(unused -> reportProgress(), null);
            }
            scheduler.run();
        }
        return new LoadResult(connected, requests, System.nanoTime() - start, errors, latency, firstError,
                allConnectedNanos, requests - requestsWhenAllConnected);
    }

    private void connection(int number) {
        int fd = -1;
        boolean established = false;
        try {
            fd = NtySockets.socketFor(options.target(), NtySockets.SOCK_STREAM);
            connect(fd, number);
            established = true;
            connected++;
            open++;
            if (connected == options.connections()) {
                allConnectedNanos = System.nanoTime() - start;
                requestsWhenAllConnected = requests;
            }
            exchangeUntilDeadline(fd, number);
        } catch (ErrnoException | NtyException | EchoMismatchException e) {
            errors++;
            if (firstError == null) {
                firstError = "connection " + number + ": " + e.getMessage();
            }
        } finally {
            finished++;
            if (established) {
                open--;
            }
            closeQuietly(fd);
        }
    }

    private void connect(int fd, int number) throws ErrnoException {
        InetSocketAddress source = sources.forConnection(number);
        if (source != null) {
            NtySockets.bind(fd, source);
        }
        NtySockets.connect(fd, options.target(), options.ioTimeout().toMillis());
        NtySockets.setOption(fd, SockOpt.TCP_NODELAY, 1);
    }

    private void exchangeUntilDeadline(int fd, int number) throws ErrnoException, EchoMismatchException {
        long timeout = options.ioTimeout().toMillis();
        ByteBuffer message = ByteBuffer.allocateDirect(options.messageBytes());
        ByteBuffer echo = ByteBuffer.allocateDirect(options.messageBytes());
        for (int i = 0; i < options.messageBytes(); i++) {
            message.put(i, (byte) ('a' + (number + i) % 26));
        }
        while (System.nanoTime() - deadline < 0) {
            long sent = System.nanoTime();
            message.clear();
            NtySockets.send(fd, message, timeout);
            echo.clear();
            while (echo.hasRemaining()) {
                if (NtySockets.recv(fd, echo, timeout) == 0) {
                    throw new EchoMismatchException("the server closed the connection after "
                            + echo.position() + " of " + echo.capacity() + " echoed bytes");
                }
            }
            latency.recordNanos(System.nanoTime() - sent);
            requests++;
            if (!echo.flip().equals(message.flip())) {
                throw new EchoMismatchException("the echo differs from the message sent");
            }
        }
    }

    private void reportProgress() {
        long lastRequests = 0;
        long lastTime = start;
        while (finished < options.connections()) {
            long now = System.nanoTime();
            long nextReport = lastTime + PROGRESS_INTERVAL_NANOS;
            if (now - nextReport < 0) {
                // Wake for the next report, or every 10 ms after the deadline to notice the end.
                long wait = now - deadline < 0 ? nextReport - now : Math.min(nextReport - now, 10_000_000L);
                Coroutines.sleep(Math.max(1, wait / 1_000_000L));
                continue;
            }
            progress.printf(Locale.ROOT, "  %5.1f s  connections=%d requests=%d rps=%.0f errors=%d%n",
                    (now - start) / 1e9, open, requests,
                    (requests - lastRequests) * 1e9 / (now - lastTime), errors);
            lastRequests = requests;
            lastTime = now;
        }
    }

    private static void closeQuietly(int fd) {
        if (fd >= 0) {
            try {
                NtySockets.close(fd);
            } catch (ErrnoException e) {
                // Closing a connection that failed: nothing left to report.
            }
        }
    }

    /** The server answered something else than the message, or closed before answering. */
    private static final class EchoMismatchException extends Exception {
        private static final long serialVersionUID = 1L;

        EchoMismatchException(String message) {
            super(message);
        }
    }
}
