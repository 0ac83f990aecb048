package io.nty.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.examples.server.ServerGroup;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Clients that hold a connection without letting it make progress. One that sends a request
 * head one byte at a time ("slowloris") must not hold it forever: the idle timeout counts from
 * the last complete request, not from the last byte, so a head that never completes is closed
 * after one timeout however steadily it trickles. One that pipelines requests without reading
 * the answers cannot make the server queue answers without bound: the server stops reading
 * while its send is suspended, the client's writes block once the kernel buffers are full, and
 * the idle timeout closes the connection.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HttpSlowClientTest {

    private static final long IDLE_TIMEOUT_MILLIS = 300;
    private static final long TRICKLE_INTERVAL_MILLIS = 50;
    /** Ten idle timeouts: far longer than the server may take to close. */
    private static final int CLOSE_WAIT_MILLIS = 3_000;
    /** The most a non-reading pipeliner may push before the test calls the server unbounded. */
    private static final long MAX_PIPELINED_BYTES = 64L * 1024 * 1024;

    @Test
    void headTrickledByteByByteIsClosedAfterTheIdleTimeout() throws Exception {
        try (ServerGroup server = HttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1, 1024,
                IDLE_TIMEOUT_MILLIS);
                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.addresses().get(0).getPort())) {
            Thread trickler = new Thread(() -> trickle(s), "slowloris");
            trickler.setDaemon(true);
            trickler.start();
            s.setSoTimeout(CLOSE_WAIT_MILLIS);
            assertThat(closedByServer(s)).as("server closed the trickling connection within %d ms", CLOSE_WAIT_MILLIS)
                    .isTrue();
            trickler.join(5_000);
        }
    }

    @Test
    void keepAliveClientSendingCompleteRequestsStaysOpenPastTheIdleTimeout() throws Exception {
        try (ServerGroup server = HttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1, 1024,
                IDLE_TIMEOUT_MILLIS);
                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.addresses().get(0).getPort())) {
            s.setSoTimeout(5_000);
            byte[] get = ValidTraffic.GET.getBytes(StandardCharsets.US_ASCII);
            int expected = ValidTraffic.HELLO_RESPONSE.length();
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(IDLE_TIMEOUT_MILLIS * 3);
            int answered = 0;
            while (System.nanoTime() - end < 0) {
                s.getOutputStream().write(get);
                assertThat(new String(s.getInputStream().readNBytes(expected), StandardCharsets.US_ASCII))
                        .isEqualTo(ValidTraffic.HELLO_RESPONSE);
                answered++;
                Thread.sleep(TRICKLE_INTERVAL_MILLIS);
            }
            assertThat(answered).isGreaterThan(1);
        }
    }

    @Test
    void pipeliningClientThatNeverReadsIsHeldToKernelBuffersAndClosedAfterTheIdleTimeout() throws Exception {
        long[] written = {0};
        IOException[] ended = new IOException[1];
        try (ServerGroup server = HttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1, 1024,
                IDLE_TIMEOUT_MILLIS);
                Socket s = new Socket(InetAddress.getLoopbackAddress(), server.addresses().get(0).getPort())) {
            // A blocked socket write ignores interrupts and timeouts: write on a thread the test can abandon.
            Thread writer = new Thread(() -> ended[0] = pipelineWithoutReading(s, written), "pipeliner");
            writer.setDaemon(true);
            writer.start();
            writer.join(10_000);
            assertThat(writer.isAlive()).as("the writer still blocked after 10 s: the server never closed").isFalse();
            assertThat(ended[0]).as("how the writes ended").isNotNull();
            assertThat(written[0]).as("bytes the client could push").isLessThan(MAX_PIPELINED_BYTES);
            System.out.printf("non-reading pipeliner: %d bytes written before %s%n", written[0], ended[0]);
        }
    }

    /** Writes pipelined GETs until a write fails (or {@link #MAX_PIPELINED_BYTES}); @return the failure, or null. */
    private static IOException pipelineWithoutReading(Socket s, long[] written) {
        byte[] batch = ValidTraffic.GET.repeat(100).getBytes(StandardCharsets.US_ASCII);
        try {
            OutputStream out = s.getOutputStream();
            while (written[0] < MAX_PIPELINED_BYTES) {
                out.write(batch);
                written[0] += batch.length;
            }
            return null;
        } catch (IOException e) {
            return e; // the server closed (reset) the connection
        }
    }

    /** Sends a never-ending head, one byte per interval, until the server refuses more (at most 10 s). */
    private static void trickle(Socket s) {
        byte[] head = ("GET / HTTP/1.1\r\nX-Slow: " + "a".repeat(500)).getBytes(StandardCharsets.US_ASCII);
        try {
            OutputStream out = s.getOutputStream();
            for (int i = 0; i < head.length && i < 10_000 / TRICKLE_INTERVAL_MILLIS; i++) {
                out.write(head[i]);
                out.flush();
                Thread.sleep(TRICKLE_INTERVAL_MILLIS);
            }
        } catch (IOException | InterruptedException e) {
            // The server closed the connection: what the test waits for.
        }
    }

    /** @return true at end of stream or reset, false if the connection stayed open for the read timeout */
    private static boolean closedByServer(Socket s) throws IOException {
        try {
            return s.getInputStream().read() == -1;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            return true; // reset: the server closed while the trickle kept sending
        }
    }
}
