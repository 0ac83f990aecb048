package io.nty.socket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.api.WaitTimeoutException;
import io.nty.scheduler.NtyScheduler;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The hooks outside any coroutine (§3.6), buffers, options and errors. */
@Timeout(30)
class BlockingHooksTest {

    private int client;
    private int server;

    @BeforeEach
    void connect() throws Exception {
        int[] pair = Loopback.tcpPair();
        client = pair[0];
        server = pair[1];
    }

    @AfterEach
    void closeFds() {
        Loopback.closeAll(client, server);
    }

    @Test
    void rule3_6_hooksBlockOutsideCoroutine() throws Exception {
        Thread sender = delayed(100, () -> NtySockets.send(client, ByteBuffer.wrap(new byte[] {42})));
        long start = System.nanoTime();
        ByteBuffer buf = ByteBuffer.allocate(4);
        assertThat(NtySockets.recv(server, buf)).isEqualTo(1); // no thread has a scheduler here
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(80_000_000L);
        assertThat(buf.get(0)).isEqualTo((byte) 42);
        sender.join();
    }

    @Test
    void rule3_6_hooksBlockOnASchedulerThreadOutsideItsCoroutines() throws Exception {
        try (NtyScheduler scheduler = NtyScheduler.create()) {
            assertThat(scheduler.current()).isEmpty();
            Thread sender = delayed(50, () -> NtySockets.send(client, ByteBuffer.wrap(new byte[] {1})));
            assertThat(NtySockets.recv(server, ByteBuffer.allocate(4), 5_000)).isEqualTo(1);
            sender.join();
        }
    }

    @Test
    void blockingAcceptAndConnectOverIpv6() throws Exception {
        int listener = Loopback.listener(Loopback.ipv6AnyPort());
        try {
            InetSocketAddress address = NtySockets.localAddress(listener);
            assertThat(address.getAddress().getHostAddress()).isIn("0:0:0:0:0:0:0:1", "::1");
            AtomicReference<Integer> accepted = new AtomicReference<>();
            Thread acceptor = new Thread(() -> {
                try {
                    accepted.set(NtySockets.accept(listener, 5_000));
                } catch (ErrnoException e) {
                    throw new AssertionError(e);
                }
            });
            acceptor.start();
            int c = NtySockets.socket(NtySockets.AF_INET6, NtySockets.SOCK_STREAM, 0);
            NtySockets.connect(c, address, 5_000);
            acceptor.join(5_000);
            int s = accepted.get();
            NtySockets.send(c, ByteBuffer.wrap("v6".getBytes()));
            ByteBuffer buf = ByteBuffer.allocate(8);
            NtySockets.recv(s, buf, 5_000);
            assertThat(new String(buf.array(), 0, buf.position())).isEqualTo("v6");
            assertThat(NtySockets.remoteAddress(s).getAddress().isLoopbackAddress()).isTrue();
            Loopback.closeAll(c, s);
        } finally {
            NtySockets.close(listener);
        }
    }

    @Test
    void heapAndDirectBuffersHonourPositionAndLimit() throws Exception {
        for (boolean directSrc : new boolean[] {false, true}) {
            for (boolean directDst : new boolean[] {false, true}) {
                ByteBuffer src = directSrc ? ByteBuffer.allocateDirect(8) : ByteBuffer.allocate(8);
                src.put(new byte[] {9, 9, 1, 2, 3, 9}).position(2).limit(5); // send 1,2,3 only
                assertThat(NtySockets.send(client, src, 1_000)).isEqualTo(3);
                assertThat(src.position()).isEqualTo(5);

                ByteBuffer dst = directDst ? ByteBuffer.allocateDirect(8) : ByteBuffer.allocate(8);
                dst.put(new byte[] {7, 7, 7, 7, 7, 7, 7, 7}).position(3).limit(6); // room for 3
                int got = 0;
                while (got < 3) {
                    got += NtySockets.recv(server, dst, 1_000);
                }
                assertThat(dst.position()).isEqualTo(6);
                byte[] all = new byte[8];
                dst.clear().get(all);
                assertThat(all).as("src direct=%s, dst direct=%s", directSrc, directDst)
                        .containsExactly(7, 7, 7, 1, 2, 3, 7, 7);
            }
        }
    }

    @Test
    void timeoutOutsideCoroutineIsWaitTimeout() throws Exception {
        long start = System.nanoTime();
        assertThatThrownBy(() -> NtySockets.recv(server, ByteBuffer.allocate(4), 60))
                .isInstanceOf(WaitTimeoutException.class).hasMessageContaining("recv(fd=" + server);
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(60_000_000L);
        assertThat(NtySockets.poll(server, io.nty.api.IoEvents.READ, 30)).isZero();
        assertThat(NtySockets.poll(client, io.nty.api.IoEvents.WRITE, 30))
                .isEqualTo(io.nty.api.IoEvents.WRITE);
    }

