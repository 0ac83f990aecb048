package io.nty.socket.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.api.FdClosedException;
import io.nty.api.WaitTimeoutException;
import io.nty.socket.ErrnoException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.BindException;
import java.net.ConnectException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code java.net.Socket} and {@code ServerSocket} with nty's hook installed, on loopback: inside
 * coroutines they suspend (§4.4), outside they block (§3.6), and they behave as the JDK
 * documents. Runs in its own JVM (see the pom): the hook is process-wide.
 */
@Timeout(60)
class JdkSocketHookTest {

    private static final InetAddress LOOPBACK4 = InetAddress.getLoopbackAddress();

    @BeforeAll
    static void installHook() {
        JdkSocketHook.install();
    }

    @Test
    void installIsIdempotentAndOwnsTheFactories() throws IOException {
        assertThat(JdkSocketHook.isInstalled()).isTrue();
        assertThat(JdkSocketHook.install()).isFalse();
        // The JDK's slot is taken: anyone else's factory is refused by the JDK itself.
        @SuppressWarnings("deprecation")
        Runnable other = () -> {
            try {
                Socket.setSocketImplFactory(() -> null);
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        };
        assertThatThrownBy(other::run).hasMessageContaining("factory already defined");
        try (Socket unconnected = new Socket()) { // only nty's implementation words it so
            assertThatThrownBy(() -> unconnected.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true))
                    .hasMessageContaining("not supported by nty");
        }
    }

