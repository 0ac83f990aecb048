package io.nty.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HttpResponsesTest {

    @Test
    void getRootIsHelloWorldWithItsLength() {
        String r = new String(HttpResponses.forRequest(new HttpRequest("GET", "/", 1, true, 10)), StandardCharsets.US_ASCII);
        assertThat(r).startsWith("HTTP/1.1 200 OK\r\n").contains("Content-Length: 13\r\n")
                .endsWith("\r\n\r\nHello, World!").doesNotContain("Connection: close");
    }

    @Test
    void otherTargetsMethodsAndErrorsHaveTheirStatus() {
        assertThat(ascii(HttpResponses.forRequest(new HttpRequest("GET", "/x", 1, true, 10)))).startsWith("HTTP/1.1 404");
        assertThat(ascii(HttpResponses.forRequest(new HttpRequest("POST", "/", 1, false, 10))))
                .startsWith("HTTP/1.1 405").contains("Connection: close");
        assertThat(ascii(HttpResponses.forError(HttpRequestParser.Outcome.HEADERS_TOO_LARGE)))
                .startsWith("HTTP/1.1 431").contains("Connection: close");
    }

    private static String ascii(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }
}
