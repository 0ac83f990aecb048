package io.nty.examples.clients;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import org.junit.jupiter.api.Assumptions;

/**
 * The real servers the client tests talk to, as {@code .ci/run} (through {@code .ci/services.sh})
 * started them and exported their coordinates. Without them a test is skipped with the reason,
 * outside CI only; in CI ({@code CI=true}) it fails.
 */
final class Servers {

    private Servers() {
    }

    /** @return the PostgreSQL server of {@code NTY_PG_*} */
    static PgTarget postgres() {
        String port = require("NTY_PG_PORT", "PostgreSQL");
        String host = env("NTY_PG_HOST", "127.0.0.1");
        requireAnswers("PostgreSQL", host, Integer.parseInt(port));
        return new PgTarget(host, Integer.parseInt(port), env("NTY_PG_DATABASE", "postgres"),
                env("NTY_PG_USER", "postgres"), System.getenv("NTY_PG_PASSWORD"));
    }

    /** @return {@code host:port} of the Redis server of {@code NTY_REDIS_*} */
    static InetSocketAddress redis() {
        String port = require("NTY_REDIS_PORT", "Redis");
        String host = env("NTY_REDIS_HOST", "127.0.0.1");
        requireAnswers("Redis", host, Integer.parseInt(port));
        return InetSocketAddress.createUnresolved(host, Integer.parseInt(port));
    }

    private static String require(String variable, String server) {
        String value = System.getenv(variable);
        if (value != null && !value.isBlank()) {
            return value;
        }
        String reason = "no " + server + " server: " + variable + " is not set; .ci/run starts one"
                + " (by hand: source .ci/services.sh && services_start, then run the tests in that shell)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true, so this test must not be skipped: " + reason);
        }
        // Surefire's console shows the skip count, not its reason: print the reason too.
        System.err.println("[skipped] " + reason);
        Assumptions.abort(reason);
        throw new AssertionError("unreachable");
    }

    /** A server that was announced but does not answer is a failure everywhere, never a skip. */
    private static void requireAnswers(String server, String host, int port) {
        // A plain probe before any hook is installed matters not: outside coroutines both block.
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress(host, port), 5_000);
        } catch (IOException e) {
            fail(server + " at " + host + ":" + port + " does not accept connections: " + e);
        }
    }

    private static String env(String variable, String otherwise) {
        String value = System.getenv(variable);
        return value == null || value.isBlank() ? otherwise : value;
    }
}
