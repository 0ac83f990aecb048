package io.nty.examples.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nty.examples.http.HttpRequestParser.Outcome;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpRequestParserTest {

    private static final String WRK_GET = "GET / HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n";

    private final HttpRequestParser parser = new HttpRequestParser(256);

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void validRequestIsCompleteAndConsumed() {
        ByteBuffer in = bytes(WRK_GET);
        assertThat(parser.parse(in)).isEqualTo(Outcome.COMPLETE);
        assertThat(parser.request()).isEqualTo(new HttpRequest("GET", "/", 1, true, WRK_GET.length()));
        assertThat(in.hasRemaining()).isFalse();
    }

    @Test
    void pipelinedRequestsComeOneByOne() {
        ByteBuffer in = bytes(WRK_GET + "GET /a?b=c HTTP/1.1\r\nConnection: close\r\n\r\n" + "GET / HT");
        assertThat(parser.parse(in)).isEqualTo(Outcome.COMPLETE);
        assertThat(parser.request().target()).isEqualTo("/");
        assertThat(parser.parse(in)).isEqualTo(Outcome.COMPLETE);
        assertThat(parser.request().target()).isEqualTo("/a?b=c");
        assertThat(parser.request().keepAlive()).isFalse();
        int before = in.position();
        assertThat(parser.parse(in)).isEqualTo(Outcome.INCOMPLETE);
        assertThat(in.position()).as("an incomplete request is left in place").isEqualTo(before);
    }

    @Test
    void everyTruncationOfAValidRequestIsIncomplete() {
        String request = "POST /upload HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello";
        for (int cut = 0; cut < request.length(); cut++) {
            ByteBuffer in = bytes(request.substring(0, cut));
            assertThat(parser.parse(in)).as("first %d bytes", cut).isEqualTo(Outcome.INCOMPLETE);
            assertThat(in.position()).isZero();
        }
        ByteBuffer in = bytes(request);
        assertThat(parser.parse(in)).isEqualTo(Outcome.COMPLETE);
        assertThat(parser.request().length()).isEqualTo(request.length());
    }

    @Test
    void keepAliveFollowsTheVersionAndConnectionHeader() {
        assertThat(keepAlive("GET / HTTP/1.1\r\n\r\n")).isTrue();
        assertThat(keepAlive("GET / HTTP/1.1\r\nconnection: Upgrade, CLOSE\r\n\r\n")).isFalse();
        assertThat(keepAlive("GET / HTTP/1.0\r\n\r\n")).isFalse();
        assertThat(keepAlive("GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n")).isTrue();
    }

    private boolean keepAlive(String request) {
        assertThat(parser.parse(bytes(request))).isEqualTo(Outcome.COMPLETE);
        return parser.request().keepAlive();
    }

    @Test
    void leadingEmptyLinesAreIgnored() {
        ByteBuffer in = bytes("\r\n\r\n" + WRK_GET);
        assertThat(parser.parse(in)).isEqualTo(Outcome.COMPLETE);
        assertThat(in.hasRemaining()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "BAD\r\n\r\n",
        "GET /\r\n\r\n",
        "GET  / HTTP/1.1\r\n\r\n",
        "GET / HTTP/2.0\r\n\r\n",
        "GET / HTTP/1.1 \r\n\r\n",
        "G(T / HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.1\nHost: x\r\n\r\n",
        "GET / HTTP/1.1\r\nHost x\r\n\r\n",
        "GET / HTTP/1.1\r\nHost : x\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n",
        "GET / HTTP/1.1\r\nX: a\u0001b\r\n\r\n",
        "GET / HTTP/1.1\r\nContent-Length: -1\r\n\r\n",
        "GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab",
        "GET / HTTP/1.1\r\nContent-Length: 12345678901\r\n\r\n",
    })
    void malformedRequestsAreBadRequests(String request) {
        ByteBuffer in = bytes(request);
        assertThat(parser.parse(in)).isEqualTo(Outcome.BAD_REQUEST);
        assertThat(parser.error()).isNotBlank();
        assertThat(in.position()).isZero();
    }

    @Test
    void aHeadLongerThanTheLimitIsHeadersTooLarge() {
        String head = "GET / HTTP/1.1\r\nX-Long: " + "a".repeat(300) + "\r\n\r\n";
        assertThat(parser.parse(bytes(head))).isEqualTo(Outcome.HEADERS_TOO_LARGE);
        // Also when only the first limit bytes have arrived, with no end in sight.
        assertThat(parser.parse(bytes(head.substring(0, 256)))).isEqualTo(Outcome.HEADERS_TOO_LARGE);
        assertThat(parser.parse(bytes(head.substring(0, 255)))).isEqualTo(Outcome.INCOMPLETE);
    }

    @Test
    void aBodyThatCannotFitIsPayloadTooLarge() {
        assertThat(parser.parse(bytes("POST / HTTP/1.1\r\nContent-Length: 1000\r\n\r\n")))
                .isEqualTo(Outcome.PAYLOAD_TOO_LARGE);
    }

    @Test
    void transferEncodingIsNotImplemented() {
        assertThat(parser.parse(bytes("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")))
                .isEqualTo(Outcome.NOT_IMPLEMENTED);
    }

    @Test
    void parsesFromTheBufferPositionInDirectBuffers() {
        ByteBuffer in = ByteBuffer.allocateDirect(128);
        in.put("xxxx".getBytes(StandardCharsets.US_ASCII)).put(WRK_GET.getBytes(StandardCharsets.US_ASCII)).flip();
        in.position(4);
        assertThat(parser.parse(in)).isEqualTo(Outcome.COMPLETE);
        assertThat(in.position()).isEqualTo(4 + WRK_GET.length());
    }

    @Test
    void tooSmallALimitIsRejected() {
        assertThatThrownBy(() -> new HttpRequestParser(10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(">= 64");
    }
}
