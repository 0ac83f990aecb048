package io.nty.examples.server;

import io.nty.socket.ErrnoException;

/**
 * Serves one accepted connection inside its own coroutine, NtyCo style: plain blocking-looking
 * calls to the socket hooks, which suspend the coroutine instead of the thread.
 */
@FunctionalInterface
public interface ConnectionHandler {

    /**
     * Serves {@code fd} until the peer leaves or the protocol says to stop. The caller closes
     * the fd afterwards; the handler must not.
     *
     * @param fd a connected, non-blocking socket
     * @throws ErrnoException if a socket call fails (a reset peer, say); the connection is then
     *         closed and the server goes on
     */
    void serve(int fd) throws ErrnoException;
}
