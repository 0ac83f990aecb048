package io.nty.examples.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Parses HTTP/1.0 and HTTP/1.1 requests (RFC 9112) out of a byte buffer, one request per call,
 * without copying the input. Shared by the nty server and its virtual-thread peer so that both
 * pay the same parsing cost.
 *
 * <p>Contract of {@link #parse}: it looks at the bytes between the buffer's position and limit.
 * On {@link Outcome#COMPLETE} the request is available from {@link #request()} and the position
 * is advanced past it (head and body), so the next call sees the next pipelined request. On any
 * other outcome the buffer is left untouched. A request, head and body together, may take at most
 * {@code maxRequestBytes}; a head that does not end within that many bytes is
 * {@link Outcome#HEADERS_TOO_LARGE} (status 431), a body that would not fit is
 * {@link Outcome#PAYLOAD_TOO_LARGE} (413). Bytes that cannot be a request are
 * {@link Outcome#BAD_REQUEST} (400), and {@code Transfer-Encoding}, which this small parser does
 * not decode, is {@link Outcome#NOT_IMPLEMENTED} (501). After an error the connection should be
 * answered and closed: the parser cannot tell where the next request would start.
 *
 * <p>Deliberately strict: lines end with CRLF, header values may not be folded, the request
 * line is {@code token SP target SP HTTP/1.d}. Not thread-safe; use one parser per connection or
 * per thread.
 */
public final class HttpRequestParser {

    /** What one call to {@link #parse} found. */
    public enum Outcome {
        /** A whole request: see {@link #request()}; the buffer's position moved past it. */
        COMPLETE,
        /** A prefix of a request that is still valid: read more bytes and call again. */
        INCOMPLETE,
        /** Not an HTTP/1.x request: answer 400 and close. */
        BAD_REQUEST,
        /** The head did not end within the limit: answer 431 and close. */
        HEADERS_TOO_LARGE,
        /** The declared body would not fit within the limit: answer 413 and close. */
        PAYLOAD_TOO_LARGE,
        /** The request uses a transfer coding this parser does not decode: answer 501 and close. */
        NOT_IMPLEMENTED
    }

    /** The smallest limit that still fits a typical request head. */
    public static final int MIN_REQUEST_BYTES = 64;

    private static final byte CR = '\r';
    private static final byte LF = '\n';
    private static final byte SP = ' ';
    private static final byte HTAB = '\t';
    private static final int MAX_CONTENT_LENGTH_DIGITS = 9;
    private static final boolean[] TOKEN = tokenChars();

    private final int maxRequestBytes;
    private HttpRequest request;
    private String error;

    // Per-call scratch, filled while reading the headers.
    private long contentLength;
    private boolean sawClose;
    private boolean sawKeepAlive;
    private boolean sawTransferEncoding;

    /**
     * @param maxRequestBytes the most bytes one request (head and body) may take, at least
     *        {@value #MIN_REQUEST_BYTES}
     * @throws IllegalArgumentException if the limit is smaller
     */
    public HttpRequestParser(int maxRequestBytes) {
        if (maxRequestBytes < MIN_REQUEST_BYTES) {
            throw new IllegalArgumentException("maxRequestBytes must be >= " + MIN_REQUEST_BYTES
                    + ": " + maxRequestBytes);
        }
        this.maxRequestBytes = maxRequestBytes;
    }

    /** @return the limit given to the constructor */
    public int maxRequestBytes() {
        return maxRequestBytes;
    }

    /**
     * Parses the request at the buffer's position; see the class comment for the contract.
     *
     * @param in the input; only its position changes, and only on {@link Outcome#COMPLETE}
     * @return what was found
     */
    public Outcome parse(ByteBuffer in) {
        request = null;
        error = null;
        int start = in.position();
        int limit = in.limit();
        int from = skipEmptyLines(in, start, limit);
        int headEnd = findHeadEnd(in, from, Math.min(limit, start + maxRequestBytes));
        if (headEnd < 0) {
            if (limit - start >= maxRequestBytes) {
                return fail(Outcome.HEADERS_TOO_LARGE, "no end of head within " + maxRequestBytes + " bytes");
            }
            return Outcome.INCOMPLETE;
        }
        contentLength = 0;
        sawClose = false;
        sawKeepAlive = false;
        sawTransferEncoding = false;
        int lineEnd = indexOfCrlf(in, from, headEnd);
        RequestLine line = parseRequestLine(in, from, lineEnd);
        if (line == null) {
            return Outcome.BAD_REQUEST;
        }
        if (!parseHeaders(in, lineEnd + 2, headEnd)) {
            return Outcome.BAD_REQUEST;
        }
        if (sawTransferEncoding) {
            return fail(Outcome.NOT_IMPLEMENTED, "Transfer-Encoding is not supported");
        }
        long total = (long) (headEnd + 4 - start) + contentLength;
        if (total > maxRequestBytes) {
            return fail(Outcome.PAYLOAD_TOO_LARGE, "request of " + total + " bytes exceeds " + maxRequestBytes);
        }
        if (limit - start < total) {
            return Outcome.INCOMPLETE;
        }
        boolean keepAlive = line.minorVersion == 1 ? !sawClose : sawKeepAlive && !sawClose;
        request = new HttpRequest(line.method, line.target, line.minorVersion, keepAlive, (int) total);
        in.position(start + (int) total);
        return Outcome.COMPLETE;
    }

    /** @return the request of the last call that returned {@link Outcome#COMPLETE}, else null */
    public HttpRequest request() {
        return request;
    }

    /** @return why the last call failed, for logs and tests; null after a success */
    public String error() {
        return error;
    }

    // ------------------------------------------------------------------ the head

    /** RFC 9112 §2.2: a server should ignore empty lines received before the request line. */
    private static int skipEmptyLines(ByteBuffer in, int from, int limit) {
        int i = from;
        while (i + 1 < limit && in.get(i) == CR && in.get(i + 1) == LF) {
            i += 2;
        }
        return i;
    }

    /** @return the index of the CR of the CRLFCRLF that ends the head, or -1 */
    private static int findHeadEnd(ByteBuffer in, int from, int limit) {
        for (int i = from + 3; i < limit; i++) {
            if (in.get(i) == LF && in.get(i - 1) == CR && in.get(i - 2) == LF && in.get(i - 3) == CR) {
                return i - 3;
            }
        }
        return -1;
    }

    private static int indexOfCrlf(ByteBuffer in, int from, int limit) {
        for (int i = from; i < limit; i++) {
            if (in.get(i) == CR && in.get(i + 1) == LF) {
                return i;
            }
        }
        return limit;
    }

    private record RequestLine(String method, String target, int minorVersion) {
    }

    /** {@code method SP target SP HTTP/1.d}, between {@code from} and the CR at {@code end}. */
    private RequestLine parseRequestLine(ByteBuffer in, int from, int end) {
        int i = from;
        while (i < end && isToken(in.get(i))) {
            i++;
        }
        if (i == from || i >= end || in.get(i) != SP) {
            return badLine("the method must be a token followed by one space");
        }
        String method = token(in, from, i);
        int targetStart = ++i;
        while (i < end && isVisible(in.get(i))) {
            i++;
        }
        if (i == targetStart || i >= end || in.get(i) != SP) {
            return badLine("the target must be visible characters followed by one space");
        }
        String target = token(in, targetStart, i);
        int version = parseVersion(in, i + 1, end);
        if (version < 0) {
            return badLine("the version must be HTTP/1.0 or HTTP/1.1");
        }
        return new RequestLine(method, target, version);
    }

    private static int parseVersion(ByteBuffer in, int from, int end) {
        byte[] prefix = {'H', 'T', 'T', 'P', '/', '1', '.'};
        if (end - from != prefix.length + 1) {
            return -1;
        }
        for (int k = 0; k < prefix.length; k++) {
            if (in.get(from + k) != prefix[k]) {
                return -1;
            }
        }
        byte minor = in.get(from + prefix.length);
        return minor == '0' || minor == '1' ? minor - '0' : -1;
    }

    /** Header lines from {@code from} up to the CR at {@code headEnd} (that CR ends the last line). */
    private boolean parseHeaders(ByteBuffer in, int from, int headEnd) {
        int lineStart = from;
        while (lineStart <= headEnd) {
            int lineEnd = indexOfCrlf(in, lineStart, headEnd + 2);
            if (!parseHeader(in, lineStart, lineEnd)) {
                return false;
            }
            lineStart = lineEnd + 2;
        }
        return true;
    }

    private boolean parseHeader(ByteBuffer in, int from, int end) {
        int colon = from;
        while (colon < end && isToken(in.get(colon))) {
            colon++;
        }
        if (colon == from || colon >= end || in.get(colon) != ':') {
            return failHeader("a header line must be a token, a colon and a value"
                    + (colon == from && from < end && isWhitespace(in.get(from)) ? " (folding is not accepted)" : ""));
        }
        int valueStart = colon + 1;
        int valueEnd = end;
        while (valueStart < valueEnd && isWhitespace(in.get(valueStart))) {
            valueStart++;
        }
        while (valueEnd > valueStart && isWhitespace(in.get(valueEnd - 1))) {
            valueEnd--;
        }
        for (int i = valueStart; i < valueEnd; i++) {
            byte b = in.get(i);
            if ((b >= 0 && b < SP && b != HTAB) || b == 0x7f) {
                return failHeader("a header value holds a control character");
            }
        }
        return interpret(in, from, colon, valueStart, valueEnd);
    }

    /** Picks out the headers that change how the request is framed or the connection kept. */
    private boolean interpret(ByteBuffer in, int nameStart, int nameEnd, int valueStart, int valueEnd) {
        if (nameIs(in, nameStart, nameEnd, "content-length")) {
            long value = parseContentLength(in, valueStart, valueEnd);
            if (value < 0 || (contentLength != 0 && contentLength != value)) {
                return failHeader("Content-Length must be one decimal number of at most "
                        + MAX_CONTENT_LENGTH_DIGITS + " digits");
            }
            contentLength = value;
        } else if (nameIs(in, nameStart, nameEnd, "transfer-encoding")) {
            sawTransferEncoding = true;
        } else if (nameIs(in, nameStart, nameEnd, "connection")) {
            for (String option : ascii(in, valueStart, valueEnd).split(",")) {
                String o = option.strip();
                sawClose |= o.equalsIgnoreCase("close");
                sawKeepAlive |= o.equalsIgnoreCase("keep-alive");
            }
        }
        return true;
    }

    private static long parseContentLength(ByteBuffer in, int from, int end) {
        if (from == end || end - from > MAX_CONTENT_LENGTH_DIGITS) {
            return -1;
        }
        long value = 0;
        for (int i = from; i < end; i++) {
            byte b = in.get(i);
            if (b < '0' || b > '9') {
                return -1;
            }
            value = value * 10 + (b - '0');
        }
        return value;
    }

    // ------------------------------------------------------------------ helpers

    private static boolean nameIs(ByteBuffer in, int from, int end, String lowerCaseName) {
        if (end - from != lowerCaseName.length()) {
            return false;
        }
        for (int i = 0; i < lowerCaseName.length(); i++) {
            int b = in.get(from + i);
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            if (b != lowerCaseName.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    /** Returns the shared constant for {@code GET} and {@code /}: no allocation on the common path. */
    private static String token(ByteBuffer in, int from, int end) {
        if (end - from == 3 && in.get(from) == 'G' && in.get(from + 1) == 'E' && in.get(from + 2) == 'T') {
            return "GET";
        }
        if (end - from == 1 && in.get(from) == '/') {
            return "/";
        }
        return ascii(in, from, end);
    }

    private static String ascii(ByteBuffer in, int from, int end) {
        byte[] bytes = new byte[end - from];
        in.get(from, bytes);
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    private static boolean isToken(byte b) {
        return b > 0 && TOKEN[b];
    }

    private static boolean isVisible(byte b) {
        return b > SP && b < 0x7f;
    }

    private static boolean isWhitespace(byte b) {
        return b == SP || b == HTAB;
    }

    private Outcome fail(Outcome outcome, String why) {
        error = why;
        return outcome;
    }

    private RequestLine badLine(String why) {
        error = "bad request line: " + why;
        return null;
    }

    private boolean failHeader(String why) {
        error = "bad header: " + why;
        return false;
    }

    /** RFC 9110 §5.6.2: tchar = "!" / "#" / "$" / "%" / "&" / "'" / "*" / "+" / "-" / "." / "^" / "_" / "`" / "|" / "~" / DIGIT / ALPHA. */
    private static boolean[] tokenChars() {
        boolean[] t = new boolean[128];
        for (char c = '0'; c <= '9'; c++) {
            t[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            t[c] = true;
            t[c - 'a' + 'A'] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            t[c] = true;
        }
        return t;
    }
}
