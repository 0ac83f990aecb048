package io.nty.examples;

import io.nty.examples.echo.EchoServer;
import io.nty.examples.server.ServerGroup;
import io.nty.socket.ErrnoException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** NtyCo's {@code nty_server}: an echo server on consecutive ports, one coroutine per connection. */
@Command(name = "echo", mixinStandardHelpOptions = true,
        description = {"Echo server on consecutive ports, one coroutine per connection (NtyCo's nty_server).",
            "Listens on --ports consecutive ports from --port, all on one scheduler thread. Prints"
                + " 'listening on HOST:PORT' per port once ready; stops on SIGINT/SIGTERM."})
public final class EchoCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "9096", description = "First port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--ports", defaultValue = "1", description = "Consecutive ports to listen on (default: ${DEFAULT-VALUE}).")
    int ports;

    @Option(names = "--idle-timeout-ms", defaultValue = "60000",
            description = "Close a connection silent this long (default: ${DEFAULT-VALUE}).")
    long idleTimeoutMillis;

    @Override
    public Integer call() throws Exception {
        if (ports < 1 || idleTimeoutMillis <= 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--ports and --idle-timeout-ms must be > 0");
        }
        InetSocketAddress first = Addresses.resolve(spec.commandLine(), host, port);
        PrintStream out = System.out;
        ServerGroup server;
        try {
            server = EchoServer.start(first, ports, idleTimeoutMillis);
        } catch (ErrnoException e) {
            System.err.println("echo: cannot listen on " + Addresses.format(first)
                    + (ports > 1 ? " (+" + (ports - 1) + " ports)" : "") + ": " + e.getMessage());
            return 1;
        }
        server.stopOnShutdown(out);
        for (InetSocketAddress a : server.addresses()) {
            out.println("listening on " + Addresses.format(a));
        }
        server.awaitTermination();
        return 0;
    }
}
