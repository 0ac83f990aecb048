package io.nty.examples;

import io.nty.examples.clients.ClientRuntime;
import io.nty.examples.clients.PgSession;
import io.nty.examples.clients.PgTarget;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** NtyCo's database client sample with PostgreSQL's own JDBC driver, unmodified. */
@Command(name = "pg", mixinStandardHelpOptions = true,
        description = {"PostgreSQL JDBC driver (unmodified) on coroutines: NtyCo's database client sample.",
            "--connections sessions at once, each with its own JDBC connection, each running --queries"
                + " round trips of SELECT ?::bigint * 2, md5(?) and checking every answer. With --runtime nty"
                + " they are coroutines on one scheduler thread and java.net's sockets are hooked, so a waiting"
                + " query suspends only its coroutine; a sentinel coroutine ticking every 1 ms shows it.",
            "The server needs max_connections above --connections. Last line: runtime=... connections=..."
                + " queries=... qps=... p50_us=... p99_us=... errors=...; exit status 1 if errors > 0."})
public final class PgCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @CommandLine.Mixin
    ClientOptions client = new ClientOptions();

    @Option(names = "--port", defaultValue = "5432", description = "Server port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--database", defaultValue = "postgres", description = "Database (default: ${DEFAULT-VALUE}).")
    String database;

    @Option(names = "--user", defaultValue = "postgres", description = "Role (default: ${DEFAULT-VALUE}).")
    String user;

    @Option(names = "--password", description = "Password (default: none, for trust authentication).")
    String password;

    @Override
    public Integer call() throws Exception {
        ClientRuntime where = client.runtime;
        client.validate(spec.commandLine());
        PgSession session;
        PgTarget target;
        try {
            target = new PgTarget(client.host, port, database, user, password);
            session = new PgSession(target, client.queries);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintStream out = System.out;
        out.printf("pg: %d connections to %s, %d queries each, on %s%n", client.connections, target.jdbcUrl(), client.queries,
                ClientRuns.describe(where));
        return ClientRuns.runAndReport(where, client.connections, session, out);
    }
}
