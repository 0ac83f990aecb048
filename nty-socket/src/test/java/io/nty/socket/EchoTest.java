package io.nty.socket;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Loopback round trips with many coroutines on one scheduler, TCP over IPv4 and IPv6, and UDP. */
@Timeout(60)
class EchoTest {

    @Test
    void manyConcurrentCoroutineClientsEchoOverIpv4() throws Exception {
        echo(Loopback.ipv4AnyPort(), 200, 20);
    }

    @Test
    void echoOverIpv6Loopback() throws Exception {
        echo(Loopback.ipv6AnyPort(), 20, 10);
    }

    /** One server coroutine per connection, {@code clients} client coroutines, all on one thread. */
    private static void echo(InetSocketAddress bindTo, int clients, int roundTrips) throws Exception {
        AtomicInteger verified = new AtomicInteger();
        AtomicInteger served = new AtomicInteger();
        try (NtyServerSocket listener = NtyServerSocket.bind(bindTo).timeoutMillis(10_000)) {
            InetSocketAddress address = listener.localAddress();
            CoroutineRunner.run(s -> {
                s.create(x -> {
                    for (int i = 0; i < clients; i++) {
                        NtySocket conn = listener.accept().timeoutMillis(10_000);
                        s.create(NtyEcho::serve, new NtyEcho(conn, served));
                    }
                }, null);
                for (int c = 0; c < clients; c++) {
                    int id = c;
                    s.create(x -> {
                        try (NtySocket sock = NtySocket.connect(address, 10_000).timeoutMillis(10_000)) {
                            ByteBuffer in = ByteBuffer.allocate(64);
                            for (int r = 0; r < roundTrips; r++) {
                                String msg = "client " + id + " trip " + r;
                                sock.write(ByteBuffer.wrap(msg.getBytes(StandardCharsets.US_ASCII)));
                                in.clear().limit(msg.length());
                                while (in.hasRemaining()) {
                                    if (sock.read(in) < 0) {
                                        throw new AssertionError("early end of stream");
                                    }
                                }
                                if (msg.equals(new String(in.array(), 0, msg.length(), StandardCharsets.US_ASCII))) {
                                    verified.incrementAndGet();
                                }
                            }
                        }
                    }, null);
                }
            });
        }
        assertThat(verified.get()).isEqualTo(clients * roundTrips);
        assertThat(served.get()).isEqualTo(clients);
    }

    /** The server side of one connection: echo until end of stream. */
    private record NtyEcho(NtySocket conn, AtomicInteger served) {
        static void serve(NtyEcho echo) throws Exception {
            try (NtySocket c = echo.conn) {
                ByteBuffer buf = ByteBuffer.allocateDirect(256);
                while (c.read(buf.clear()) > 0) {
                    c.write(buf.flip());
                }
            }
            echo.served.incrementAndGet();
        }
    }

    @Test
    void udpRoundTripsBetweenCoroutines() throws Exception {
        int datagrams = 500;
        AtomicInteger echoed = new AtomicInteger();
        try (NtyDatagramSocket server = NtyDatagramSocket.bind(Loopback.ipv4AnyPort()).timeoutMillis(5_000);
                NtyDatagramSocket client = NtyDatagramSocket.bind(Loopback.ipv4AnyPort()).timeoutMillis(5_000)) {
            InetSocketAddress serverAddress = server.localAddress();
            CoroutineRunner.run(s -> {
                s.create(x -> {
                    ByteBuffer buf = ByteBuffer.allocate(64);
                    for (int i = 0; i < datagrams; i++) {
                        InetSocketAddress from = server.receive(buf.clear());
                        server.send(buf.flip(), from);
                    }
                }, null);
                s.create(x -> {
                    ByteBuffer out = ByteBuffer.allocate(4);
                    ByteBuffer in = ByteBuffer.allocate(64);
                    for (int i = 0; i < datagrams; i++) {
                        client.send(out.clear().putInt(i).flip(), serverAddress);
                        client.receive(in.clear());
                        if (in.position() == 4 && in.getInt(0) == i) {
                            echoed.incrementAndGet();
                        }
                    }
                }, null);
            });
        }
        assertThat(echoed.get()).isEqualTo(datagrams);
    }

    @Test
    void crossThreadClientAgainstCoroutineServer() throws Exception {
        // A plain thread (blocking hooks, §3.6) talks to a coroutine server (suspending hooks).
        int requests = 300;
        AtomicInteger replies = new AtomicInteger();
        try (NtyServerSocket listener = NtyServerSocket.bind(Loopback.ipv4AnyPort()).timeoutMillis(10_000)) {
            InetSocketAddress address = listener.localAddress();
            Thread client = new Thread(() -> {
                try (NtySocket sock = NtySocket.connect(address, 5_000).timeoutMillis(5_000)) {
                    ByteBuffer in = ByteBuffer.allocate(16);
                    for (int i = 0; i < requests; i++) {
                        sock.write(ByteBuffer.wrap(new byte[] {(byte) i}));
                        in.clear();
                        if (sock.read(in) == 1 && in.get(0) == (byte) i) {
                            replies.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            CoroutineRunner.run(s -> s.create(x -> {
                client.start();
                try (NtySocket conn = listener.accept().timeoutMillis(10_000)) {
                    ByteBuffer buf = ByteBuffer.allocate(16);
                    while (conn.read(buf.clear()) > 0) {
                        conn.write(buf.flip());
                    }
                }
            }, null));
            client.join(10_000);
        }
        assertThat(replies.get()).isEqualTo(requests);
    }
}
