package io.nty.benchmarks.http;

import io.nty.examples.http.HttpExchange;
import io.nty.examples.http.HttpRequestParser;
import io.nty.examples.http.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP hello server on JDK virtual threads, as a Java developer would write it: the peer of
 * {@code nty-examples http} in the side-by-side benchmark. A blocking {@link ServerSocket}, one
 * virtual thread per connection (the accept loop is a virtual thread too), plain blocking
 * streams, the same {@link HttpRequestParser}, limits and responses as the nty server, so the two
 * differ only in how they wait for IO.
 *
 * <p>Idle connections are closed the way nty's server closes them ({@link IdleClose#REAPER}):
 * each complete request marks its connection active, and a reaper thread closes connections idle
 * for the timeout, checking four times per timeout; closing the socket ends the blocked read. The
 * alternative a Java developer might reach for, {@link IdleClose#SO_TIMEOUT} (a timed read on
 * every connection), is kept for comparison only: it turns every read into a timed park, which
 * costs several system calls per request (docs/performance.md), so the benchmark labels it
 * {@code virtual_threads_so_timeout} and does not count it as the peer.
 *
 * <p>Run it on one carrier, as the benchmark does:
 * {@code java -Djdk.virtualThreadScheduler.parallelism=1 -Djdk.virtualThreadScheduler.maxPoolSize=1
 * -cp benchmarks.jar io.nty.benchmarks.http.VirtualThreadHttpServer --port 8081
 * [--so-timeout] [--idle-timeout-ms 60000]}. Prints {@code listening on HOST:PORT (...)} once
 * ready; SIGINT/SIGTERM close the listener and it exits.
 */
public final class VirtualThreadHttpServer implements AutoCloseable {

    /** How idle connections are closed. */
    public enum IdleClose {
        /** A reaper closes connections without a complete request for the timeout (as nty's server does). */
        REAPER,
        /** Every read is timed ({@code Socket.setSoTimeout}); labelled, for comparison only. */
        SO_TIMEOUT
    }

    /** The idle timeout of nty's HTTP server ({@code --idle-timeout-ms}), used here too. */
    public static final long DEFAULT_IDLE_TIMEOUT_MILLIS = 60_000;
    private static final int SEND_BUFFER_BYTES = 4096;

    private final ServerSocket listener;
    private final IdleClose idleClose;
    private final long idleTimeoutMillis;
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicLong accepted = new AtomicLong();
    private final List<Thread> threads = new ArrayList<>();

    private VirtualThreadHttpServer(ServerSocket listener, IdleClose idleClose, long idleTimeoutMillis) {
        this.listener = listener;
        this.idleClose = idleClose;
        this.idleTimeoutMillis = idleTimeoutMillis;
    }

    /**
     * Binds and starts accepting on virtual threads.
     *
     * @param address where to listen (port 0: any free port)
     * @param idleClose how idle connections are closed
     * @param idleTimeoutMillis how long a connection may go without a complete request, {@code > 0}
     * @return the running server; {@link #close()} stops it
     * @throws IOException if the address cannot be bound
     */
    public static VirtualThreadHttpServer start(InetSocketAddress address, IdleClose idleClose, long idleTimeoutMillis)
            throws IOException {
        if (idleTimeoutMillis <= 0 || idleTimeoutMillis > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("the idle timeout must be 1.." + Integer.MAX_VALUE + " ms: " + idleTimeoutMillis);
        }
        ServerSocket listener = new ServerSocket();
        try {
            listener.setReuseAddress(true);
            listener.bind(address, 4096);
        } catch (IOException | RuntimeException e) {
            listener.close();
            throw e;
        }
        VirtualThreadHttpServer server = new VirtualThreadHttpServer(listener, idleClose, idleTimeoutMillis);
        server.threads.add(Thread.ofVirtual().name("acceptor").start(server::acceptLoop));
        if (idleClose == IdleClose.REAPER) {
            server.threads.add(Thread.ofVirtual().name("idle-reaper").start(server::reapIdle));
        }
        return server;
    }

