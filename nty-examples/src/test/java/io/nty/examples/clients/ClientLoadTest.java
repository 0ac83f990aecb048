package io.nty.examples.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.socket.jdk.JdkSocketHook;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@link ClientLoad} itself, without database servers: a loopback echo peer on a plain thread,
 * sessions on coroutines that use {@code java.net} sockets, failures counted per session. Runs
 * in the hooked-clients JVM (the NTY runtime installs the hook).
 */
@Timeout(60)
class ClientLoadTest {

    @Test
    void sessionsRunOnCoroutinesAndFailuresCountPerSession() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread peer = Thread.ofPlatform().daemon().start(() -> echoForever(server));
            ClientLoad load = new ClientLoad(ClientRuntime.NTY, 5, (number, context) -> {
                if (number == 0) {
                    throw new IOException("deliberate failure before connecting");
                }
                try (Socket s = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                    context.connected();
                    for (int i = 0; i < 10; i++) {
                        long start = context.queryStarted();
                        s.getOutputStream().write(i);
                        int echoed = s.getInputStream().read();
                        if (number == 1 && i == 5) {
                            throw new ResultMismatchException("echo", i + 1, echoed); // a failed query
                        }
                        context.queryDone(start);
                    }
                }
            });
            ClientLoadResult result = load.run();
            assertThat(result.errors()).isEqualTo(2);
            assertThat(result.firstError()).contains("session 0").contains("deliberate failure");
            assertThat(result.queries()).isEqualTo(3 * 10 + 5);
            assertThat(result.summaryLine()).startsWith("runtime=nty connections=5 queries=35 qps=")
                    .contains(" p50_us=").contains(" p99_us=").endsWith(" errors=2");
            assertThat(result.sentinelLine()).startsWith("sentinel: ");
            assertThat(JdkSocketHook.isInstalled()).isTrue();
            assertThatThrownBy(load::run).hasMessageContaining("has run already");
            peer.interrupt();
        }
    }

    @Test
    void virtualThreadsAreRefusedOnceTheHookIsInstalled() {
        JdkSocketHook.install();
        assertThatThrownBy(() -> new ClientLoad(ClientRuntime.VIRTUAL, 1, (n, c) -> { }).run())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("JVM of their own");
    }

    private static void echoForever(ServerSocket server) {
        try {
            while (true) {
                Socket s = server.accept(); // a plain thread: the hooked socket blocks (§3.6)
                Thread.ofPlatform().daemon().start(() -> {
                    try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
                        int b;
                        while ((b = in.read()) >= 0) {
                            out.write(b);
                        }
                    } catch (IOException e) {
                        // the client went away
                    }
                });
            }
        } catch (IOException e) {
            // the server socket was closed: the test is over
        }
    }
}
