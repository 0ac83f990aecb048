package io.nty.examples.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.nty.examples.server.ServerGroup;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The HTTP server fed bad input from a seeded generator for a fixed time budget: malformed,
 * truncated, oversized and random requests, and valid requests with random bytes changed. Each
 * case is one connection: the client sends the bytes, half-closes, and reads until the server
 * closes. Every case must end in a close within the socket timeout (never a hang), with the
 * answer its kind calls for, while a well-behaved client on another connection is answered
 * throughout.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HttpFuzzFaultTest {

    private static final long SEED = 20_261_123L;
    private static final long BUDGET_MILLIS = 3_000;
    private static final int MAX_CASES = 5_000;
    private static final int MAX_REQUEST_BYTES = 1024;
    private static final Pattern STATUS = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");

    /** The kinds of case, each with what the server must answer. */
    private enum Kind { MALFORMED, TRUNCATED, OVERSIZED_HEAD, OVERSIZED_BODY, RANDOM, MUTATED }

    private static final String[] MALFORMED = {
        "GET / HTTP/1.1\r\nHost test\r\n\r\n",
        " GET / HTTP/1.1\r\nHost: test\r\n\r\n",
        "GET / HTTX/1.1\r\nHost: test\r\n\r\n",
        "GET / HTTP/2.0\r\nHost: test\r\n\r\n",
        "GET /\r\nHost: test\r\n\r\n",
        "G\u0000T / HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.1\r\nContent-Length: abc\r\n\r\n",
        "GET / HTTP/1.1\r\nContent-Length: -5\r\n\r\n",
        "GET / HTTP/1.1\r\nBad Header: x\r\n\r\n",
        "GET / HTTP/1.1\r\n: no-name\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: a\r\n folded\r\n\r\n",
    };
    private static final String[] VALID = {
        "GET / HTTP/1.1\r\nHost: test\r\n\r\n",
        "GET /missing HTTP/1.1\r\nHost: test\r\nAccept: */*\r\n\r\n",
        "POST / HTTP/1.1\r\nHost: test\r\nContent-Length: 5\r\n\r\nhello",
        "GET / HTTP/1.0\r\nConnection: keep-alive\r\n\r\n",
    };

    @Test
    void badRequestsAreAnsweredAndClosedWhileValidOnesAreAnsweredThroughout() throws Exception {
        Random random = new Random(SEED);
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        try (ServerGroup server = HttpServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1,
                MAX_REQUEST_BYTES, 2_000)) {
            InetSocketAddress address = server.addresses().get(0);
            int answeredBefore;
            try (ValidTraffic valid = new ValidTraffic(address)) {
                long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BUDGET_MILLIS);
                for (int i = 0; i < MAX_CASES && System.nanoTime() - deadline < 0; i++) {
                    Kind kind = Kind.values()[random.nextInt(Kind.values().length)];
                    byte[] input = generate(kind, random);
                    String answer = exchange(address, input);
                    check(kind, input, answer);
                    counts.merge(kind, 1, Integer::sum);
                }
                answeredBefore = valid.answered();
                assertThat(valid.failure()).as("valid traffic failure").isNull();
            }
            assertThat(answeredBefore).as("valid requests answered during the fuzzing").isPositive();
            assertThat(exchange(address, ValidTraffic.GET.getBytes(StandardCharsets.US_ASCII)))
                    .isEqualTo(ValidTraffic.HELLO_RESPONSE);
            System.out.println("http fuzz: " + counts + ", valid requests answered meanwhile: " + answeredBefore);
        }
        assertThat(counts).as("every kind was tried").hasSize(Kind.values().length);
    }

    private static byte[] generate(Kind kind, Random random) {
        return switch (kind) {
            case MALFORMED -> ascii(MALFORMED[random.nextInt(MALFORMED.length)]);
            case TRUNCATED -> {
                byte[] whole = ascii(VALID[random.nextInt(VALID.length)]);
                yield Arrays.copyOf(whole, 1 + random.nextInt(whole.length - 1));
            }
            case OVERSIZED_HEAD -> ascii("GET / HTTP/1.1\r\nX-Big: " + "b".repeat(MAX_REQUEST_BYTES + random.nextInt(8_000))
                    + "\r\n\r\n");
            case OVERSIZED_BODY -> ascii("POST / HTTP/1.1\r\nContent-Length: " + (MAX_REQUEST_BYTES + random.nextInt(1_000_000))
                    + "\r\n\r\nabc");
            case RANDOM -> {
                byte[] noise = new byte[1 + random.nextInt(1_500)];
                random.nextBytes(noise);
                byte[] request = Arrays.copyOf(noise, noise.length + 4);
                System.arraycopy(ascii("\r\n\r\n"), 0, request, noise.length, 4);
                yield request;
            }
            case MUTATED -> mutate(ascii(VALID[random.nextInt(VALID.length)]), random);
        };
    }

    /** Changes, inserts or deletes one to four random bytes. */
    private static byte[] mutate(byte[] valid, Random random) {
        List<Byte> bytes = new ArrayList<>();
        for (byte b : valid) {
            bytes.add(b);
        }
        for (int edits = 1 + random.nextInt(4); edits > 0 && !bytes.isEmpty(); edits--) {
            int at = random.nextInt(bytes.size());
            switch (random.nextInt(3)) {
                case 0 -> bytes.set(at, (byte) random.nextInt(256));
                case 1 -> bytes.add(at, (byte) random.nextInt(256));
                default -> bytes.remove(at);
            }
        }
        byte[] out = new byte[bytes.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = bytes.get(i);
        }
        return out;
    }

    /** Sends {@code input}, half-closes, and reads until the server closes (5 s at most between reads). */
    private static String exchange(InetSocketAddress address, byte[] input) throws IOException {
        try (Socket s = new Socket(address.getAddress(), address.getPort())) {
            s.setSoTimeout(5_000);
            s.getOutputStream().write(input);
            s.shutdownOutput();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            s.getInputStream().transferTo(answer);
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    private static void check(Kind kind, byte[] input, String answer) {
        String what = kind + " case " + new String(input, 0, Math.min(input.length, 80), StandardCharsets.ISO_8859_1);
        switch (kind) {
            case MALFORMED -> assertSingleError(answer, "400", what);
            case TRUNCATED -> assertThat(answer).as("%s: nothing complete to answer, just a close", what).isEmpty();
            case OVERSIZED_HEAD -> assertSingleError(answer, "431", what);
            case OVERSIZED_BODY -> assertSingleError(answer, "413", what);
            case RANDOM -> assertSingleError(answer, input.length > MAX_REQUEST_BYTES ? "431" : "400", what);
            case MUTATED -> assertWellFormedThenClosed(answer, what);
        }
    }

    private static void assertSingleError(String answer, String status, String what) {
        assertThat(statuses(answer)).as("%s: statuses in %s", what, answer).containsExactly(status);
        assertThat(answer).as(what).contains("Connection: close\r\n");
    }

    /** Any number of answers (or none, if the request stayed incomplete); an error only as the last. */
    private static void assertWellFormedThenClosed(String answer, String what) {
        List<String> statuses = statuses(answer);
        assertThat(answer.isEmpty() || answer.startsWith("HTTP/1.1 "))
                .as("%s: answer starts with a status line: %s", what, answer).isTrue();
        for (int i = 0; i < statuses.size(); i++) {
            String status = statuses.get(i);
            assertThat(status).as("%s: status %d of %s", what, i, answer).isIn("200", "404", "405", "400", "413", "431", "501");
            if (status.charAt(0) != '2' && !status.equals("404") && !status.equals("405")) {
                assertThat(i).as("%s: an error answer is the last one", what).isEqualTo(statuses.size() - 1);
            }
        }
    }

    private static List<String> statuses(String answer) {
        List<String> statuses = new ArrayList<>();
        Matcher m = STATUS.matcher(answer);
        while (m.find()) {
            statuses.add(m.group(1));
        }
        return statuses;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
