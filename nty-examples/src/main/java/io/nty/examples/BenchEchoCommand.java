package io.nty.examples;

import io.nty.examples.echo.EchoLoadClient;
import io.nty.examples.echo.LoadResult;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** NtyCo's {@code nty_bench}-style load client for the echo server. */
@Command(name = "bench-echo", mixinStandardHelpOptions = true,
        description = {"Load client on coroutines for an echo server (NtyCo's nty_bench).",
            "--connections coroutines on one scheduler, each sending --size bytes and waiting for the"
                + " echo, for --seconds. Above --per-source connections it spreads over source addresses"
                + " 127.0.0.1, .2, ... Last line: requests=... rps=... p50_us=... p99_us=... errors=...;"
                + " exit status 1 if errors > 0."})
public final class BenchEchoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Server address (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", required = true, description = "Server port.")
    int port;

    @Option(names = "--connections", defaultValue = "100", description = "Concurrent connections (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--seconds", defaultValue = "10", description = "How long to send (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--size", defaultValue = "64", description = "Bytes per message (default: ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--per-source", defaultValue = "1000",
            description = "Connections per source address before spreading over 127.0.0.x (default: ${DEFAULT-VALUE}).")
    int perSource;

    @Option(names = "--io-timeout-ms", defaultValue = "10000",
            description = "Longest wait of one connect, send or receive (default: ${DEFAULT-VALUE}).")
    long ioTimeoutMillis;

    @Override
    public Integer call() {
        EchoLoadClient.Options options;
        try {
            options = new EchoLoadClient.Options(Addresses.resolve(spec.commandLine(), host, port), connections,
                    Duration.ofNanos((long) (seconds * 1e9)), size, perSource, Duration.ofMillis(ioTimeoutMillis));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintStream out = System.out;
        EchoLoadClient client = new EchoLoadClient(options, out);
        out.printf("bench-echo: %d connections to %s:%d%s, %d-byte messages, %s s%n", connections, host, port,
                client.spreadsSourceAddresses() ? " from 127.0.0.1.." : "", size, seconds);
        LoadResult result = client.run();
        if (result.firstError() != null) {
            System.err.println("first error: " + result.firstError());
        }
        if (result.allConnectedNanos() >= 0) {
            out.printf(Locale.ROOT, "all %d connected after %.1f s; rps with all open: %.0f%n",
                    result.connections(), result.allConnectedNanos() / 1e9, result.steadyRequestsPerSecond());
        }
        out.println(result.summaryLine());
        return result.errors() == 0 ? 0 : 1;
    }
}
