package io.nty.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.examples.server.ServerGroup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The hello server over loopback, driven by plain blocking JDK sockets. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class HttpServerTest {

    private static final String GET = "GET / HTTP/1.1\r\nHost: test\r\n\r\n";
    private static final String HELLO_RESPONSE =
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\nHello, World!";

    private ServerGroup server;
    private InetSocketAddress address;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1, 1024, 5_000);
        address = server.addresses().get(0);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private Socket connect() throws IOException {
        Socket s = new Socket(address.getAddress(), address.getPort());
        s.setSoTimeout(5_000);
        return s;
    }

    /** Reads exactly {@code n} bytes, or what came before the end of stream. */
    private static String read(InputStream in, int n) throws IOException {
        return new String(in.readNBytes(n), StandardCharsets.US_ASCII);
    }

    private static String readToEnd(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        in.transferTo(b);
        return b.toString(StandardCharsets.US_ASCII);
    }

    private void assertServesHello() throws IOException {
        try (Socket s = connect()) {
            s.getOutputStream().write(GET.getBytes(StandardCharsets.US_ASCII));
            assertThat(read(s.getInputStream(), HELLO_RESPONSE.length())).isEqualTo(HELLO_RESPONSE);
        }
    }

    @Test
    void keepAliveConnectionAnswersSeveralRequestsInTurn() throws IOException {
        try (Socket s = connect()) {
            for (int i = 0; i < 5; i++) {
                s.getOutputStream().write(GET.getBytes(StandardCharsets.US_ASCII));
                assertThat(read(s.getInputStream(), HELLO_RESPONSE.length())).as("response %d", i)
                        .isEqualTo(HELLO_RESPONSE);
            }
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderAndCloseIsHonoured() throws IOException {
        try (Socket s = connect()) {
            s.getOutputStream().write((GET + "GET /missing HTTP/1.1\r\n\r\n"
                    + "GET / HTTP/1.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String all = readToEnd(s.getInputStream());
            assertThat(all).startsWith(HELLO_RESPONSE + "HTTP/1.1 404 Not Found\r\n")
                    .endsWith("Connection: close\r\n\r\nHello, World!");
        }
    }

    @Test
    void malformedRequestGets400AndACloseAndTheServerKeepsServing() throws IOException {
        try (Socket s = connect()) {
            s.getOutputStream().write("NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(readToEnd(s.getInputStream())).startsWith("HTTP/1.1 400 Bad Request\r\n")
                    .contains("Connection: close\r\n");
        }
        assertServesHello();
    }

    @Test
    void oversizedHeadGets431AndACloseAndTheServerKeepsServing() throws IOException {
        try (Socket s = connect()) {
            s.getOutputStream().write(("GET / HTTP/1.1\r\nX-Big: " + "b".repeat(4000) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(readToEnd(s.getInputStream())).startsWith("HTTP/1.1 431 Request Header Fields Too Large\r\n");
        }
        assertServesHello();
    }

    @Test
    void truncatedRequestIsAnsweredOnceItsRestArrives() throws Exception {
        try (Socket s = connect()) {
            s.getOutputStream().write("GET / HT".getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            Thread.sleep(50); // let the server see the first part alone
            s.getOutputStream().write("TP/1.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(read(s.getInputStream(), HELLO_RESPONSE.length())).isEqualTo(HELLO_RESPONSE);
        }
    }

    @Test
    void idleConnectionIsClosedAfterTheTimeout() throws Exception {
        server.close();
        server = HttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1, 1024, 200);
        address = server.addresses().get(0);
        try (Socket s = connect()) {
            long start = System.nanoTime();
            assertThat(s.getInputStream().read()).as("end of stream").isEqualTo(-1);
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isGreaterThanOrEqualTo(150);
        }
    }

    @Test
    void severalThreadsShareThePortWithReusePort() throws Exception {
        server.close();
        server = HttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 2, 1024, 5_000);
        address = server.addresses().get(0);
        for (int i = 0; i < 8; i++) {
            assertServesHello();
        }
        assertThat(server.accepted()).isEqualTo(8);
    }
}
