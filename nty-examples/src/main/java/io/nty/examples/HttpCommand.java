package io.nty.examples;

import io.nty.examples.http.HttpServer;
import io.nty.examples.server.ServerGroup;
import io.nty.socket.ErrnoException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The HTTP/1.1 keep-alive hello server, NtyCo's {@code nty_http_server} and {@code nty_server_mulcore}. */
@Command(name = "http", mixinStandardHelpOptions = true,
        description = {"HTTP/1.1 keep-alive hello server: GET / answers 'Hello, World!'.",
            "The body is 13 bytes with Content-Length. One scheduler per thread; with --threads > 1 each"
                + " thread has its own listening socket on the port (SO_REUSEPORT). Malformed requests get"
                + " 400, oversized heads 431, then a close. Prints 'listening on HOST:PORT' once ready;"
                + " stops on SIGINT/SIGTERM."})
public final class HttpCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--threads", defaultValue = "1", description = "Scheduler threads (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--max-request-bytes", defaultValue = "" + HttpServer.DEFAULT_MAX_REQUEST_BYTES,
            description = "Largest request, head and body; also the receive buffer per connection (default: ${DEFAULT-VALUE}).")
    int maxRequestBytes;

    @Option(names = "--idle-timeout-ms", defaultValue = "60000",
            description = "Close a connection silent this long (default: ${DEFAULT-VALUE}).")
    long idleTimeoutMillis;

    @Override
    public Integer call() throws Exception {
        if (threads < 1 || idleTimeoutMillis <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads and --idle-timeout-ms must be > 0");
        }
        PrintStream out = System.out;
        ServerGroup server;
        InetSocketAddress address = Addresses.resolve(spec.commandLine(), host, port);
        try {
            server = HttpServer.start(address, threads, maxRequestBytes, idleTimeoutMillis);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        } catch (ErrnoException e) {
            System.err.println("http: cannot listen on " + Addresses.format(address) + ": " + e.getMessage());
            return 1;
        }
        server.stopOnShutdown(out);
        out.println("listening on " + Addresses.format(server.addresses().get(0))
                + (threads > 1 ? " (" + threads + " threads, SO_REUSEPORT)" : ""));
        server.awaitTermination();
        return 0;
    }
}
