package io.nty.conformance;

/**
 * An implementation's socket hooks ({@code nty_recv}, {@code nty_send}) as the suite calls them
 * for the hook steps {@code hrecv} and {@code hsend} (§4.4, §4.5), on real fd numbers.
 *
 * <p>Contract: called inside a coroutine on the scheduler's thread; a call that cannot complete
 * suspends the coroutine through the scheduler, never blocking the thread (§4.4). Results are
 * trace words: a byte count, or the errno name of a failure ({@code EPIPE}, {@code ECONNRESET},
 * {@code EBADF} …), or {@code timeout}, {@code busy}, {@code closed} for a wait that ended so.
 */
public interface SocketHooks {

    /**
     * Receives what is available, waiting only if nothing is.
     *
     * @param fd a connected socket's fd
     * @param max the most bytes to receive, {@code > 0}
     * @param timeoutMillis 0 for no limit
     * @return the byte count ({@code "0"} at orderly end of stream) or the failure's name
     */
    String recv(int fd, int max, long timeoutMillis);

    /**
     * Sends all of {@code bytes} bytes, waiting whenever the socket buffer is full.
     *
     * @param fd a connected socket's fd
     * @param bytes how many bytes to send, {@code > 0}
     * @return the byte count sent (all of them) or the failure's name
     */
    String send(int fd, int bytes);
}
