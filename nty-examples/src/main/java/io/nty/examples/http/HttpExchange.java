package io.nty.examples.http;

import java.nio.ByteBuffer;

/**
 * The HTTP/1.1 side of one keep-alive connection, independent of how its bytes move: answers
 * every complete request in the receive buffer (pipelined answers share one write), and says
 * what the connection should do next. nty's server and the benchmark peers share it, so they
 * differ only in how they wait for IO.
 *
 * <p>Invariants: answers are appended to a bounded send buffer and written in request order;
 * whenever {@link #answerComplete} returns, everything appended has been written. Not
 * thread-safe: one exchange per connection.
 *
 * @param <E> what the output's write may throw
 */
public final class HttpExchange<E extends Exception> {

    /** What the connection does after {@link #answerComplete}. */
    public enum Next {
        /** Every complete request is answered; read more. */
        READ_MORE,
        /** The last request asked to close ({@code Connection: close} or HTTP/1.0). */
        CLOSE,
        /** A request was rejected (400, 413, 431 or 501), answered, and the connection must close. */
        REJECTED
    }

    /**
     * Writes bytes to the peer.
     *
     * @param <E> what a write may throw
     */
    @FunctionalInterface
    public interface Output<E extends Exception> {
        /** Writes all of {@code bytes}' remaining content, advancing its position to its limit. */
        void write(ByteBuffer bytes) throws E;
    }

    private final HttpRequestParser parser;
    private final ByteBuffer pending;
    private final Output<E> output;
    private final Runnable onRequest;

    /**
     * @param maxRequestBytes the most bytes one request may take (head and body)
     * @param sendBuffer where answers gather before a write: direct or heap, as the output prefers
     * @param output writes to the peer
     * @param onRequest called for each complete request (e.g. to mark the connection active)
     */
    public HttpExchange(int maxRequestBytes, ByteBuffer sendBuffer, Output<E> output, Runnable onRequest) {
        this.parser = new HttpRequestParser(maxRequestBytes);
        this.pending = sendBuffer;
        this.output = output;
        this.onRequest = onRequest;
    }

    /**
     * Answers every complete request in {@code in}, leaving an incomplete one in place.
     *
     * @param in the received bytes, in read mode; consumed up to the first incomplete request
     * @return what the connection does next
     * @throws E if writing an answer fails
     */
    public Next answerComplete(ByteBuffer in) throws E {
        for (;;) {
            HttpRequestParser.Outcome outcome = parser.parse(in);
            switch (outcome) {
                case COMPLETE -> {
                    onRequest.run();
                    HttpRequest request = parser.request();
                    append(HttpResponses.forRequest(request));
                    if (!request.keepAlive()) {
                        flush();
                        return Next.CLOSE;
                    }
                }
                case INCOMPLETE -> {
                    flush();
                    return Next.READ_MORE;
                }
                default -> {
                    append(HttpResponses.forError(outcome));
                    flush();
                    return Next.REJECTED;
                }
            }
        }
    }

    private void append(byte[] response) throws E {
        if (response.length > pending.remaining()) {
            flush();
        }
        if (response.length > pending.remaining()) {
            output.write(ByteBuffer.wrap(response)); // larger than the whole buffer: write as is
        } else {
            pending.put(response);
        }
    }

    private void flush() throws E {
        if (pending.position() > 0) {
            pending.flip();
            output.write(pending);
            pending.clear();
        }
    }
}
