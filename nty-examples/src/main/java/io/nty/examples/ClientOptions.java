package io.nty.examples;

import io.nty.examples.clients.ClientRuntime;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options the {@code pg} and {@code redis} commands share (a picocli mixin): the server's host,
 * how many sessions of how many round trips, and what they run on. Each command adds its own
 * port and client settings.
 */
final class ClientOptions {

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Server host: an IP literal, or a name looked up on a resolver offload while only the asking coroutine waits (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--connections", defaultValue = "100", description = "Concurrent sessions, one connection each (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--queries", defaultValue = "50", description = "Round trips (queries or commands) per session (default: ${DEFAULT-VALUE}).")
    int queries;

    @Option(names = "--runtime", defaultValue = "nty", converter = RuntimeConverter.class,
            description = "nty (coroutines on one scheduler thread, java.net hooked) or virtual"
                    + " (virtual threads on the JDK's sockets; one carrier needs -Djdk.virtualThreadScheduler.parallelism=1"
                    + " -Djdk.virtualThreadScheduler.maxPoolSize=1) (default: ${DEFAULT-VALUE}).")
    ClientRuntime runtime;

    /**
     * Checks what picocli's types do not.
     *
     * @param cmd the command whose options these are, named in the error
     * @throws CommandLine.ParameterException if {@code --connections} is not positive
     */
    void validate(CommandLine cmd) {
        if (connections <= 0) {
            throw new CommandLine.ParameterException(cmd, "--connections must be > 0: " + connections);
        }
    }

    /** {@code --runtime}, case-insensitive, with an error that lists the two values. */
    static final class RuntimeConverter implements CommandLine.ITypeConverter<ClientRuntime> {
        @Override
        public ClientRuntime convert(String value) {
            try {
                return ClientRuntime.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException("--runtime must be nty or virtual: " + value);
            }
        }
    }
}
