package io.nty.examples.http;

import io.nty.api.WaitTimeoutException;
import io.nty.examples.server.Connection;
import io.nty.examples.server.ConnectionHandler;
import io.nty.socket.ErrnoException;
import io.nty.socket.NtySockets;
import java.nio.ByteBuffer;

/**
 * Serves one HTTP/1.1 keep-alive connection in a coroutine: read what the client sent, answer
 * every complete request in it (pipelined requests share one {@code send}), repeat.
 *
 * <p>Memory per connection is bounded: one receive buffer of {@code maxRequestBytes} (a request
 * must fit in it, else 431 or 413) and one small send buffer, both off-heap so the hooks hand
 * them to the kernel without copying. Each complete request marks the connection active, for
 * the server's idle timeout; bytes alone do not, so a client that trickles a head that never
 * ends ("slowloris") is closed one timeout after its last complete request (or after it
 * connected), however steadily it sends. A request the parser rejects is answered (400, 413, 431
 * or 501) and the connection closed gracefully: the server stops writing, then reads and drops
 * what the client still sends for a moment, so that closing with unread input (which makes the
 * kernel send a reset) does not destroy the answer before the client reads it.
 */
public final class HttpConnectionHandler implements ConnectionHandler {

    private static final int SEND_BUFFER_BYTES = 4096;
    private static final long LINGER_MILLIS = 200;
    private static final int LINGER_MAX_BYTES = 64 * 1024;

    private final int maxRequestBytes;

    /**
     * @param maxRequestBytes the most bytes a request (head and body) may take, at least
     *        {@link HttpRequestParser#MIN_REQUEST_BYTES}
     */
    public HttpConnectionHandler(int maxRequestBytes) {
        if (maxRequestBytes < HttpRequestParser.MIN_REQUEST_BYTES) {
            throw new IllegalArgumentException("maxRequestBytes must be >= "
                    + HttpRequestParser.MIN_REQUEST_BYTES + ": " + maxRequestBytes);
        }
        this.maxRequestBytes = maxRequestBytes;
    }

    @Override
    public void serve(Connection connection) throws ErrnoException {
        new Exchange(connection).serve();
    }

    /** The state of one connection; lives as long as its coroutine. */
    private final class Exchange {

        private final int fd;
        private final ByteBuffer in = ByteBuffer.allocateDirect(maxRequestBytes);
        private final HttpExchange<ErrnoException> http;

        Exchange(Connection connection) {
            this.fd = connection.fd();
            // Only whole requests count as activity: see the class comment.
            this.http = new HttpExchange<>(maxRequestBytes, ByteBuffer.allocateDirect(SEND_BUFFER_BYTES),
                    bytes -> NtySockets.send(fd, bytes), connection::markActive);
        }

        void serve() throws ErrnoException {
            while (NtySockets.recv(fd, in) > 0) {
                in.flip();
                HttpExchange.Next next = http.answerComplete(in);
                in.compact();
                if (next == HttpExchange.Next.REJECTED) {
                    lingeringClose();
                }
                if (next != HttpExchange.Next.READ_MORE) {
                    return;
                }
            }
        }

        /** Stop writing, then drop input for a moment so the answer is not lost to a reset. */
        private void lingeringClose() throws ErrnoException {
            NtySockets.shutdown(fd, NtySockets.SHUT_WR);
            long deadline = System.nanoTime() + LINGER_MILLIS * 1_000_000L;
            int dropped = 0;
            try {
                while (dropped < LINGER_MAX_BYTES) {
                    long left = (deadline - System.nanoTime()) / 1_000_000L;
                    in.clear();
                    int n = left > 0 ? NtySockets.recv(fd, in, left) : 0;
                    if (n == 0) {
                        return;
                    }
                    dropped += n;
                }
            } catch (WaitTimeoutException e) {
                // The client kept the connection open without sending: close it now.
            }
        }
    }
}
