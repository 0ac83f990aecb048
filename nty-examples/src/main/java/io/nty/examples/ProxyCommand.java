package io.nty.examples;

import io.nty.examples.proxy.ProxyServer;
import io.nty.examples.server.ServerGroup;
import io.nty.socket.ErrnoException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A TCP port forwarder: two pumps per connection, one coroutine per direction. */
@Command(name = "proxy", mixinStandardHelpOptions = true,
        description = {"TCP port forwarder: each connection to --listen is connected to --to and served by two"
                + " coroutines, one per direction, on one scheduler thread.",
            "Prints 'forwarding to HOST:PORT', then 'listening on HOST:PORT' once ready; stops on SIGINT/SIGTERM."})
public final class ProxyCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--listen", required = true, description = "Port to listen on; 0 picks a free one.")
    int listenPort;

    @Option(names = "--to", required = true, description = "Where to forward, HOST:PORT (a name is resolved once, at start).")
    String to;

    @Option(names = "--socket-buffer", defaultValue = "0",
            description = "SO_RCVBUF/SO_SNDBUF of both sockets of each connection in bytes; 0 keeps the kernel's"
                + " (default: ${DEFAULT-VALUE}).")
    int socketBufferBytes;

    @Override
    public Integer call() throws Exception {
        if (socketBufferBytes < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--socket-buffer must be >= 0");
        }
        int colon = to.lastIndexOf(':');
        if (colon <= 0 || colon == to.length() - 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--to must be HOST:PORT, got '" + to + "'");
        }
        int targetPort;
        try {
            targetPort = Integer.parseInt(to.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--to has no numeric port: '" + to + "'");
        }
        String targetHost = to.substring(0, colon).replaceAll("^\\[(.*)]$", "$1"); // [::1]:80
        InetSocketAddress target = Addresses.resolve(spec.commandLine(), targetHost, targetPort);
        InetSocketAddress listen = Addresses.resolve(spec.commandLine(), host, listenPort);
        PrintStream out = System.out;
        ServerGroup proxy;
        try {
            proxy = ProxyServer.start(listen, target, socketBufferBytes);
        } catch (ErrnoException e) {
            System.err.println("proxy: cannot listen on " + Addresses.format(listen) + ": " + e.getMessage());
            return 1;
        }
        proxy.stopOnShutdown(out);
        out.println("forwarding to " + Addresses.format(target));
        out.println("listening on " + Addresses.format(proxy.addresses().get(0)));
        proxy.awaitTermination();
        return 0;
    }
}
