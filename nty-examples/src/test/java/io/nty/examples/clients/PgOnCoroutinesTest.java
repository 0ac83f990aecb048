package io.nty.examples.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The PostgreSQL JDBC driver, unmodified, on nty coroutines against the real PostgreSQL that
 * {@code .ci/run} starts: 200 coroutines on one scheduler thread, each with its own connection,
 * 50 checked queries each, and a sentinel coroutine that keeps ticking meanwhile.
 */
@Timeout(120)
class PgOnCoroutinesTest {

    private static final int SESSIONS = 200;
    private static final int QUERIES = 50;

    @Test
    void rule4_4_twoHundredJdbcConnectionsOnOneSchedulerThreadNeverBlockIt() throws Exception {
        PgTarget target = Servers.postgres();
        assertThat(maxConnections(target)).as("the server's max_connections").isGreaterThan(SESSIONS);
        Thread testThread = Thread.currentThread();
        Set<Thread> sessionThreads = ConcurrentHashMap.newKeySet();
        PgSession pg = new PgSession(target, QUERIES);

        List<String> stalls = new CopyOnWriteArrayList<>();
        ClientLoadResult result = new ClientLoad(ClientRuntime.NTY, SESSIONS, (number, context) -> {
            sessionThreads.add(Thread.currentThread());
            pg.run(number, context);
        }, stalls::add).run();

        assertThat(result.errors()).as("errors; first: %s", result.firstError()).isZero();
        assertThat(result.queries()).as("queries answered correctly").isEqualTo((long) SESSIONS * QUERIES);
        assertThat(sessionThreads).containsExactly(testThread); // one scheduler thread, the caller's
        // The sentinel ran while queries were waiting for the server: on one thread, only possible
        // if those waits suspended their coroutines instead of blocking the thread.
        assertThat(result.sentinelTicks()).isPositive();
        assertThat(result.sentinelTicksDuringQueries()).isPositive();
        // The blocking watch names any known blocking call that held the thread over a second: none
        // of the unhooked network calls may (a loaded machine may still deschedule the thread).
        assertThat(stalls).noneSatisfy(report -> assertThat(report).containsAnyOf("JDK's own implementation",
                "NIO channel", "host-name resolution", "Thread.sleep", "java.util.concurrent lock"));
    }

    /** Plain blocking JDBC outside any coroutine (§3.6): the hook, if installed, blocks as before. */
    private static int maxConnections(PgTarget target) throws Exception {
        try (Connection c = DriverManager.getConnection(target.jdbcUrl(), target.properties());
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SHOW max_connections")) {
            assertThat(rs.next()).isTrue();
            return Integer.parseInt(rs.getString(1));
        }
    }
}
