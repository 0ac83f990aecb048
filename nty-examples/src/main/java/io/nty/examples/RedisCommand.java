package io.nty.examples;

import io.nty.examples.clients.ClientRuntime;
import io.nty.examples.clients.RedisSession;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** NtyCo's Redis client sample with the Jedis client, unmodified. */
@Command(name = "redis", mixinStandardHelpOptions = true,
        description = {"Jedis (unmodified) on coroutines: NtyCo's Redis client sample.",
            "--connections sessions at once, each with its own Jedis connection, each running --queries"
                + " round trips of INCRBY on a key of its own and checking every reply against the running sum."
                + " With --runtime nty they are coroutines on one scheduler thread and java.net's sockets are"
                + " hooked; a sentinel coroutine ticking every 1 ms shows that no command blocked the thread.",
            "Last line: runtime=... connections=... queries=... qps=... p50_us=... p99_us=... errors=...;"
                + " exit status 1 if errors > 0."})
public final class RedisCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ClientOptions client = new ClientOptions();

    @Option(names = "--port", defaultValue = "6379", description = "Server port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--timeout-ms", defaultValue = "10000", description = "Jedis connect and read timeout (default: ${DEFAULT-VALUE}).")
    int timeoutMillis;

    @Override
    public Integer call() throws Exception {
        ClientRuntime where = client.runtime;
        client.validate(spec.commandLine());
        RedisSession session;
        try {
            if (port <= 0 || port > 65_535) {
                throw new IllegalArgumentException("--port must be 1..65535: " + port);
            }
            session = new RedisSession(client.host, port, timeoutMillis, client.queries, "nty-examples:" + ProcessHandle.current().pid()
                    + ":" + System.nanoTime());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintStream out = System.out;
        out.printf("redis: %d connections to %s:%d, %d commands each, on %s%n", client.connections, client.host, port, client.queries,
                ClientRuns.describe(where));
        return ClientRuns.runAndReport(where, client.connections, session, out);
    }
}