    @Test
    void rule4_4_blockingReadSuspendsOnlyItsCoroutine() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK4)) {
            int port = server.getLocalPort();
            AtomicInteger ticks = new AtomicInteger();
            AtomicInteger ticksWhenReadStarted = new AtomicInteger(-1);
            AtomicInteger ticksWhenReadReturned = new AtomicInteger(-1);
            AtomicReference<String> received = new AtomicReference<>();
            AtomicBoolean done = new AtomicBoolean();
            OneThread.run(s -> {
                s.create(unused -> {
                    try (Socket peer = server.accept()) {
                        ticksWhenReadStarted.set(ticks.get());
                        byte[] buf = new byte[64];
                        int n = peer.getInputStream().read(buf); // suspends until the writer writes
                        ticksWhenReadReturned.set(ticks.get());
                        received.set(new String(buf, 0, n, StandardCharsets.US_ASCII));
                        peer.getOutputStream().write(buf, 0, n);
                    }
                }, null);
                s.create(unused -> {
                    try (Socket client = new Socket(LOOPBACK4, port)) {
                        // The reader is suspended in read meanwhile: this coroutine and the
                        // sentinel run; write only after the sentinel ticked three times more.
                        while (ticksWhenReadStarted.get() < 0 || ticks.get() < ticksWhenReadStarted.get() + 3) {
                            s.sleep(1);
                        }
                        client.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
                        byte[] echo = client.getInputStream().readNBytes(5);
                        assertThat(new String(echo, StandardCharsets.US_ASCII)).isEqualTo("hello");
                    }
                    done.set(true);
                }, null);
                s.create(unused -> {
                    while (!done.get()) {
                        ticks.incrementAndGet();
                        s.sleep(1);
                    }
                }, null);
            });
            assertThat(received.get()).isEqualTo("hello");
            assertThat(ticksWhenReadReturned.get()).isGreaterThanOrEqualTo(ticksWhenReadStarted.get() + 3);
        }
    }

    @Test
    void rule3_6_outsideCoroutinesSocketsBlockAsBefore() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK4)) {
            Thread client = new Thread(() -> {
                try (Socket c = new Socket(LOOPBACK4, server.getLocalPort())) {
                    Thread.sleep(50);
                    c.getOutputStream().write(new byte[] {1, 2, 3});
                    c.shutdownOutput();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            client.start();
            try (Socket peer = server.accept()) { // no scheduler on this thread: blocks
                assertThat(peer.getInputStream().readAllBytes()).containsExactly(1, 2, 3);
            }
            client.join();
        }
    }

    @Test
    void soTimeoutGivesTheJdksReadTimedOutAndTheSocketStaysUsable() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK4)) {
            OneThread.run(s -> {
                s.create(unused -> {
                    try (Socket peer = server.accept()) {
                        s.sleep(150);
                        peer.getOutputStream().write(7);
                        peer.getInputStream().read();
                    }
                }, null);
                s.create(unused -> {
                    try (Socket c = new Socket(LOOPBACK4, server.getLocalPort())) {
                        c.setSoTimeout(20);
                        assertThat(c.getSoTimeout()).isEqualTo(20);
                        assertThatThrownBy(() -> c.getInputStream().read())
                                .isInstanceOf(SocketTimeoutException.class).hasMessage("Read timed out")
                                .hasCauseInstanceOf(WaitTimeoutException.class);
                        c.setSoTimeout(5_000);
                        assertThat(c.getInputStream().read()).isEqualTo(7);
                        c.getOutputStream().write(1);
                    }
                }, null);
            });
        }
    }

    @Test
    void soTimeoutOnAcceptGivesAcceptTimedOut() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK4)) {
            server.setSoTimeout(20);
            OneThread.run(s -> s.create(unused -> assertThatThrownBy(server::accept)
                    .isInstanceOf(SocketTimeoutException.class).hasMessage("Accept timed out"), null));
            assertThatThrownBy(server::accept) // and outside a coroutine
                    .isInstanceOf(SocketTimeoutException.class).hasMessage("Accept timed out");
        }
    }

    @Test
    void connectTimeoutGivesConnectTimedOut() throws Exception {
        // A listener whose accept queue is full drops further SYNs, so a connect cannot finish.
        try (ServerSocket full = new ServerSocket(0, 1, LOOPBACK4)) {
            List<Socket> fillers = new ArrayList<>();
            try {
                SocketTimeoutException timeout = null;
                for (int i = 0; i < 16 && timeout == null; i++) {
                    Socket s = new Socket();
                    fillers.add(s);
                    try {
                        s.connect(new InetSocketAddress(LOOPBACK4, full.getLocalPort()), 100);
                    } catch (SocketTimeoutException e) {
                        timeout = e;
                    }
                }
                assertThat(timeout).as("a connect to a full backlog timed out").isNotNull();
                assertThat(timeout).hasMessage("Connect timed out").hasCauseInstanceOf(WaitTimeoutException.class);
                assertThat(fillers.get(fillers.size() - 1).isClosed()).isTrue(); // the JDK closes it
            } finally {
                for (Socket s : fillers) {
                    s.close();
                }
            }
        }
    }

    @Test
    void shutdownOutputIsEndOfStreamForThePeerAndShutdownInputForUs() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK4)) {
            OneThread.run(s -> {
                s.create(unused -> {
                    try (Socket peer = server.accept()) {
                        assertThat(peer.getInputStream().readAllBytes()).containsExactly(9, 8);
                        peer.getOutputStream().write(new byte[] {5, 6}); // still allowed: half-close
                        peer.shutdownOutput();
                        assertThat(peer.isOutputShutdown()).isTrue();
                        assertThatThrownBy(() -> peer.getOutputStream().write(1))
                                .isInstanceOf(SocketException.class);
                    }
                }, null);
                s.create(unused -> {
                    try (Socket c = new Socket(LOOPBACK4, server.getLocalPort())) {
                        c.getOutputStream().write(new byte[] {9, 8});
                        c.shutdownOutput();
                        InputStream in = c.getInputStream();
                        assertThat(in.readNBytes(2)).containsExactly(5, 6);
                        assertThat(in.read()).isEqualTo(-1);
                        c.shutdownInput();
                        assertThat(in.read()).isEqualTo(-1);
                        assertThat(in.available()).isZero();
                    }
                }, null);
            });
        }
    }

    @Test
    void availableCountsQueuedBytes() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK4);
                Socket c = new Socket(LOOPBACK4, server.getLocalPort());
                Socket peer = server.accept()) {
            assertThat(peer.getInputStream().available()).isZero();
            c.getOutputStream().write(new byte[100]);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (peer.getInputStream().available() < 100 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertThat(peer.getInputStream().available()).isEqualTo(100);
            assertThat(peer.getInputStream().readNBytes(40)).hasSize(40);
            assertThat(peer.getInputStream().available()).isEqualTo(60);
        }
    }

    @Test
    void optionsSetBeforeConnectReachTheKernelAndReadBack() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK4); Socket c = new Socket()) {
            assertThat(server.getReuseAddress()).isTrue(); // as the JDK does for listeners
            c.setTcpNoDelay(true);
            c.setKeepAlive(true);
            c.setSoLinger(true, 3);
            c.setReceiveBufferSize(32 * 1024);
            assertThat(c.getTcpNoDelay()).isTrue(); // pending: no fd yet
            assertThat(c.getSoLinger()).isEqualTo(3);
            c.connect(new InetSocketAddress(LOOPBACK4, server.getLocalPort()), 1_000);
            try (Socket peer = server.accept()) {
                assertThat(c.getTcpNoDelay()).isTrue(); // now read from the kernel
                assertThat(c.getKeepAlive()).isTrue();
                assertThat(c.getSoLinger()).isEqualTo(3);
                assertThat(c.getReceiveBufferSize()).isGreaterThanOrEqualTo(32 * 1024); // Linux doubles it
                c.setSoLinger(false, 0);
                assertThat(c.getSoLinger()).isEqualTo(-1);
                c.setOption(StandardSocketOptions.TCP_NODELAY, false);
                assertThat(c.getOption(StandardSocketOptions.TCP_NODELAY)).isFalse();
                c.setTrafficClass(0x10);
                assertThat(c.getTrafficClass()).isEqualTo(0x10);
                assertThat(c.supportedOptions()).contains(StandardSocketOptions.SO_KEEPALIVE,
                        StandardSocketOptions.SO_REUSEPORT, StandardSocketOptions.SO_LINGER);
                assertThat(peer.getTcpNoDelay()).isFalse(); // accepted sockets start with defaults
                assertThat(c.getLocalAddress()).isEqualTo(LOOPBACK4);
                assertThat(c.getInetAddress()).isEqualTo(LOOPBACK4);
                assertThat(c.getPort()).isEqualTo(server.getLocalPort());
                assertThat(peer.getPort()).isEqualTo(c.getLocalPort());
                assertThatThrownBy(() -> c.setOption(StandardSocketOptions.IP_MULTICAST_LOOP, true))
                        .isInstanceOf(UnsupportedOperationException.class)
                        .hasMessageContaining("not supported by nty");
            }
        }
    }

    @Test
    void rule4_3_closeByAnotherCoroutineWakesTheReaderWithSocketClosed() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK4)) {
            AtomicReference<Socket> reading = new AtomicReference<>();
            AtomicReference<Throwable> readFailure = new AtomicReference<>();
            OneThread.run(s -> {
                s.create(unused -> {
                    try (Socket c = new Socket(LOOPBACK4, server.getLocalPort())) {
                        reading.set(c);
                        c.getInputStream().read(); // the peer never writes
                    } catch (SocketException e) {
                        readFailure.set(e);
                    }
                }, null);
                s.create(unused -> {
                    try (Socket peer = server.accept()) {
                        while (reading.get() == null) {
                            s.yieldNow();
                        }
                        s.sleep(20); // the reader is suspended in read by now
                        reading.get().close();
                    }
                }, null);
            });
            assertThat(readFailure.get()).isInstanceOf(SocketException.class).hasMessage("Socket closed")
                    .hasCauseInstanceOf(FdClosedException.class);
        }
    }

    @Test
    void closeFromAnotherThreadWakesAThreadBlockedInRead() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK4);
                Socket c = new Socket(LOOPBACK4, server.getLocalPort());
                Socket peer = server.accept()) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            Thread reader = new Thread(() -> {
                try {
                    c.getInputStream().read();
                } catch (IOException e) {
                    failure.set(e);
                }
            });
            reader.start();
            Thread.sleep(50);
            c.close();
            reader.join(5_000);
            assertThat(reader.isAlive()).isFalse();
            assertThat(failure.get()).isInstanceOf(SocketException.class).hasMessage("Socket closed");
        }
    }

    @Test
    void ipv6ConnectAcceptAndAddresses() throws Exception {
        InetAddress loopback6 = InetAddress.getByName("::1");
        try (ServerSocket server = new ServerSocket(0, 50, loopback6)) {
            OneThread.run(s -> {
                s.create(unused -> {
                    try (Socket peer = server.accept()) {
                        assertThat(peer.getInetAddress()).isInstanceOf(Inet6Address.class);
                        peer.getOutputStream().write(peer.getInputStream().readNBytes(3));
                    }
                }, null);
                s.create(unused -> {
                    try (Socket c = new Socket()) {
                        c.connect(new InetSocketAddress(loopback6, server.getLocalPort()), 1_000);
                        assertThat(c.getLocalAddress()).isEqualTo(loopback6);
                        c.getOutputStream().write(new byte[] {1, 2, 3});
                        assertThat(c.getInputStream().readNBytes(3)).containsExactly(1, 2, 3);
                    }
                }, null);
            });
        }
    }

    @Test
    void wildcardServerTakesIpv4AndClientBoundToWildcardConnects() throws Exception {
        try (ServerSocket server = new ServerSocket(0)) { // the JDK's wildcard: "::", dual stack
            try (Socket c = new Socket()) {
                c.bind(null); // wildcard, port 0: bound at connect, in the peer's family
                c.connect(new InetSocketAddress(LOOPBACK4, server.getLocalPort()));
                try (Socket peer = server.accept()) {
                    assertThat(peer.getInetAddress()).isEqualTo(LOOPBACK4); // IPv4-mapped, shown as IPv4
                    assertThat(c.getLocalPort()).isPositive();
                }
            }
        }
    }

    @Test
    void failuresHaveTheJdksTypesAndMessages() throws Exception {
        int freePort;
        try (ServerSocket probe = new ServerSocket(0, 50, LOOPBACK4)) {
            freePort = probe.getLocalPort();
        }
        assertThatThrownBy(() -> new Socket(LOOPBACK4, freePort).close())
                .isInstanceOf(ConnectException.class).hasMessage("Connection refused")
                .hasCauseInstanceOf(ErrnoException.class).cause().hasMessageContaining("ECONNREFUSED");
        assertThatThrownBy(() -> {
            try (Socket s = new Socket()) {
                s.connect(InetSocketAddress.createUnresolved("no-such-host.invalid", 80));
            }
        }).isInstanceOf(UnknownHostException.class);
        try (ServerSocket taken = new ServerSocket(0, 50, LOOPBACK4)) {
            assertThatThrownBy(() -> new ServerSocket(taken.getLocalPort(), 50, LOOPBACK4).close())
                    .isInstanceOf(BindException.class).hasMessage("Address already in use");
        }
        Socket closed = new Socket();
        closed.close();
        assertThatThrownBy(() -> closed.connect(new InetSocketAddress(LOOPBACK4, freePort)))
                .isInstanceOf(SocketException.class).hasMessage("Socket is closed");
    }

    @Test
    void peerResetIsConnectionReset() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK4);
                Socket c = new Socket(LOOPBACK4, server.getLocalPort())) {
            try (Socket peer = server.accept()) {
                peer.setSoLinger(true, 0); // close sends RST
            }
            assertThatThrownBy(() -> c.getInputStream().read())
                    .isInstanceOf(SocketException.class).hasMessage("Connection reset");
        }
    }

    @Test
    void rule4_1_aSecondReaderOfOneSocketIsRefusedAtOnce() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK4)) {
            AtomicReference<Throwable> second = new AtomicReference<>();
            OneThread.run(s -> {
                s.create(unused -> {
                    try (Socket peer = server.accept()) {
                        s.sleep(50);
                        peer.getOutputStream().write(1);
                    }
                }, null);
                s.create(unused -> {
                    try (Socket c = new Socket(LOOPBACK4, server.getLocalPort())) {
                        s.create(unused2 -> {
                            try {
                                c.getInputStream().read();
                            } catch (SocketException e) {
                                second.set(e);
                            }
                        }, null);
                        assertThat(c.getInputStream().read()).isEqualTo(1); // the first is unaffected
                    }
                }, null);
            });
            assertThat(second.get()).isInstanceOf(SocketException.class).hasMessageContaining("§4.1");
        }
    }

    @Test
    void aLockHeldAcrossASuspensionIsNamedByTheLockCheck() throws Exception {
        Object monitor = new Object();
        ReentrantLock lock = new ReentrantLock();
        try (ServerSocket server = new ServerSocket(0, 50, LOOPBACK4)) {
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicBoolean readInsideSynchronized = new AtomicBoolean();
            OneThread.run(s -> {
                s.create(unused -> {
                    try (Socket peer = server.accept()) {
                        s.sleep(20);
                        peer.getOutputStream().write(1);
                    }
                }, null);
                s.create(unused -> {
                    try (Socket c = new Socket(LOOPBACK4, server.getLocalPort())) {
                        LockCheck.check(LockCheck.Mode.FAIL, "read"); // nothing held: passes
                        synchronized (monitor) {
                            assertThatThrownBy(() -> LockCheck.check(LockCheck.Mode.FAIL, "read"))
                                    .isInstanceOf(IllegalStateException.class)
                                    .hasMessageContaining("read()").hasMessageContaining("monitor java.lang.Object");
                            // Unchecked, JDK 24+ lets the coroutine suspend holding the monitor.
                            assertThat(c.getInputStream().read()).isEqualTo(1);
                            readInsideSynchronized.set(true);
                        }
                        lock.lock();
                        try {
                            assertThatThrownBy(() -> LockCheck.check(LockCheck.Mode.FAIL, "write"))
                                    .hasMessageContaining("lock java.util.concurrent.locks.ReentrantLock");
                        } finally {
                            lock.unlock();
                        }
                    } catch (RuntimeException e) {
                        failure.set(e);
                    }
                }, null);
            });
            assertThat(failure.get()).isNull();
            assertThat(readInsideSynchronized.get()).isTrue();
        }
        assertThatThrownBy(() -> LockCheck.parse("sometimes")).hasMessageContaining("nty.socket.jdk.lockCheck");
    }

    @Test
    void manyCoroutinesEchoOverHookedSocketsOnOneThread() throws Exception {
        int clients = 50;
        int rounds = 20;
        try (ServerSocket server = new ServerSocket(0, clients, LOOPBACK4)) {
            AtomicInteger echoed = new AtomicInteger();
            OneThread.run(s -> {
                s.create(unused -> {
                    for (int i = 0; i < clients; i++) {
                        Socket peer = server.accept();
                        s.create(unused2 -> {
                            try (peer; InputStream in = peer.getInputStream(); OutputStream out = peer.getOutputStream()) {
                                byte[] buf = new byte[8];
                                int n;
                                while ((n = in.read(buf)) > 0) {
                                    out.write(buf, 0, n);
                                }
                            }
                        }, null);
                    }
                }, null);
                for (int i = 0; i < clients; i++) {
                    int id = i;
                    s.create(unused -> {
                        try (Socket c = new Socket(LOOPBACK4, server.getLocalPort())) {
                            for (int r = 0; r < rounds; r++) {
                                byte[] msg = (id + ":" + r + ";").getBytes(StandardCharsets.US_ASCII);
                                c.getOutputStream().write(msg);
                                assertThat(c.getInputStream().readNBytes(msg.length)).isEqualTo(msg);
                                echoed.incrementAndGet();
                            }
                        }
                    }, null);
                }
            });
            assertThat(echoed.get()).isEqualTo(clients * rounds);
        }
    }
}
