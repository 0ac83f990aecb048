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
import java.util.concurrent.atomic.AtomicLong;

/**
 * The HTTP hello server on JDK virtual threads: the peer of {@code nty-examples http} in the
 * side-by-side benchmark. A blocking {@link ServerSocket}, one virtual thread per connection
 * (the accept loop is a virtual thread too), the same {@link HttpRequestParser}, limits and
 * responses as the nty server, so the two differ only in how they wait for IO.
 *
 * <p>Run it on one carrier, as the benchmark does:
 * {@code java -Djdk.virtualThreadScheduler.parallelism=1 -Djdk.virtualThreadScheduler.maxPoolSize=1
 * -cp benchmarks.jar io.nty.benchmarks.http.VirtualThreadHttpServer --port 8081}. Prints
 * {@code listening on HOST:PORT} once ready; SIGINT/SIGTERM close the listener and it exits.
 */
public final class VirtualThreadHttpServer {

    private static final int IDLE_TIMEOUT_MILLIS = 60_000;
    private static final int SEND_BUFFER_BYTES = 4096;

    private final ServerSocket listener;
    private final AtomicLong accepted = new AtomicLong();

    private VirtualThreadHttpServer(ServerSocket listener) {
        this.listener = listener;
    }

    public static void main(String[] args) throws Exception {
        InetSocketAddress address;
        try {
            address = PeerArgs.parse("VirtualThreadHttpServer", 8081, args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(address, 4096);
        VirtualThreadHttpServer server = new VirtualThreadHttpServer(listener);
        Thread acceptor = Thread.ofVirtual().name("acceptor").start(server::acceptLoop);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            System.out.println("stopped after " + server.accepted.get() + " connections");
        }));
        System.out.println("listening on " + PeerArgs.format((InetSocketAddress) listener.getLocalSocketAddress())
                + " (virtual threads, parallelism=" + System.getProperty("jdk.virtualThreadScheduler.parallelism", "default") + ")");
        acceptor.join();
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

    private void close() {
        try {
            listener.close();
        } catch (IOException e) {
            System.err.println("closing the listener: " + e);
        }
    }

    private static void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true); // as the nty server's clients and Netty do
            socket.setSoTimeout(IDLE_TIMEOUT_MILLIS);
            new Connection(socket).serve();
        } catch (IOException e) {
            // reset, timed out or closed: the connection ends
        }
    }

    /** One connection: the same {@link HttpExchange} as the nty server's, on blocking streams. */
    private static final class Connection {

        private final Socket socket;
        private final InputStream in;
        private final byte[] received = new byte[HttpServer.DEFAULT_MAX_REQUEST_BYTES];
        private final ByteBuffer view = ByteBuffer.wrap(received);
        private final HttpExchange<IOException> http;

        Connection(Socket socket) throws IOException {
            this.socket = socket;
            this.in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            this.http = new HttpExchange<>(HttpServer.DEFAULT_MAX_REQUEST_BYTES,
                    ByteBuffer.allocate(SEND_BUFFER_BYTES), bytes -> write(out, bytes), () -> { });
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

        private static void write(OutputStream out, ByteBuffer bytes) throws IOException {
            out.write(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            bytes.position(bytes.limit());
        }
    }
}
