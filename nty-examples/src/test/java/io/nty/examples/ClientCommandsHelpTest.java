package io.nty.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code pg --help} and {@code redis --help} describe the options; bad values name the option. */
class ClientCommandsHelpTest {

    @Test
    void pgHelpDescribesItsOptions() {
        assertThat(help("pg")).contains("PostgreSQL JDBC driver (unmodified)").contains("--connections")
                .contains("--queries").contains("--runtime").contains("--database").contains("--user")
                .contains("max_connections").contains("p50_us=").contains("errors=");
    }

    @Test
    void redisHelpDescribesItsOptions() {
        assertThat(help("redis")).contains("Jedis (unmodified)").contains("--connections").contains("--queries")
                .contains("--runtime").contains("--timeout-ms").contains("p99_us=");
    }

    @Test
    void aBadRuntimeIsAUsageErrorNamingTheOption() {
        StringWriter err = new StringWriter();
        int status = new CommandLine(new Main()).setErr(new PrintWriter(err))
                .execute("redis", "--runtime", "threads");
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("--runtime must be nty or virtual: threads");
    }

    private static String help(String command) {
        StringWriter out = new StringWriter();
        int status = new CommandLine(new Main()).setOut(new PrintWriter(out)).execute(command, "--help");
        assertThat(status).isZero();
        return out.toString();
    }
}
