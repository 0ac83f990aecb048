package io.nty.examples.echo;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.examples.server.ServerGroup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The echo server and the load client against each other over loopback, briefly. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class EchoLoadTest {

    private static final InetSocketAddress ANY_LOOPBACK_PORT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);

    @Test
    void clientRunsWithoutErrorsAndReportsItsFigures() throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        LoadResult result;
        try (ServerGroup server = EchoServer.start(ANY_LOOPBACK_PORT, 1, 5_000)) {
            EchoLoadClient.Options options = new EchoLoadClient.Options(server.addresses().get(0), 50,
                    Duration.ofMillis(1_200), 100, 1000, Duration.ofSeconds(5));
            result = new EchoLoadClient(options, new PrintStream(progress, true, StandardCharsets.UTF_8)).run();
            assertThat(server.accepted()).isEqualTo(50);
        }
        assertThat(result.errors()).as("first error: %s", result.firstError()).isZero();
        assertThat(result.connections()).isEqualTo(50);
        assertThat(result.requests()).isPositive().isEqualTo(result.latency().count());
        assertThat(result.summaryLine()).matches("requests=\\d+ rps=\\d+ p50_us=\\d+ p99_us=\\d+ errors=0");
        assertThat(progress.toString(StandardCharsets.UTF_8)).contains("connections=50");
    }

    @Test
    void connectionsSpreadOverSourceAddressesAndSeveralPortsWork() throws Exception {
        LoadResult first;
        LoadResult second;
        try (ServerGroup server = EchoServer.start(ANY_LOOPBACK_PORT, 2, 5_000)) {
            assertThat(server.addresses()).hasSize(2);
            assertThat(server.addresses().get(1).getPort()).isEqualTo(server.addresses().get(0).getPort() + 1);
            EchoLoadClient spread = new EchoLoadClient(new EchoLoadClient.Options(server.addresses().get(0), 30,
                    Duration.ofMillis(300), 16, 10, Duration.ofSeconds(5)), null);
            assertThat(spread.spreadsSourceAddresses()).isTrue();
            first = spread.run();
            second = new EchoLoadClient(new EchoLoadClient.Options(server.addresses().get(1), 5,
                    Duration.ofMillis(300), 16, 10, Duration.ofSeconds(5)), null).run();
        }
        assertThat(first.errors()).as("first error: %s", first.firstError()).isZero();
        assertThat(first.connections()).isEqualTo(30);
        assertThat(second.errors()).as("first error: %s", second.firstError()).isZero();
        assertThat(second.requests()).isPositive();
    }

    @Test
    void aRefusedConnectionIsCountedAsAnErrorNamingTheErrno() throws Exception {
        InetSocketAddress closedPort;
        try (ServerGroup server = EchoServer.start(ANY_LOOPBACK_PORT, 1, 5_000)) {
            closedPort = server.addresses().get(0);
        }
        LoadResult result = new EchoLoadClient(new EchoLoadClient.Options(closedPort, 3,
                Duration.ofMillis(100), 16, 1000, Duration.ofSeconds(2)), null).run();
        assertThat(result.errors()).isEqualTo(3);
        assertThat(result.connections()).isZero();
        assertThat(result.firstError()).contains("ECONNREFUSED");
    }
}