    public static void main(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(List.of(args));
        IdleClose idleClose = rest.remove("--so-timeout") ? IdleClose.SO_TIMEOUT : IdleClose.REAPER;
        long idleTimeout = DEFAULT_IDLE_TIMEOUT_MILLIS;
        InetSocketAddress address;
        try {
            int i = rest.indexOf("--idle-timeout-ms");
            if (i >= 0) {
                if (i + 1 >= rest.size()) {
                    throw new IllegalArgumentException("--idle-timeout-ms needs a value");
                }
                idleTimeout = parseTimeout(rest.get(i + 1));
                rest.subList(i, i + 2).clear();
            }
            address = PeerArgs.parse("VirtualThreadHttpServer [--so-timeout] [--idle-timeout-ms MS]", 8081,
                    rest.toArray(String[]::new));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        VirtualThreadHttpServer server = start(address, idleClose, idleTimeout);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.out.println("stopped after " + server.accepted() + " connections");
        }));
        System.out.println("listening on " + PeerArgs.format(server.address()) + " (virtual threads, parallelism="
                + System.getProperty("jdk.virtualThreadScheduler.parallelism", "default") + ", idle connections closed by "
                + (idleClose == IdleClose.REAPER ? "a reaper" : "SO_TIMEOUT on every read") + " after " + idleTimeout + " ms)");
        server.threads.getFirst().join();
    }

    private static long parseTimeout(String value) {
        try {
            long ms = Long.parseLong(value);
            if (ms > 0) {
                return ms;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--idle-timeout-ms must be a positive number of milliseconds: " + value);
    }

    /** @return the bound address (with the chosen port) */
    public InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    /** @return connections accepted so far */
    public long accepted() {
        return accepted.get();
    }

    /** @return connections open now */
    public int openConnections() {
        return connections.size();
    }

    /** Closes the listener and every open connection; their threads end. Idempotent. */
    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            System.err.println("closing the listener: " + e);
        }
        for (Connection c : connections) {
            c.close();
        }
        for (Thread t : threads) {
            t.interrupt();
        }
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                accepted.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    System.err.println("accept: " + e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        Connection connection = null;
        try (socket) {
            socket.setTcpNoDelay(true); // as the nty server's clients and Netty do
            if (idleClose == IdleClose.SO_TIMEOUT) {
                socket.setSoTimeout((int) idleTimeoutMillis);
            }
            connection = new Connection(socket);
            connections.add(connection);
            if (!listener.isClosed()) { // close() may have run between accept and add
                connection.serve();
            }
        } catch (IOException e) {
            // reset, timed out or closed (by the reaper or close()): the connection ends
        } finally {
            if (connection != null) {
                connections.remove(connection);
            }
        }
    }

    /** Closes connections idle for the timeout: checks four times per timeout, until close(). */
    private void reapIdle() {
        long timeoutNanos = idleTimeoutMillis * 1_000_000L;
        long interval = Math.max(1, idleTimeoutMillis / 4);
        while (!listener.isClosed()) {
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return; // close()
            }
            long now = System.nanoTime();
            for (Connection c : connections) {
                if (now - c.lastActiveNanos >= timeoutNanos) {
                    c.close();
                }
            }
        }
    }

    /** One connection: the same {@link HttpExchange} as the nty server's, on blocking streams. */
    private static final class Connection {

        private final Socket socket;
        private final InputStream in;
        private final byte[] received = new byte[HttpServer.DEFAULT_MAX_REQUEST_BYTES];
        private final ByteBuffer view = ByteBuffer.wrap(received);
        private final HttpExchange<IOException> http;
        /** When the last complete request arrived; written by the connection, read by the reaper. */
        private volatile long lastActiveNanos = System.nanoTime();

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            this.http = new HttpExchange<>(HttpServer.DEFAULT_MAX_REQUEST_BYTES,
                    ByteBuffer.allocate(SEND_BUFFER_BYTES), bytes -> write(out, bytes),
                    () -> lastActiveNanos = System.nanoTime());
        }

        void serve() throws IOException {
            int n;
            while ((n = in.read(received, view.position(), view.remaining())) > 0) {
                view.position(view.position() + n).flip();
                HttpExchange.Next next = http.answerComplete(view);
                view.compact();
                if (next == HttpExchange.Next.REJECTED) {
                    socket.shutdownOutput();
                }
                if (next != HttpExchange.Next.READ_MORE) {
                    return;
                }
            }
        }

        void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closing a socket that failed: nothing left to do
            }
        }

        private static void write(OutputStream out, ByteBuffer bytes) throws IOException {
            out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            bytes.position(bytes.limit());
        }
    }
}
