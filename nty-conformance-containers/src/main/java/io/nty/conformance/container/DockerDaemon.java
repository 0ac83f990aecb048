package io.nty.conformance.container;

import com.github.dockerjava.api.DockerClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.DockerClientFactory;

/**
 * The one way this package reaches Docker: Testcontainers' client, after agreeing on an API
 * version with the daemon.
 *
 * <p>Why the agreement: Testcontainers 2.0's docker-java asks for Docker API 1.44 and does not
 * negotiate, so a Docker 20.10–24 daemon (API 1.41–1.43, e.g. Debian 12's {@code docker.io})
 * answers every request with "client version 1.44 is too new" and Testcontainers reports no
 * Docker at all. Like the {@code docker} CLI, this class asks the daemon's {@code /version}
 * (over the Unix socket, which needs no version) and, when the daemon's API is older, pins
 * docker-java to it through the {@code api.version} system property — before Testcontainers'
 * first use, because Testcontainers caches its first verdict. A user-set {@code api.version} is
 * left alone.
 */
final class DockerDaemon {

    /** The API version docker-java 3.7 (Testcontainers 2.0) requests unless told otherwise. */
    static final String CLIENT_DEFAULT_API = "1.44";

    private static final Pattern API_VERSION = Pattern.compile("\"ApiVersion\"\\s*:\\s*\"(\\d+)\\.(\\d+)\"");

    private static boolean negotiated;
    private static Boolean available;

    private DockerDaemon() {
    }

    /**
     * @return whether Testcontainers can talk to a Docker daemon (after API negotiation); asked
     *         once per JVM, because a missing daemon makes each probe slow
     */
    static synchronized boolean available() {
        if (available == null) {
            negotiate();
            available = DockerClientFactory.instance().isDockerAvailable();
        }
        return available;
    }

    /**
     * @return Testcontainers' Docker client (after API negotiation)
     * @throws IllegalStateException if no daemon is reachable
     */
    static DockerClient client() {
        negotiate();
        return DockerClientFactory.instance().client();
    }

    /** Pins {@code api.version} once per JVM when the local daemon speaks an older API. */
    static synchronized void negotiate() {
        if (negotiated) {
            return;
        }
        negotiated = true;
        if (System.getProperty("api.version") != null) {
            return;
        }
        localSocket().flatMap(DockerDaemon::serverApiVersion)
                .filter(v -> compare(v, CLIENT_DEFAULT_API) < 0)
                .ifPresent(v -> System.setProperty("api.version", v));
    }

    /** @return the daemon's Unix socket when DOCKER_HOST is unset or a unix:// address */
    private static Optional<Path> localSocket() {
        String host = System.getenv("DOCKER_HOST");
        Path socket = host == null || host.isBlank() ? Path.of("/var/run/docker.sock")
                : host.startsWith("unix://") ? Path.of(host.substring("unix://".length())) : null;
        return socket != null && Files.exists(socket) ? Optional.of(socket) : Optional.empty();
    }

    /**
     * @return the daemon's newest API version from {@code GET /version}, or empty if it does not
     *         answer within 5 s (then Testcontainers' own probe reports the problem)
     */
    static Optional<String> serverApiVersion(Path socket) {
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(() -> get(socket, "/version"));
        try {
            Matcher m = API_VERSION.matcher(answer.get(5, TimeUnit.SECONDS));
            return m.find() ? Optional.of(m.group(1) + "." + m.group(2)) : Optional.empty();
        } catch (ExecutionException | TimeoutException e) {
            answer.cancel(true);
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** HTTP/1.0 so the daemon closes the connection after the body: read to end of stream. */
    private static String get(Path socket, String path) {
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket))) {
            channel.write(ByteBuffer.wrap(("GET " + path + " HTTP/1.0\r\nHost: docker\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII)));
            ByteArrayOutputStream response = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(8192);
            while (channel.read(buffer) > 0) {
                response.write(buffer.array(), 0, buffer.position());
                buffer.clear();
            }
            return response.toString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot ask " + socket + " for " + path, e);
        }
    }

    /** Compares {@code major.minor} versions numerically. */
    static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        int major = Integer.compare(Integer.parseInt(x[0]), Integer.parseInt(y[0]));
        return major != 0 ? major : Integer.compare(Integer.parseInt(x[1]), Integer.parseInt(y[1]));
    }
}
