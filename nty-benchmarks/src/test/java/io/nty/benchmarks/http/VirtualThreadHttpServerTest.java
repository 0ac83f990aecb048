package io.nty.benchmarks.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.benchmarks.http.VirtualThreadHttpServer.IdleClose;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The virtual-thread peer serves keep-alive requests and closes idle connections, with its
 * reaper (the benchmark's peer) and with the labelled SO_TIMEOUT variant; a connection that
 * keeps sending requests is not closed as idle. Real sockets on loopback, ephemeral ports.
 */
class VirtualThreadHttpServerTest {

    private static final String GET = "GET / HTTP/1.1\r\nHost: x\r\n\r\n";
    /** Long enough for loopback requests to arrive well inside it, short enough for a fast test. */
    private static final long IDLE_MILLIS = 300;

    @ParameterizedTest
    @EnumSource(IdleClose.class)
    void answersKeepAliveRequestsAndClosesAConnectionLeftIdle(IdleClose idleClose) throws IOException {
        try (VirtualThreadHttpServer server = start(idleClose);
             Socket client = connect(server)) {
            for (int i = 0; i < 3; i++) {
                client.getOutputStream().write(GET.getBytes(StandardCharsets.US_ASCII));
                assertThat(readResponse(client.getInputStream())).startsWith("HTTP/1.1 200").endsWith("Hello, World!");
            }
            client.setSoTimeout(20_000); // a bound for the test, far above the idle timeout
            assertThat(client.getInputStream().read()).as("the server closed the idle connection").isEqualTo(-1);
        }
    }

    @Test
    void theReaperLeavesAConnectionThatKeepsSendingRequestsOpen() throws Exception {
        long idleMillis = 1000; // a request every 50 ms: far inside it, even on a loaded machine
        try (VirtualThreadHttpServer server = VirtualThreadHttpServer.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), IdleClose.REAPER, idleMillis);
             Socket client = connect(server)) {
            long end = System.nanoTime() + 5 * idleMillis * 1_000_000L / 2;
            int answered = 0;
            while (System.nanoTime() < end) {
                client.getOutputStream().write(GET.getBytes(StandardCharsets.US_ASCII));
                assertThat(readResponse(client.getInputStream())).endsWith("Hello, World!");
                answered++;
                Thread.sleep(50);
            }
            assertThat(answered).isGreaterThan(10);
            assertThat(server.openConnections()).isEqualTo(1);
        }
    }

    @Test
    void closeEndsOpenConnections() throws IOException {
        VirtualThreadHttpServer server = VirtualThreadHttpServer.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), IdleClose.REAPER, 600_000);
        try (Socket client = connect(server)) {
            client.getOutputStream().write(GET.getBytes(StandardCharsets.US_ASCII));
            assertThat(readResponse(client.getInputStream())).endsWith("Hello, World!");
            server.close();
            client.setSoTimeout(20_000);
            assertThat(client.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aNonPositiveIdleTimeoutIsRefused() {
        assertThatThrownBy(() -> VirtualThreadHttpServer.start(new InetSocketAddress(0), IdleClose.REAPER, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("idle timeout");
    }

    private static VirtualThreadHttpServer start(IdleClose idleClose) throws IOException {
        return VirtualThreadHttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), idleClose, IDLE_MILLIS);
    }

    private static Socket connect(VirtualThreadHttpServer server) throws IOException {
        Socket s = new Socket(server.address().getAddress(), server.address().getPort());
        s.setSoTimeout(10_000);
        return s;
    }

    /** Reads one response with a Content-Length body. */
    private static String readResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.US_ASCII).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed inside a response head: " + head);
            }
            head.write(b);
        }
        String h = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : h.split("\r\n")) {
            if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        return h + new String(in.readNBytes(length), StandardCharsets.US_ASCII);
    }
}
