package io.nty.examples.http;

import java.nio.charset.StandardCharsets;

/**
 * The hello server's answers, prebuilt as bytes: every server of the side-by-side benchmark
 * (nty, virtual threads) sends exactly these, so they move the same bytes.
 *
 * <p>{@code GET /} is {@code 200} with the 13-byte body {@code Hello, World!}; another target is
 * {@code 404}, another method {@code 405}. Error answers for requests the parser rejects carry
 * {@code Connection: close}: after them the server closes the connection.
 */
public final class HttpResponses {

    /** The body of {@code GET /}. */
    public static final String HELLO = "Hello, World!";

    private static final byte[] OK = response("200 OK", HELLO, false);
    private static final byte[] OK_CLOSE = response("200 OK", HELLO, true);
    private static final byte[] NOT_FOUND = response("404 Not Found", "not found\n", false);
    private static final byte[] NOT_FOUND_CLOSE = response("404 Not Found", "not found\n", true);
    private static final byte[] METHOD_NOT_ALLOWED = response("405 Method Not Allowed", "only GET\n", false);
    private static final byte[] METHOD_NOT_ALLOWED_CLOSE = response("405 Method Not Allowed", "only GET\n", true);
    private static final byte[] BAD_REQUEST = response("400 Bad Request", "bad request\n", true);
    private static final byte[] HEADERS_TOO_LARGE =
            response("431 Request Header Fields Too Large", "request header fields too large\n", true);
    private static final byte[] PAYLOAD_TOO_LARGE = response("413 Content Too Large", "content too large\n", true);
    private static final byte[] NOT_IMPLEMENTED = response("501 Not Implemented", "not implemented\n", true);

    private HttpResponses() {
    }

    /**
     * @param request a parsed request
     * @return the bytes to send back; shared, never to be modified
     */
    public static byte[] forRequest(HttpRequest request) {
        boolean close = !request.keepAlive();
        if (!request.method().equals("GET")) {
            return close ? METHOD_NOT_ALLOWED_CLOSE : METHOD_NOT_ALLOWED;
        }
        if (!request.target().equals("/")) {
            return close ? NOT_FOUND_CLOSE : NOT_FOUND;
        }
        return close ? OK_CLOSE : OK;
    }

    /**
     * @param outcome a failed parse
     * @return the error answer, which asks the client to close
     * @throws IllegalArgumentException for {@code COMPLETE} or {@code INCOMPLETE}, which are no errors
     */
    public static byte[] forError(HttpRequestParser.Outcome outcome) {
        return switch (outcome) {
            case BAD_REQUEST -> BAD_REQUEST;
            case HEADERS_TOO_LARGE -> HEADERS_TOO_LARGE;
            case PAYLOAD_TOO_LARGE -> PAYLOAD_TOO_LARGE;
            case NOT_IMPLEMENTED -> NOT_IMPLEMENTED;
            case COMPLETE, INCOMPLETE -> throw new IllegalArgumentException(outcome + " is not an error");
        };
    }

    private static byte[] response(String status, String body, boolean close) {
        String head = "HTTP/1.1 " + status + "\r\n"
                + "Content-Type: text/plain\r\n"
                + "Content-Length: " + body.getBytes(StandardCharsets.US_ASCII).length + "\r\n"
                + (close ? "Connection: close\r\n" : "")
                + "\r\n";
        return (head + body).getBytes(StandardCharsets.US_ASCII);
    }
}
