package io.nty.examples;

import io.nty.examples.chat.ChatServer;
import io.nty.examples.server.ServerGroup;
import io.nty.socket.ErrnoException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** A line-based chat server: every member's lines go to every other member. */
@Command(name = "chat", mixinStandardHelpOptions = true,
        description = {"Line-based chat server: each line a member sends reaches every other member as 'userN: text'.",
            "Per member a reader and a writer coroutine joined by a bounded channel of --queue lines."
                + " Slow-consumer policy: a member whose queue is full when a line is broadcast to it is"
                + " dropped (queue discarded, connection shut down, the others told). Prints"
                + " 'listening on HOST:PORT' once ready; stops on SIGINT/SIGTERM.",
            "Try it: nc 127.0.0.1 9097 in two terminals."})
public final class ChatCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "9097", description = "Port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--queue", defaultValue = "256",
            description = "Lines queued per member before it counts as too slow and is dropped (default: ${DEFAULT-VALUE}).")
    int queueLines;

    @Override
    public Integer call() throws Exception {
        if (queueLines < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--queue must be >= 1");
        }
        InetSocketAddress address = Addresses.resolve(spec.commandLine(), host, port);
        PrintStream out = System.out;
        ServerGroup server;
        try {
            server = ChatServer.start(address, queueLines);
        } catch (ErrnoException e) {
            System.err.println("chat: cannot listen on " + Addresses.format(address) + ": " + e.getMessage());
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
