package io.nty.examples.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.examples.server.ServerGroup;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The proxy's acceptance test: 20 connections at once, each moving 16 MiB in each direction at
 * the same time through {@link ProxyServer}, checked byte for byte. Every socket buffer — the
 * clients', the upstream server's and both of the proxy's per connection — is 64 KiB or less, so
 * the proxy's pumps are held up by back-pressure all the time and the two pumps of a connection
 * wait on the same socket at once, one to read it and one to write it (§4.1).
 *
 * <p>The ends are plain blocking JDK sockets on virtual threads, independent of nty: a client
 * sends a 4-byte connection number, then its stream, and reads the upstream's stream; the
 * upstream reads the number and the client's stream and sends its own. Each side half-closes
 * after its 16 MiB, so each side also checks that the stream ends exactly there.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ProxyFullDuplexTest {

    private static final int CONNECTIONS = 20;
    private static final long BYTES_PER_DIRECTION = 16L * 1024 * 1024;
    private static final int SOCKET_BUFFER = 64 * 1024;
    private static final int CHUNK = 32 * 1024;
    private static final int SO_TIMEOUT_MILLIS = 60_000;

    @Test
    void sixteenMebibytesEachWayAtOnceOnTwentyConnectionsArriveByteForByte() throws Exception {
        ConcurrentLinkedQueue<Throwable> upstreamFailures = new ConcurrentLinkedQueue<>();
        try (ServerSocket upstream = new ServerSocket();
                ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            upstream.setReceiveBufferSize(SOCKET_BUFFER); // before bind: inherited, window fixed
            upstream.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), CONNECTIONS);
            threads.submit(() -> acceptUpstream(upstream, threads, upstreamFailures));

            ServerGroup proxy = ProxyServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                    (InetSocketAddress) upstream.getLocalSocketAddress(), SOCKET_BUFFER);
            ProxyServer proxyServer = (ProxyServer) proxyServices(proxy);
            try {
                InetSocketAddress via = proxy.addresses().get(0);
                List<Future<Long>> clients = new ArrayList<>();
                for (int c = 0; c < CONNECTIONS; c++) {
                    int id = c;
                    clients.add(threads.submit(() -> client(via, id, threads)));
                }
                for (Future<Long> f : clients) {
                    assertThat(f.get(150, TimeUnit.SECONDS)).isEqualTo(BYTES_PER_DIRECTION);
                }
                assertThat(proxy.accepted()).isEqualTo(CONNECTIONS);
                assertThat(proxyServer.failed()).as("connections the proxy lost to a failure").isZero();
            } finally {
                proxy.close();
            }
            assertThat(upstreamFailures).isEmpty();
        }
    }

    private static Object proxyServices(ServerGroup group) {
        return group.services().get(0);
    }

    /** One client: sends its id and stream while it reads and checks the upstream's stream. */
    private static long client(InetSocketAddress via, int id, ExecutorService threads) throws Exception {
        try (Socket s = new Socket()) {
            s.setReceiveBufferSize(SOCKET_BUFFER);
            s.setSendBufferSize(SOCKET_BUFFER);
            s.setSoTimeout(SO_TIMEOUT_MILLIS);
            s.connect(via, SO_TIMEOUT_MILLIS);
            Future<Void> sending = threads.submit(() -> {
                DataOutputStream out = new DataOutputStream(s.getOutputStream());
                out.writeInt(id);
                send(out, new Pattern(2L * id), "client " + id);
                s.shutdownOutput();
                return null;
            });
            long received = receive(s.getInputStream(), new Pattern(2L * id + 1), "client " + id);
            sending.get(SO_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            return received;
        }
    }

    private static void acceptUpstream(ServerSocket upstream, ExecutorService threads,
            ConcurrentLinkedQueue<Throwable> failures) {
        for (int c = 0; c < CONNECTIONS; c++) {
            Socket s;
            try {
                s = upstream.accept();
            } catch (IOException e) {
                failures.add(e);
                return;
            }
            threads.submit(() -> {
                try (s) {
                    s.setSendBufferSize(SOCKET_BUFFER);
                    s.setSoTimeout(SO_TIMEOUT_MILLIS);
                    int id = new DataInputStream(s.getInputStream()).readInt();
                    Future<Void> sending = threads.submit(() -> {
                        send(s.getOutputStream(), new Pattern(2L * id + 1), "upstream " + id);
                        s.shutdownOutput();
                        return null;
                    });
                    long got = receive(s.getInputStream(), new Pattern(2L * id), "upstream " + id);
                    if (got != BYTES_PER_DIRECTION) {
                        throw new AssertionError("upstream " + id + " got " + got + " bytes");
                    }
                    sending.get(SO_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                } catch (Throwable t) {
                    failures.add(t);
                }
                return null;
            });
        }
    }

    private static void send(OutputStream out, Pattern pattern, String who) throws IOException {
        byte[] buf = new byte[CHUNK];
        for (long pos = 0; pos < BYTES_PER_DIRECTION; pos += CHUNK) {
            int n = (int) Math.min(CHUNK, BYTES_PER_DIRECTION - pos);
            pattern.fill(buf, n, pos);
            out.write(buf, 0, n);
        }
        out.flush();
    }

    /** Reads to the end of stream, checking each byte; fails at the first wrong one. */
    private static long receive(InputStream in, Pattern pattern, String who) throws IOException {
        byte[] buf = new byte[CHUNK];
        long pos = 0;
        int n;
        while ((n = in.read(buf)) > 0) {
            int bad = pattern.firstMismatch(buf, n, pos);
            if (bad >= 0) {
                throw new AssertionError(who + ": byte " + (pos + bad) + " differs from what was sent");
            }
            pos += n;
            if (pos > BYTES_PER_DIRECTION) {
                throw new AssertionError(who + ": more than " + BYTES_PER_DIRECTION + " bytes arrived");
            }
        }
        return pos;
    }
}
