package io.nty.examples.clients;

import redis.clients.jedis.Jedis;

/**
 * NtyCo's Redis client sample with a real client: one connection through the unmodified Jedis
 * client, then {@code queries} round trips of {@code INCRBY key i+1} on a key of its own, each
 * checked against the running sum kept here (so a lost, repeated or misrouted command shows).
 * Plain blocking Jedis code: nothing in it knows about coroutines.
 */
public final class RedisSession implements ClientSession {

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final int queries;
    private final String keyPrefix;

    /**
     * @param host an IP literal or a name (looked up on the hook's resolver offload)
     * @param port the server's port
     * @param timeoutMillis Jedis's connect and read timeout, {@code > 0}
     * @param queries queries per session, {@code >= 0}
     * @param keyPrefix prefix of the keys, unique per run so that runs do not see each other
     */
    public RedisSession(String host, int port, int timeoutMillis, int queries, String keyPrefix) {
        if (queries < 0 || timeoutMillis <= 0) {
            throw new IllegalArgumentException("queries must be >= 0 and the timeout > 0: " + queries + ", "
                    + timeoutMillis);
        }
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
        this.queries = queries;
        this.keyPrefix = keyPrefix;
    }

    @Override
    public void run(int number, SessionContext context) throws Exception {
        String key = keyPrefix + ":" + number;
        try (Jedis jedis = new Jedis(host, port, timeoutMillis)) {
            String pong = jedis.ping(); // Jedis connects lazily: this opens the connection
            if (!"PONG".equals(pong)) {
                throw new ResultMismatchException("PING", "PONG", pong);
            }
            jedis.del(key);
            context.connected();
            long sum = 0;
            for (int i = 0; i < queries; i++) {
                long start = context.queryStarted();
                long reply = jedis.incrBy(key, i + 1);
                sum += i + 1;
                if (reply != sum) {
                    throw new ResultMismatchException("INCRBY " + key + " " + (i + 1), sum, reply);
                }
                context.queryDone(start);
            }
            jedis.del(key);
        }
    }
}
