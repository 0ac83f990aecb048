package io.nty.examples.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A well-behaved client on its own thread: keep-alive {@code GET /} requests, a fresh connection
 * every {@value #REQUESTS_PER_CONNECTION} requests, each answer checked byte for byte. Runs
 * until {@link #close()}, so a test can show the server answers valid traffic throughout a fault.
 */
final class ValidTraffic implements AutoCloseable {

    static final String GET = "GET / HTTP/1.1\r\nHost: test\r\n\r\n";
    static final String HELLO_RESPONSE =
            "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 13\r\n\r\nHello, World!";
    private static final int REQUESTS_PER_CONNECTION = 20;

    private final InetSocketAddress address;
    private final Thread thread;
    private final AtomicInteger answered = new AtomicInteger();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean stopping;

    ValidTraffic(InetSocketAddress address) {
        this.address = address;
        this.thread = new Thread(this::loop, "valid-traffic");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return requests answered correctly so far */
    int answered() {
        return answered.get();
    }

    /** @return the first failure, or null */
    Throwable failure() {
        return failure.get();
    }

    private void loop() {
        byte[] request = GET.getBytes(StandardCharsets.US_ASCII);
        byte[] expected = HELLO_RESPONSE.getBytes(StandardCharsets.US_ASCII);
        try {
            while (!stopping) {
                try (Socket s = new Socket(address.getAddress(), address.getPort())) {
                    s.setSoTimeout(5_000);
                    for (int i = 0; i < REQUESTS_PER_CONNECTION && !stopping; i++) {
                        s.getOutputStream().write(request);
                        byte[] got = s.getInputStream().readNBytes(expected.length);
                        if (!Arrays.equals(got, expected)) {
                            throw new AssertionError("valid request answered with: "
                                    + new String(got, StandardCharsets.US_ASCII));
                        }
                        answered.incrementAndGet();
                    }
                }
            }
        } catch (IOException | AssertionError e) {
            failure.compareAndSet(null, e);
        }
    }

    /** Stops the client and waits up to 10 s for it. */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join(10_000);
    }
}
