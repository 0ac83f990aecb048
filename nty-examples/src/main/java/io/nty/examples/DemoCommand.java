package io.nty.examples;

import io.nty.examples.echo.EchoLoadClient;
import io.nty.examples.echo.EchoServer;
import io.nty.examples.echo.LatencyHistogram;
import io.nty.examples.echo.LoadResult;
import io.nty.examples.server.ServerGroup;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The README's first program: an echo server and a load client, both on coroutines, in one
 * process for a few seconds; progress each second, then connections, requests/s and latency
 * percentiles. Each side has its own scheduler thread (§5.1); they talk over loopback.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Echo server and load client on coroutines in one process, for a few seconds.",
            "Both run over loopback, each on its own scheduler thread; prints progress each second, then"
                + " connections, requests/s and latency percentiles. For a tour of the scheduler alone,"
                + " run the 'tour' command."})
public final class DemoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--connections", defaultValue = "100", description = "Client connections (default: ${DEFAULT-VALUE}).")
    int connections;

    @Option(names = "--seconds", defaultValue = "3", description = "How long the client sends (default: ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--size", defaultValue = "64", description = "Bytes per message (default: ${DEFAULT-VALUE}).")
    int size;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        EchoLoadClient.Options options;
        InetSocketAddress loopback = new InetSocketAddress(InetAddress.getLoopbackAddress(), 0);
        out.println("nty demo: an echo server and a load client on coroutines, in one process");
        try (ServerGroup server = EchoServer.start(loopback, 1, 60_000)) {
            InetSocketAddress target = server.addresses().get(0);
            try {
                options = new EchoLoadClient.Options(target, connections, Duration.ofNanos((long) (seconds * 1e9)),
                        size, 1000, Duration.ofSeconds(10));
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            out.println("  server: listening on " + Addresses.format(target) + ", one scheduler thread,"
                    + " one coroutine per connection");
            out.printf(Locale.ROOT, "  client: %d connections, %d-byte messages, %.1f s, one scheduler thread%n",
                    connections, size, seconds);
            LoadResult result = new EchoLoadClient(options, out).run();
            report(out, result);
            return result.errors() == 0 ? 0 : 1;
        }
    }

    private static void report(PrintStream out, LoadResult result) {
        LatencyHistogram l = result.latency();
        out.printf(Locale.ROOT, "  latency: p50=%d us p90=%d us p99=%d us p99.9=%d us max=%d us%n",
                l.percentileMicros(50), l.percentileMicros(90), l.percentileMicros(99),
                l.percentileMicros(99.9), l.maxMicros());
        if (result.firstError() != null) {
            out.println("  first error: " + result.firstError());
        }
        out.println("connections=" + result.connections() + " " + result.summaryLine());
    }
}
