package io.nty.examples.server;

import io.nty.socket.ErrnoException;

/**
 * Serves one accepted connection inside its own coroutine, NtyCo style: plain blocking-looking
 * calls to the socket hooks, which suspend the coroutine instead of the thread.
 */
@FunctionalInterface
public interface ConnectionHandler {

    /**
     * Serves the connection until the peer leaves or the protocol says to stop. The caller closes
     * the fd afterwards; the handler must not. The handler calls {@link Connection#markActive()}
     * whenever the peer makes progress (the echo handler: any data; the HTTP handler: a complete
     * request, so that a trickled head cannot keep a connection open); the server closes connections idle longer than its timeout, which
     * wakes a handler waiting on the fd with {@link io.nty.api.FdClosedException}.
     *
     * @param connection the connection, whose fd is connected and non-blocking
     * @throws ErrnoException if a socket call fails (a reset peer, say); the connection is then
     *         closed and the server goes on
     */
    void serve(Connection connection) throws ErrnoException;
}
