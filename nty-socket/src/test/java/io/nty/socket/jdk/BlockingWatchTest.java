package io.nty.socket.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link BlockingWatch} names what blocks a scheduler thread. The blocking calls last several
 * times the threshold, and the assertions wait for the report rather than time it.
 */
@Timeout(60)
class BlockingWatchTest {

    private static final Duration THRESHOLD = Duration.ofMillis(100);
    private static final long BLOCK_MILLIS = 1_000;

    @Test
    void threadSleepInACoroutineIsReportedByName() {
        List<String> reports = new CopyOnWriteArrayList<>();
        OneThread.run(s -> {
            BlockingWatch watch = BlockingWatch.start(s, THRESHOLD, reports::add);
            s.create(unused -> {
                try {
                    Thread.sleep(BLOCK_MILLIS); // not hooked: blocks the scheduler thread
                } finally {
                    watch.close();
                }
            }, null);
        });
        // anySatisfy, not one report: a loaded machine may deschedule the thread past the threshold too.
        assertThat(reports).anySatisfy(r -> assertThat(r).contains("Thread.sleep").contains("Coroutines.sleep")
                .contains("has not returned to its scheduler"));
    }

    @Test
    void aBlockingNioChannelReadIsReportedAsNio() throws Exception {
        List<String> reports = new CopyOnWriteArrayList<>();
        JdkSocketHook.install();
        try (java.nio.channels.ServerSocketChannel server = java.nio.channels.ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            Thread writer = Thread.ofPlatform().start(() -> {
                try (SocketChannel peer = server.accept()) {
                    Thread.sleep(BLOCK_MILLIS);
                    peer.write(ByteBuffer.wrap(new byte[] {1}));
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            OneThread.run(s -> {
                BlockingWatch watch = BlockingWatch.start(s, THRESHOLD, reports::add);
                s.create(unused -> {
                    try (SocketChannel c = SocketChannel.open(server.getLocalAddress())) {
                        c.read(ByteBuffer.allocate(1)); // NIO is not hooked: blocks the scheduler thread
                    } finally {
                        watch.close();
                    }
                }, null);
            });
            writer.join();
        }
        assertThat(reports).anySatisfy(r -> assertThat(r).contains("NIO channel").contains("not hooked"));
    }

    @Test
    void hookedSocketsThatWaitAreNeverReported() throws Exception {
        JdkSocketHook.install();
        List<String> reports = new CopyOnWriteArrayList<>();
        // A threshold well above what descheduling on a loaded machine costs, a wait well above it.
        Duration threshold = Duration.ofSeconds(1);
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            OneThread.run(s -> {
                BlockingWatch watch = BlockingWatch.start(s, threshold, reports::add);
                s.create(unused -> {
                    try (Socket peer = server.accept()) {
                        s.sleep(3 * threshold.toMillis()); // the client's read waits this long, suspended
                        peer.getOutputStream().write(1);
                    }
                }, null);
                s.create(unused -> {
                    try (Socket c = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                        assertThat(c.getInputStream().read()).isEqualTo(1);
                    } finally {
                        watch.close();
                    }
                }, null);
            });
        }
        assertThat(reports).isEmpty();
    }

    @Test
    void diagnosisPrefersTheMostSpecificFrame() {
        StackTraceElement[] jdkSocketRead = {
            new StackTraceElement("sun.nio.ch.Net", "poll", null, -2),
            new StackTraceElement("sun.nio.ch.NioSocketImpl", "park", null, 1),
            new StackTraceElement("java.net.Socket$SocketInputStream", "read", null, 1),
        };
        assertThat(BlockingWatch.diagnose(Thread.State.RUNNABLE, jdkSocketRead))
                .startsWith("a java.net socket with the JDK's own implementation");
        StackTraceElement[] lookup = {
            new StackTraceElement("java.net.Inet6AddressImpl", "lookupAllHostAddr", null, -2),
            new StackTraceElement("java.net.InetAddress$PlatformResolver", "lookupByName", null, 1),
            new StackTraceElement("java.net.InetAddress", "getAllByName", null, 1),
        };
        assertThat(BlockingWatch.diagnose(Thread.State.RUNNABLE, lookup)).startsWith("host-name resolution");
        StackTraceElement[] literal = { // parsing "127.0.0.1" is CPU work, not a lookup
            new StackTraceElement("java.net.InetAddress", "getAllByName", null, 1553),
            new StackTraceElement("redis.clients.jedis.DefaultJedisSocketFactory", "connectToFirstSuccessfulHost", null, 63),
        };
        assertThat(BlockingWatch.diagnose(Thread.State.RUNNABLE, literal)).startsWith("no known blocking call");
        assertThat(BlockingWatch.diagnose(Thread.State.BLOCKED, new StackTraceElement[0])).contains("monitor");
        assertThat(BlockingWatch.diagnose(Thread.State.RUNNABLE, new StackTraceElement[] {
            new StackTraceElement("com.example.Busy", "spin", null, 1)})).contains("CPU work that does not yield");
        assertThatThrownBy(() -> BlockingWatch.start(null, THRESHOLD, r -> { }))
                .isInstanceOf(NullPointerException.class);
    }
}
