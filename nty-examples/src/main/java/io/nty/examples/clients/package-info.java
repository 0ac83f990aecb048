/**
 * NtyCo's client samples with real, unmodified blocking clients: the PostgreSQL JDBC driver
 * ({@link io.nty.examples.clients.PgSession}) and Jedis ({@link io.nty.examples.clients.RedisSession}),
 * many sessions at once through {@link io.nty.examples.clients.ClientLoad}, either on nty coroutines
 * on one scheduler thread (the JDK's sockets hooked by {@code io.nty.socket.jdk}) or on virtual
 * threads, for a side-by-side measurement of the same client code.
 *
 * <p>Owns: the sessions' queries and their checks, the load runner, its figures. Must not touch:
 * the clients' internals (they are used as shipped) and nty's internals (public API only).
 */
package io.nty.examples.clients;
