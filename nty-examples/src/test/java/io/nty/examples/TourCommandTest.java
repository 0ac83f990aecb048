package io.nty.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class TourCommandTest {

    @Test
    void tourRunsEveryPartAndExitsZero() {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            status = new CommandLine(new Main()).execute("tour", "--yields", "1000");
        } finally {
            System.setOut(original);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(status).isZero();
        assertThat(out)
                .contains("ping   (coroutine 0) step 0\n  pong   (coroutine 1) step 0\n  sleepy (coroutine 2) step 0")
                .contains("handler: coroutine 3 failed: java.lang.IllegalStateException: deliberate failure")
                .contains("task runs as coroutine 4 on thread 'main'")
                .contains("ns per yield+resume");
    }

    @Test
    void noCommandIsAUsageError() {
        assertThat(new CommandLine(new Main()).setErr(new java.io.PrintWriter(java.io.Writer.nullWriter()))
                .execute()).isEqualTo(2);
    }
}
