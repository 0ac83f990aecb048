package io.nty.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DemoCommandTest {

    @Test
    void demoRunsServerAndClientAndEndsWithItsFigures() {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
            status = new CommandLine(new Main()).execute("demo", "--seconds", "1.2", "--connections", "20");
        } finally {
            System.setOut(original);
        }
        String out = bytes.toString(StandardCharsets.UTF_8);
        String[] lines = out.split("\n");

        assertThat(status).as(out).isZero();
        assertThat(out).contains("server: listening on 127.0.0.1:").contains("connections=20 requests=")
                .contains("latency: p50=");
        assertThat(lines[lines.length - 1])
                .matches("connections=20 requests=\\d+ rps=\\d+ p50_us=\\d+ p99_us=\\d+ errors=0");
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : new String[] {"demo", "echo", "http", "proxy", "bench-echo", "tour"}) {
            StringWriter help = new StringWriter();
            int status = new CommandLine(new Main()).setOut(new PrintWriter(help)).execute(command, "--help");
            assertThat(status).as(command).isZero();
            assertThat(help.toString()).as(command).contains("Usage: nty-examples " + command);
        }
    }

    @Test
    void badOptionValuesAreUsageErrorsNamingTheOption() {
        StringWriter err = new StringWriter();
        int status = new CommandLine(new Main()).setErr(new PrintWriter(err))
                .execute("bench-echo", "--port", "1", "--connections", "0");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("connections must be > 0");
    }

    @Test
    void aProxyTargetWithoutAPortIsAUsageErrorNamingTheOption() {
        StringWriter err = new StringWriter();
        int status = new CommandLine(new Main()).setErr(new PrintWriter(err))
                .execute("proxy", "--listen", "0", "--to", "localhost");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--to must be HOST:PORT, got 'localhost'");
    }
}
