package io.nty.examples.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.Jedis;

/**
 * Jedis, unmodified, on nty coroutines against the real {@code redis-server} that {@code .ci/run}
 * starts: 200 coroutines on one scheduler thread, each with its own connection, 50 checked
 * commands each, and a sentinel coroutine that keeps ticking meanwhile.
 */
@Timeout(120)
class RedisOnCoroutinesTest {

    private static final int SESSIONS = 200;
    private static final int QUERIES = 50;

    @Test
    void rule4_4_twoHundredJedisConnectionsOnOneSchedulerThreadNeverBlockIt() throws Exception {
        InetSocketAddress redis = Servers.redis();
        String prefix = "nty-test:" + ProcessHandle.current().pid() + ":" + System.nanoTime();
        Thread testThread = Thread.currentThread();
        Set<Thread> sessionThreads = ConcurrentHashMap.newKeySet();
        RedisSession session = new RedisSession(redis.getHostString(), redis.getPort(), 10_000, QUERIES, prefix);

        List<String> stalls = new CopyOnWriteArrayList<>();
        ClientLoadResult result = new ClientLoad(ClientRuntime.NTY, SESSIONS, (number, context) -> {
            sessionThreads.add(Thread.currentThread());
            session.run(number, context);
        }, stalls::add).run();

        assertThat(result.errors()).as("errors; first: %s", result.firstError()).isZero();
        assertThat(result.queries()).as("commands answered correctly").isEqualTo((long) SESSIONS * QUERIES);
        assertThat(sessionThreads).containsExactly(testThread);
        assertThat(result.sentinelTicks()).isPositive();
        assertThat(result.sentinelTicksDuringQueries()).isPositive();
        // The blocking watch names any known blocking call that held the thread over a second: none
        // of the unhooked network calls may (a loaded machine may still deschedule the thread).
        assertThat(stalls).noneSatisfy(report -> assertThat(report).containsAnyOf("JDK's own implementation",
                "NIO channel", "host-name resolution", "Thread.sleep", "java.util.concurrent lock"));
        // Outside any coroutine Jedis blocks as before (§3.6); every session cleaned up its key.
        try (Jedis jedis = new Jedis(redis.getHostString(), redis.getPort(), 10_000)) {
            assertThat(jedis.keys(prefix + ":*")).isEmpty();
        }
    }
}
