package io.nty.conformance.container;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Asking a daemon for its API version, against a fake daemon on a Unix socket. */
class DockerDaemonTest {

    @Test
    void readsTheApiVersionFromTheVersionEndpoint(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("docker.sock");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            Thread daemon = Thread.ofVirtual().start(() -> answerOnce(server,
                    "{\"Version\":\"20.10.24\",\"ApiVersion\":\"1.41\",\"MinAPIVersion\":\"1.12\"}"));

            assertThat(DockerDaemon.serverApiVersion(socket)).contains("1.41");
            daemon.join();
        }
    }

    @Test
    void aSilentOrMissingSocketGivesNoVersion(@TempDir Path dir) {
        assertThat(DockerDaemon.serverApiVersion(dir.resolve("absent.sock"))).isEmpty();
    }

    @Test
    void versionsCompareNumericallyNotAsText() {
        assertThat(DockerDaemon.compare("1.41", "1.44")).isNegative();
        assertThat(DockerDaemon.compare("1.100", "1.44")).isPositive();
        assertThat(DockerDaemon.compare("1.44", "1.44")).isZero();
    }

    private static void answerOnce(ServerSocketChannel server, String body) {
        try (SocketChannel client = server.accept()) {
            client.read(ByteBuffer.allocate(4096)); // the request; its content is not checked here
            String response = "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" + body;
            client.write(ByteBuffer.wrap(response.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
