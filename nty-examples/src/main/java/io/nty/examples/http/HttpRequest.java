package io.nty.examples.http;

import java.util.Objects;

/**
 * One parsed HTTP/1.x request head, as {@link HttpRequestParser} found it.
 *
 * @param method the method token, e.g. {@code GET}
 * @param target the request target as sent, e.g. {@code /} or {@code /index.html?x=1}
 * @param minorVersion 0 for HTTP/1.0, 1 for HTTP/1.1
 * @param keepAlive whether the connection stays open after the response: HTTP/1.1 unless
 *        {@code Connection: close}, HTTP/1.0 only with {@code Connection: keep-alive}
 * @param length the bytes the request took in the input, head and body together
 */
public record HttpRequest(String method, String target, int minorVersion, boolean keepAlive, int length) {

    /** Checks the components. */
    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        if (minorVersion != 0 && minorVersion != 1) {
            throw new IllegalArgumentException("HTTP/1." + minorVersion + " is not HTTP/1.0 or 1.1");
        }
        if (length <= 0) {
            throw new IllegalArgumentException("a request takes at least one byte: " + length);
        }
    }
}