    @Test
    void closedOrInvalidFdGetsClearErrors() throws Exception {
        int fd = NtySockets.socket(NtySockets.AF_INET, NtySockets.SOCK_STREAM, 0);
        NtySockets.close(fd);
        assertThatThrownBy(() -> NtySockets.recv(fd, ByteBuffer.allocate(1), 100))
                .isInstanceOf(ErrnoException.class)
                .hasMessageContaining("EBADF").hasMessageContaining("closed or was never open")
                .satisfies(e -> assertThat(((ErrnoException) e).errno()).isEqualTo(9));
        assertThatThrownBy(() -> NtySockets.close(fd)).isInstanceOf(ErrnoException.class)
                .hasMessageContaining("close(fd=" + fd + "): EBADF");
        assertThatThrownBy(() -> NtySockets.send(-3, ByteBuffer.allocate(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("invalid fd -3");
        assertThatThrownBy(() -> NtySockets.recv(server, ByteBuffer.allocate(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no space");
        assertThatThrownBy(() -> NtySockets.recv(server, ByteBuffer.allocate(1), -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("timeoutMillis");
        assertThatThrownBy(() -> NtySockets.socket(99, NtySockets.SOCK_STREAM, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("domain");
        assertThatThrownBy(() -> NtySockets.bind(server, InetSocketAddress.createUnresolved("x", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unresolved");
        assertThatThrownBy(() -> NtySockets.listen(server, 1)).isInstanceOf(ErrnoException.class)
                .hasMessageContaining("listen(fd=" + server + "): EINVAL");
        assertThat(ErrnoException.nameOf(104)).isEqualTo("ECONNRESET");
        assertThat(ErrnoException.nameOf(24)).isEqualTo("EMFILE");
        assertThat(ErrnoException.nameOf(99_999)).isEqualTo("errno 99999");
    }

    @Test
    void socketOptionsRoundTrip() throws Exception {
        NtySockets.setOption(client, SockOpt.TCP_NODELAY, 1);
        assertThat(NtySockets.getOption(client, SockOpt.TCP_NODELAY)).isEqualTo(1);
        NtySockets.setOption(client, SockOpt.SO_KEEPALIVE, 1);
        assertThat(NtySockets.getOption(client, SockOpt.SO_KEEPALIVE)).isEqualTo(1);
        NtySockets.setOption(client, SockOpt.SO_REUSEADDR, 1);
        assertThat(NtySockets.getOption(client, SockOpt.SO_REUSEADDR)).isEqualTo(1);
        NtySockets.setOption(client, SockOpt.SO_REUSEPORT, 1);
        assertThat(NtySockets.getOption(client, SockOpt.SO_REUSEPORT)).isEqualTo(1);
        NtySockets.setOption(client, SockOpt.SO_SNDBUF, 32 * 1024);
        assertThat(NtySockets.getOption(client, SockOpt.SO_SNDBUF)).isEqualTo(64 * 1024); // doubled
        NtySockets.setOption(client, SockOpt.SO_RCVBUF, 32 * 1024);
        assertThat(NtySockets.getOption(client, SockOpt.SO_RCVBUF)).isEqualTo(64 * 1024);
        assertThat(NtySockets.getLinger(client)).isEqualTo(-1);
        NtySockets.setLinger(client, 5);
        assertThat(NtySockets.getLinger(client)).isEqualTo(5);
        NtySockets.setLinger(client, -1);
        assertThat(NtySockets.getLinger(client)).isEqualTo(-1);
        assertThat(NtySockets.getOption(client, SockOpt.SO_ERROR)).isZero();
        assertThatThrownBy(() -> NtySockets.setOption(client, SockOpt.SO_ERROR, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("read only");
    }

    @Test
    void udpRoundTripOutsideCoroutines() throws Exception {
        try (NtyDatagramSocket a = NtyDatagramSocket.bind(Loopback.ipv4AnyPort()).timeoutMillis(5_000);
                NtyDatagramSocket b = NtyDatagramSocket.bind(Loopback.ipv4AnyPort()).timeoutMillis(5_000)) {
            a.send(ByteBuffer.wrap("ping".getBytes()), b.localAddress());
            ByteBuffer buf = ByteBuffer.allocateDirect(64);
            InetSocketAddress from = b.receive(buf);
            assertThat(from).isEqualTo(a.localAddress());
            buf.flip();
            b.send(buf, from);
            ByteBuffer back = ByteBuffer.allocate(64);
            assertThat(a.receive(back)).isEqualTo(b.localAddress());
            assertThat(new String(back.array(), 0, back.position())).isEqualTo("ping");
        }
    }

    @Test
    void idiomaticSocketsCloseOnceAndRefuseUseAfterClose() throws Exception {
        NtyServerSocket listener = NtyServerSocket.bind(Loopback.ipv4AnyPort()).timeoutMillis(5_000);
        NtySocket c = NtySocket.connect(listener.localAddress(), 5_000).timeoutMillis(5_000);
        NtySocket s = listener.accept().timeoutMillis(5_000);
        c.write(ByteBuffer.wrap(new byte[] {1, 2}));
        c.shutdownOutput();
        ByteBuffer buf = ByteBuffer.allocate(8);
        assertThat(s.read(buf)).isEqualTo(2);
        assertThat(s.read(buf)).isEqualTo(-1); // ByteChannel convention at end of stream
        c.close();
        c.close(); // idempotent
        assertThat(c.isOpen()).isFalse();
        assertThatThrownBy(() -> c.write(ByteBuffer.allocate(1)))
                .isInstanceOf(java.nio.channels.ClosedChannelException.class);
        s.close();
        listener.close();
        assertThatThrownBy(listener::accept).isInstanceOf(java.nio.channels.ClosedChannelException.class);
    }

    /** An action that may throw, run on a new thread after a delay. */
    interface Action {
        void run() throws Exception;
    }

    private static Thread delayed(long millis, Action action) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(millis);
                action.run();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        t.start();
        return t;
    }
}
