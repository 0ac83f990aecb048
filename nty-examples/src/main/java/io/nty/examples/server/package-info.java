/**
 * A small coroutine server framework the examples share: one scheduler per thread
 * ({@link io.nty.examples.server.ServerThread}), listeners, one coroutine per connection
 * ({@link io.nty.examples.server.CoroutineServer}), the set of live connections and their idle
 * timeout, and a {@link io.nty.examples.server.ConnectionHandler} per protocol.
 *
 * <p>Invariants: every accepted fd is closed exactly once, through {@code ConnectionSet.close}, by
 * the coroutine that serves it, the idle reaper or shutdown, whichever comes first; a connection counts as active only when its handler says so (see
 * {@code Connection.markActive}); stopping a server wakes its scheduler through
 * {@code Executor.execute}, the only cross-thread call.
 */
package io.nty.examples.server;
